package com.shisha.ai.coach;

import com.shisha.core.Language;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PassagesAnswerTest {

    private static final KnowledgeBase KB = KnowledgeBase.load();

    private static List<KbSection> sections(Language language, String... ids) {
        return java.util.Arrays.stream(ids).map(id -> KB.section(id, language).orElseThrow()).toList();
    }

    @Test
    void aRoomyReplyHasTheTitleTheWholeSectionAndASeeAlso() {
        PassagesAnswer.Composed c = PassagesAnswer.compose(Language.EN, "what is AMC?",
                sections(Language.EN, "demat.charges", "compliance.fee-disclosure"), 4096);

        assertThat(c.text()).startsWith("The AI coach is busy, here is what our guide says:\n*Demat and trading charges*\n")
                .contains("- DP charges when shares are sold from the demat account.")
                .contains("See also: Disclosing fees and charges [compliance.fee-disclosure]")
                .endsWith("\nSources: [demat.charges]");
        assertThat(c.sources()).containsExactly("demat.charges", "compliance.fee-disclosure");
    }

    @Test
    void aTightReplyKeepsTheOpeningAndTheBulletTheQuestionIsAbout() {
        PassagesAnswer.Composed c = PassagesAnswer.compose(Language.EN, "what is AMC and brokerage, how much will a share account cost?",
                sections(Language.EN, "demat.charges", "compliance.fee-disclosure"), 300);

        assertThat(c.text().length()).isLessThanOrEqualTo(300);
        assertThat(c.text()).contains("Explain charges before opening;")
                .contains("annual maintenance charge (AMC)")
                .doesNotContain("See also").doesNotContain("…")
                .endsWith("[demat.charges]");
        assertThat(c.sources()).containsExactly("demat.charges");
    }

    @Test
    void hindiGetsTheHindiIntroAndLabels() {
        PassagesAnswer.Composed c = PassagesAnswer.compose(Language.HI, "पॉलिसी की किस्त भरना भूल गए तो क्या कवर बंद हो जाएगा?",
                sections(Language.HI, "insurance.premiums-riders"), 300);

        assertThat(c.text()).startsWith("AI कोच अभी व्यस्त है").contains("ग्रेस पीरियड").endsWith("स्रोत: [insurance.premiums-riders]");
        assertThat(c.text().length()).isLessThanOrEqualTo(300);
    }
}
