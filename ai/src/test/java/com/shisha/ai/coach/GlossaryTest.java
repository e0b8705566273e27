package com.shisha.ai.coach;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlossaryTest {

    private final Glossary glossary = Glossary.load();

    @Test
    void hindiAndHinglishQuestionsAreReadInTheGuidesEnglishWords() {
        assertThat(glossary.english("customer bolta hai loan ka byaj bahut zyada hai")).contains("loan", "interest", "high");
        assertThat(glossary.english("ग्राहक बोलता है ब्याज बहुत ज़्यादा है")).contains("interest", "high");
        assertThat(glossary.english("गोल्ड लोन की किस्त")).contains("gold", "loan", "instalment");
    }

    @Test
    void englishQuestionsAreLeftAsTheyAre() {
        assertThat(glossary.english("customer says the interest is too high, what do I say")).isNull();
        assertThat(glossary.english("how does a gold loan work")).isNull();
    }
}
