package com.shisha.ai.tips;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.PitchTips.PitchTip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeBasePitchTipsTest {

    private static final PartnerContext PARTNER = new PartnerContext(7, "+919811111111", "Ravi", Language.EN, "Jaipur",
            List.of(Product.LOANS), Map.of(), Map.of(), 0);
    private static final Pattern DEVANAGARI = Pattern.compile("\\p{IsDevanagari}");
    private static final Pattern KB_HEADER = Pattern.compile("(?m)^## (\\S+) \\|");

    private final KnowledgeBasePitchTips tips = new KnowledgeBasePitchTips();

    @ParameterizedTest
    @EnumSource(Product.class)
    void everySegmentOfEveryProductGetsItsOwnTipInBothLanguages(Product product) {
        for (int age : new int[]{18, 29, 30, 45, 46, 100}) {
            for (Lead.IncomeBand income : Lead.IncomeBand.values()) {
                Lead lead = lead(product, age, income);
                PitchTip en = tips.tip(lead, PARTNER, Language.EN).orElseThrow();
                PitchTip hi = tips.tip(lead, PARTNER, Language.HI).orElseThrow();
                TipRow row = exactRow(product, KnowledgeBasePitchTips.ageBand(age), income);

                assertThat(en).isEqualTo(new PitchTip(row.en(), row.kb()));
                assertThat(hi).isEqualTo(new PitchTip(row.hi(), row.kb()));
                assertThat(DEVANAGARI.matcher(en.text()).find()).as("English tip for %s", lead).isFalse();
                assertThat(DEVANAGARI.matcher(hi.text()).find()).as("Hindi tip for %s", lead).isTrue();
            }
        }
    }

    @Test
    void aYoungLowIncomeLoanLeadHearsAboutBuildingCredit() {
        Lead lead = lead(Product.LOANS, 24, Lead.IncomeBand.LOW);

        assertThat(tips.tip(lead, PARTNER, Language.EN)).get().satisfies(tip -> {
            assertThat(tip.source()).isEqualTo("loans.eligibility-cibil");
            assertThat(tip.text()).startsWith("Start with their goal, not the loan.");
        });
        assertThat(tips.tip(lead, PARTNER, Language.HI).orElseThrow().text()).startsWith("लोन से नहीं");
    }

    @ParameterizedTest
    @CsvSource({"17, young", "29, young", "30, middle", "45, middle", "46, senior", "100, senior"})
    void ageBandsSplitAtThirtyAndFortyFive(int age, String band) {
        assertThat(KnowledgeBasePitchTips.ageBand(age)).isEqualTo(band);
    }

    @ParameterizedTest
    @CsvSource({
            "25, LOW,  loans.eligibility-cibil, young low",  // exact age and income
            "25, HIGH, loans.documents,         young any",  // age beats income
            "50, HIGH, loans.home-loan-basics,  any high",
            "50, MID,  loans.personal-basics,   any any"})
    void theMostSpecificTipWins(int age, Lead.IncomeBand income, String source, String text) {
        KnowledgeBasePitchTips specific = new KnowledgeBasePitchTips("tips/specificity.json");

        assertThat(specific.tip(lead(Product.LOANS, age, income), PARTNER, Language.EN))
                .contains(new PitchTip(text, source));
    }

    @Test
    void everyTipRestsOnASectionOfTheKnowledgeBase() throws IOException {
        Set<String> sections = sections("kb/kb.en.md");
        Set<String> hindiSections = sections("kb/kb.hi.md");

        assertThat(PitchTipsFile.rows(KnowledgeBasePitchTips.RESOURCE)).allSatisfy(row -> {
            assertThat(sections).as("## %s | in kb.en.md", row.kb()).contains(row.kb());
            assertThat(hindiSections).as("## %s | in kb.hi.md", row.kb()).contains(row.kb());
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "tips/absent.json;       tips/absent.json is missing from the classpath",
            "tips/malformed.json;    tips/malformed.json is not a valid list of tips",
            "tips/no-fallback.json;  no fallback tip (age any, income any) for product loans",
            "tips/unknown-product.json; tip #9: unknown product 'pensions'",
            "tips/unknown-age.json;  tip #9: unknown age 'old'",
            "tips/blank-text.json;   tip #2: no 'hi' text",
            "tips/duplicate.json;    tip #9: a second loans tip for young/low"})
    void aBadFileStopsStartupAndSaysWhatIsWrong(String resource, String problem) {
        assertThatThrownBy(() -> new KnowledgeBasePitchTips(resource))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(problem);
    }

    private static TipRow exactRow(Product product, String age, Lead.IncomeBand income) {
        return PitchTipsFile.rows(KnowledgeBasePitchTips.RESOURCE).stream()
                .filter(r -> r.product().equals(PitchTipsFile.code(product)) && r.segment().age().equals(age)
                        && r.segment().income().equals(income.name().toLowerCase()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + product + " tip for " + age + "/" + income));
    }

    private static Set<String> sections(String resource) throws IOException {
        try (InputStream in = KnowledgeBasePitchTipsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Matcher headers = KB_HEADER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return headers.results().map(m -> m.group(1)).collect(Collectors.toSet());
        }
    }

    private static Lead lead(Product product, int age, Lead.IncomeBand income) {
        return new Lead(1, "Asha Verma", "+919800000000", 'F', age, "Jaipur", null, "Rajasthan", 2, product, income,
                Lead.CreditBand.GOOD, "demo", null, null, Instant.parse("2025-06-15T10:00:00Z"), true, null);
    }
}
