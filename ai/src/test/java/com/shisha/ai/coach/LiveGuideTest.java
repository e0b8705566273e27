package com.shisha.ai.coach;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.coach.CoachGuide;
import com.shisha.core.journey.Skill;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Edits over the shipped guide with the real embedding model: checked, searched once applied, swapped whole. */
class LiveGuideTest {

    /** One cache for the class: only the first rebuild embeds the whole guide, as on a running service. */
    @org.junit.jupiter.api.io.TempDir
    static Path cacheDir;

    private static LiveGuide fresh() {
        return new LiveGuide(SharedIndex.KB, SharedIndex.INDEX, SharedIndex.MODEL, cacheDir.resolve("embeddings.bin"));
    }

    private static CoachGuide.Section section(String id, String englishBody, String hindiBody) {
        return new CoachGuide.Section(id, Set.of(Product.LOANS), Set.of(Skill.LOANS),
                new CoachGuide.Text("Tractor loan for farmers", englishBody), new CoachGuide.Text("किसानों के लिए ट्रैक्टर लोन", hindiBody),
                List.of("tractor loan kaise milega", "ट्रैक्टर के लिए लोन"));
    }

    private static final CoachGuide.Section TRACTOR = section("loans.tractor",
            "A tractor loan pays for a new or used tractor; the tractor itself is the security.\n"
                    + "- Lenders look at the land the farmer holds and the crops grown.\n- Repayment can follow the harvest: half-yearly instalments.",
            "ट्रैक्टर लोन नए या पुराने ट्रैक्टर के लिए मिलता है; ट्रैक्टर ही ज़मानत होता है।\n"
                    + "- लोन देने वाले किसान की ज़मीन और फसल देखते हैं।\n- किस्तें फसल के हिसाब से छमाही हो सकती हैं।");

    @Test
    void everyShippedSectionPassesTheEditorsCheckSoItCanBeSavedBackUnchanged() {
        List<CoachGuide.Section> shipped = LiveGuide.sections(SharedIndex.KB);
        assertThat(shipped).hasSize(SharedIndex.KB.ids().size());
        assertThat(shipped).allSatisfy(s -> assertThat(LiveGuide.check(s)).as(s.id()).isEmpty());
    }

    @Test
    void theCheckNamesEachFieldThatIsWrong() {
        CoachGuide.Section bad = new CoachGuide.Section("Loans Tractor", Set.of(), Set.of(),
                new CoachGuide.Text("", "Too short."), new CoachGuide.Text("ट्रैक्टर | लोन", "# शीर्षक\n" + "ट्रैक्टर लोन के बारे में ".repeat(3)),
                List.of("ok", "two\nlines"));
        assertThat(LiveGuide.check(bad)).extracting(CoachGuide.Problem::field)
                .containsExactly("id", "skills", "english.title", "english.body", "hindi.title", "hindi.body", "questions");
        assertThat(LiveGuide.check(TRACTOR)).isEmpty();
    }

    @Test
    void anAppliedEditIsSearchedRetiredSectionsAreGoneAndNoEditsGiveTheShippedGuideBack() throws Exception {
        Path cache = cacheDir.resolve("embeddings.bin");
        LiveGuide guide = fresh();
        String question = "how can a farmer get a loan for a used tractor";
        assertThat(guide.snapshot().index().search(question, 3).get(0).sectionId()).isNotEqualTo("loans.tractor");

        guide.apply(List.of(TRACTOR), Set.of("loans.gold-loan"));
        assertThat(guide.snapshot().index().search(question, 3).get(0).sectionId()).isEqualTo("loans.tractor");
        assertThat(guide.snapshot().index().search("ट्रैक्टर खरीदने के लिए लोन चाहिए", 3).get(0).sectionId()).isEqualTo("loans.tractor");
        assertThat(guide.snapshot().kb().ids()).contains("loans.tractor").doesNotContain("loans.gold-loan");
        assertThat(guide.snapshot().index().search("gold loan against jewellery", 5))
                .extracting(SectionIndex.Hit::sectionId).doesNotContain("loans.gold-loan");
        assertThat(guide.live()).filteredOn(s -> s.id().equals("loans.tractor")).singleElement()
                .satisfies(s -> assertThat(s.hindi().title()).isEqualTo("किसानों के लिए ट्रैक्टर लोन"));
        assertThat(Files.size(cache)).as("the vectors are kept for the next start").isPositive();

        guide.apply(List.of(), Set.of());
        assertThat(guide.live()).isEqualTo(guide.shipped());
        assertThat(guide.snapshot().kb().questions("loans.gold-loan")).isEqualTo(SharedIndex.KB.questions("loans.gold-loan"));
    }

    @Test
    void anEditThatFailsTheCheckIsNotAppliedAndTheGuideStaysAsItWas() {
        LiveGuide guide = fresh();
        LiveGuide.Snapshot before = guide.snapshot();
        assertThatThrownBy(() -> guide.apply(List.of(section("loans.tractor", "short", "छोटा")), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loans.tractor").hasMessageContaining("english.body");
        assertThat(guide.snapshot()).isSameAs(before);
        assertThatThrownBy(() -> guide.apply(List.of(), SharedIndex.KB.ids())).hasMessageContaining("no sections");
    }

    /** A search never meets the new sections with the old index (or the reverse): they are swapped as one. */
    @Test
    void searchesDuringARebuildSeeOneWholeGuide() throws Exception {
        LiveGuide guide = fresh();
        AtomicBoolean done = new AtomicBoolean();
        List<String> broken = new ArrayList<>();
        CompletableFuture<Integer> searches = CompletableFuture.supplyAsync(() -> {
            int n = 0;
            while (!done.get() || n < 20) {
                LiveGuide.Snapshot s = guide.snapshot();
                for (SectionIndex.Hit hit : s.index().search("tractor or gold loan for a farmer", 5)) {
                    if (s.kb().section(hit.sectionId(), Language.HI).isEmpty()) {
                        broken.add(hit.sectionId());
                    }
                }
                n++;
            }
            return n;
        });
        for (int i = 0; i < 3; i++) {
            guide.apply(List.of(TRACTOR), Set.of("loans.gold-loan"));
            guide.apply(List.of(), Set.of());
        }
        done.set(true);
        assertThat(searches.get()).isGreaterThanOrEqualTo(20);
        assertThat(broken).isEmpty();
    }
}
