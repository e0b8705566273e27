package com.shisha.ai.tips;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.PitchTips.PitchTip;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NeedTipsTest {

    private final NeedClassifier needs = NeedClassifier.forTips();

    /**
     * The model's tips are checked by reading them with the classifier: a hand-written tip for a narrow need must
     * pass that check. (A general family's tip is generic advice, which may read as any sibling.)
     */
    @Test
    void everyNarrowFamilysOwnTipReadsAsThatFamily() {
        Map<TipFamily, NeedTips.Tip> tips = NeedTips.load(new KbSections());
        for (NeedTips.Tip tip : tips.values()) {
            if (tip.family().general()) {
                continue;
            }
            for (String text : new String[]{tip.en(), tip.hi()}) {
                NeedClassifier.Reading read = needs.classify(text, TipFamily.of(tip.family().product()));
                assertThat(read.family()).as(text).isEqualTo(tip.family());
            }
        }
    }

    @Test
    void anAutoRickshawBuyerGetsAVehicleLoanTipNotAGoldLoanOne() {
        KnowledgeBasePitchTips tips = new KnowledgeBasePitchTips();
        Lead lead = new Lead(1, "Ramesh Yadav", "+919800000000", 'M', 52, "Indore", "इंदौर", "Madhya Pradesh", 2,
                Product.LOANS, Lead.IncomeBand.LOW, Lead.CreditBand.FAIR, "walk_in",
                "Wants to buy a second-hand auto-rickshaw, asking about a vehicle loan",
                "पुराना ऑटो-रिक्शा खरीदना चाहते हैं, व्हीकल लोन के बारे में पूछ रहे हैं", Instant.now(), true, null);
        PitchTip en = tips.tip(lead, null, Language.EN).orElseThrow();
        assertThat(en.text()).contains("vehicle").doesNotContainIgnoringCase("gold");
        assertThat(en.source()).isEqualTo("loans.emi-explained");
        assertThat(tips.tip(lead, null, Language.HI).orElseThrow().text()).contains("गाड़ी");
    }
}
