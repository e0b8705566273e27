package com.shisha.ai.coach;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FitTest {

    @Test
    void keepsTextThatFits() {
        assertThat(Fit.words("Ask about income first.", 40)).isEqualTo("Ask about income first.");
    }

    @Test
    void cutsAtAWordBoundaryWithAnEllipsis() {
        String cut = Fit.words("Ask about income, existing EMIs and the purpose of the loan.", 30);
        assertThat(cut).isEqualTo("Ask about income, existing…");
        assertThat(cut.length()).isLessThanOrEqualTo(30);
    }

    @Test
    void keepsTheTailWhenTheBodyIsShortened() {
        String text = Fit.withTail("Ask about income, existing EMIs and the purpose of the loan.", "\nSources: [loans.documents]", 60);
        assertThat(text).endsWith("\nSources: [loans.documents]").hasSizeLessThanOrEqualTo(60);
        assertThat(text).startsWith("Ask about income,");
    }

    @Test
    void hindiIsCutBetweenWords() {
        String cut = Fit.words("ग्राहक की आय और चल रही EMI के बारे में पहले पूछें", 25);
        assertThat(cut).hasSizeLessThanOrEqualTo(25).endsWith("…");
        assertThat("ग्राहक की आय और चल रही EMI के बारे में पहले पूछें").startsWith(cut.substring(0, cut.length() - 1));
        assertThat(cut.charAt(cut.length() - 2)).isNotEqualTo(' ');
    }
}
