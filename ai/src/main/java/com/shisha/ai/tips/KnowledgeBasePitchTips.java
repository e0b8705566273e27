package com.shisha.ai.tips;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.PitchTips;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Opening lines written by hand, each naming the knowledge-base section (kb/kb.en.md) it rests on, so the partner
 * can be pointed to the fuller explanation behind it.
 *
 * <p>The lead's own need comes first: {@link NeedClassifier} reads the note (with the product as a hard prior) into a
 * {@link TipFamily}, and a product with several families (loans, insurance) gets that family's tip
 * ({@code tips/need-tips.json}): a lead wanting an auto-rickshaw gets a vehicle-loan line, never the gold-loan line
 * of its age and income segment. Leads without a note, and the single-family products (cards, savings, demat), get
 * the segment tip below.
 *
 * <p>A lead is placed in a segment by age (under 30 young, 30 to 45 middle, over 45 senior) and income band. The
 * most specific tip wins: exact age and income, then age with any income, then any age with the income, then the
 * product's any/any tip, which the file must have for every product. The file is read and checked once, in the
 * constructor, which throws {@link IllegalStateException} on any problem.
 */
public final class KnowledgeBasePitchTips implements PitchTips {

    static final String RESOURCE = "kb/pitch-tips.json";

    private final Map<Product, Map<TipKey, TipRow>> tips;
    private final Map<TipFamily, NeedTips.Tip> needTips;
    private final NeedClassifier needs;

    public KnowledgeBasePitchTips() {
        this(RESOURCE);
    }

    KnowledgeBasePitchTips(String resource) {
        this.tips = PitchTipsFile.index(resource);
        this.needTips = NeedTips.load(new KbSections());
        this.needs = NeedClassifier.fromClasspath();
    }

    /**
     * Needs read before, by lead: a lead's note never changes, and the list and the lead's detail ask for the same
     * leads again and again. Bounded; emptied when full rather than tracking use, since a miss costs only a reading.
     */
    private final Map<Long, Need> needByLead = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int NEEDS_HELD = 50_000;

    private record Need(String noteEn, String noteHi, Product product, TipFamily family) {
    }

    /** The need this lead's note and product say. */
    TipFamily need(Lead lead) {
        Need held = needByLead.get(lead.id());
        if (held != null && held.product() == lead.product() && Objects.equals(held.noteEn(), lead.noteEn())
                && Objects.equals(held.noteHi(), lead.noteHi())) {
            return held.family();
        }
        TipFamily read = needs.classify(lead.noteEn(), lead.noteHi(), lead.product()).family();
        if (needByLead.size() >= NEEDS_HELD) {
            needByLead.clear();
        }
        needByLead.put(lead.id(), new Need(lead.noteEn(), lead.noteHi(), lead.product(), read));
        return read;
    }

    /** The tip depends on the customer only; the partner's profile does not change what a good opening is. */
    @Override
    public Optional<PitchTip> tip(Lead lead, PartnerContext partner, Language language) {
        boolean hasNote = lead.noteEn() != null && !lead.noteEn().isBlank() || lead.noteHi() != null && !lead.noteHi().isBlank();
        if (hasNote && TipFamily.of(lead.product()).size() > 1) {
            NeedTips.Tip tip = needTips.get(need(lead));
            return Optional.of(new PitchTip(language == Language.HI ? tip.hi() : tip.en(), tip.kb()));
        }
        Map<TipKey, TipRow> forProduct = tips.get(lead.product());
        String age = ageBand(lead.age());
        String income = lead.income().name().toLowerCase();
        List<TipKey> mostSpecificFirst = List.of(new TipKey(age, income), new TipKey(age, TipKey.ANY),
                new TipKey(TipKey.ANY, income), TipKey.FALLBACK);
        return mostSpecificFirst.stream().map(forProduct::get).filter(Objects::nonNull).findFirst()
                .map(row -> new PitchTip(language == Language.HI ? row.hi() : row.en(), row.kb()));
    }

    static String ageBand(int age) {
        return age < 30 ? "young" : age <= 45 ? "middle" : "senior";
    }
}
