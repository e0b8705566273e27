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
    void aRoomyReplyIsTheWholeSectionInOrderAndNamesTheRunnerUp() {
        PassagesAnswer.Composed c = PassagesAnswer.compose(Language.EN, "what is AMC?",
                sections(Language.EN, "demat.charges", "compliance.fee-disclosure"), 4096);

        assertThat(c.body()).contains("- DP charges when shares are sold from the demat account.")
                .endsWith("\nSee also: Disclosing fees and charges")
                .doesNotContain("[").doesNotContain("*");
        assertThat(c.sources()).extracting(KbSection::id).containsExactly("demat.charges");
    }

    @Test
    void aTightPageGetsTheOpeningAndTheBulletTheQuestionIsAboutFirst() {
        PassagesAnswer.Composed c = PassagesAnswer.compose(Language.EN, "what is AMC and brokerage, how much will a share account cost?",
                sections(Language.EN, "demat.charges", "compliance.fee-disclosure"), 300);

        String firstPage = c.body().substring(0, 300);
        assertThat(firstPage).contains("Explain charges before opening;").contains("annual maintenance charge (AMC)");
        assertThat(c.body()).contains("- DP charges when shares are sold from the demat account.")
                .doesNotContain("…").endsWith("See also: Disclosing fees and charges");
    }

    @Test
    void hindiGetsHindiTextAndLabels() {
        PassagesAnswer.Composed c = PassagesAnswer.compose(Language.HI, "पॉलिसी की किस्त भरना भूल गए तो क्या कवर बंद हो जाएगा?",
                sections(Language.HI, "insurance.premiums-riders", "insurance.claim-settlement"), 300);

        assertThat(c.body().substring(0, 300)).contains("ग्रेस पीरियड");
        assertThat(c.body()).contains("यह भी देखें:");
        assertThat(c.sources()).extracting(KbSection::title).allMatch(t -> t.codePoints().noneMatch(Character::isLowerCase));
    }
}
