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

    @Test
    void englishLoanwordsInDevanagariAreReadAsTheGuidesWords() {
        assertThat(glossary.english("क्रेडिट कार्ड में नॉमिनी")).contains("credit", "card");
        assertThat(glossary.english("पर्सनल लोन")).contains("personal", "loan");
        // three consonants are enough when the vowels are the English word's too, not when they only sound near it
        assertThat(glossary.english("आधार कार्ड")).contains("aadhaar");
        assertThat(glossary.english("कम ब्याज")).doesNotContain("come");
    }

    @Test
    void aShortWordKeepsItsEndingVowel() {
        // पता (know) and पति (husband) share a key once the ending vowel goes; so do beta (son) and beti (daughter)
        assertThat(glossary.english("मुझे नहीं पता")).doesNotContain("husband");
        assertThat(glossary.english("customer ko pata nahi")).doesNotContain("husband");
        assertThat(glossary.english("मेरे पति")).contains("husband");
        assertThat(glossary.english("uski beti ki shaadi")).contains("daughter").doesNotContain("son");
        // a form after a postposition still meets its word: bime is bima
        assertThat(glossary.english("bime ka paisa")).contains("insurance");
    }

    /** A section staff add in the console brings its English words, so Hindi spelling them is read too. */
    @Test
    void theLoanwordsComeFromTheGuideBeingIndexed() {
        String question = "हार्वेस्टर के लिए लोन";
        assertThat(glossary.english(question)).doesNotContain("harvester");
        java.util.List<String> edited = new java.util.ArrayList<>(SectionIndex.englishLines(KnowledgeBase.load()));
        edited.add("A harvester loan pays for a new or used harvester.");
        assertThat(Glossary.load(edited).english(question)).contains("harvester", "loan");
    }

    @Test
    void hindiIsWrittenAsHinglishWithItsEnglishLoanwordsSpeltInEnglish() {
        assertThat(glossary.hinglish("अस्पताल में कैशलेस क्लेम कैसे होता है?")).isEqualTo("aspatal men cashless claim kaise hota hai?");
        assertThat(glossary.hinglish("क्रेडिट कार्ड की पॉलिसी")).isEqualTo("credit card ki policy");
        // बीमा is read as "insurance", but it is a Hindi word, and a Hinglish writer keeps it
        assertThat(glossary.hinglish("बीमा")).isEqualTo("bima");
        // पड़ता shares its loose key with पार्टी (party), not its spelling
        assertThat(glossary.hinglish("देना पड़ता है")).isEqualTo("dena parta hai");
    }

    @Test
    void englishWordsOfAHinglishQuestionStayInItsReading() {
        assertThat(glossary.english("customer bolta hai byaj zyada hai")).startsWith("customer");
    }

    @Test
    void hindiFunctionWordsLeaveAHinglishReadingThoughEnglishSpellsThemToo() {
        // "h" (hai), "to" (then) and "ab" (now) mean nothing to the English model
        assertThat(glossary.english("emi miss ho gayi to ab kya hoga h").split(" "))
                .contains("emi", "miss").doesNotContain("h", "to", "ab", "hoga");
    }

    @Test
    void aWordIsNotReadAsAnotherThatOnlySharesItsLooseKey() {
        // बार (times) and bhar (pay), docs and dhokha (fraud)
        assertThat(glossary.english("पहली बार फोन")).doesNotContain("pay");
        assertThat(glossary.english("loan ke docs lagte h")).doesNotContain("fraud").contains("documents");
        assertThat(glossary.english("card kho gaya")).contains("lost");
    }

    @Test
    void spellingsOfOneWordReadEachEnglishWordOnce() {
        assertThat(glossary.english("do saal ka loan").split(" ")).doesNotHaveDuplicates();
    }

    @Test
    void aHinglishQuestionIsReadThoughTheGlossaryKnowsNoneOfItsWords() {
        assertThat(glossary.english("cricket ka score kya hua")).contains("cricket", "score");
    }
}
