package com.shisha.ai.coach;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LexiconTest {

    private static final Lexicon GUIDE = Lexicon.learn(KnowledgeBase.load());

    @Test
    void aWordIsReadAsTheEnglishItsLinesShare() {
        Lexicon lexicon = Lexicon.learn(List.of(
                new String[] {"सोना गिरवी रखें", "pledge the gold"},
                new String[] {"सोना सुरक्षित है", "the gold is safe"},
                new String[] {"गिरवी वापस मिलती है", "the pledge comes back"},
                new String[] {"ब्याज सुरक्षित है", "the interest is safe"}));
        assertThat(lexicon.english("सोना")).isEqualTo("gold");
        assertThat(lexicon.english("गिरवी")).isEqualTo("pledge");
    }

    @Test
    void theGuidesTranslationGivesHindiWordsInBothScriptsTheirEnglish() {
        assertThat(GUIDE.english("ब्याज")).isEqualTo("interest");
        assertThat(GUIDE.english("byaaj")).isEqualTo("interest");
        assertThat(GUIDE.english("samajh")).isEqualTo("understand");
        // aspirates kept: खुल (open) is not कुल (total)
        assertThat(GUIDE.english("khulega")).isNotEqualTo("total");
    }

    @Test
    void everydayWordsTheGuideNeverSaysComeFromTheParallelSentences() {
        assertThat(GUIDE.english("jhanjhat")).isEqualTo("hassle");
        assertThat(GUIDE.english("झंझट")).isEqualTo("hassle");
        assertThat(GUIDE.english("chori")).isEqualTo("theft");
        assertThat(GUIDE.english("naukri")).isEqualTo("job");
        // without them the guide's translation alone does not know the word
        Lexicon guideOnly = Lexicon.learn(Lexicon.guidePairs(KnowledgeBase.load()));
        assertThat(guideOnly.english("jhanjhat")).isNull();
    }

    @Test
    void wordsThatOnlyKeepCompanyAreNotReadAsEachOther() {
        // मांग (ask) sits beside "OTP" in the guide's lines, but "OTP" is as often beside other words
        assertThat(GUIDE.english("maang")).isNull();
    }

    @Test
    void theGlossaryReadsWhatItLacksThroughTheLexicon() {
        Glossary glossary = Glossary.load();
        assertThat(glossary.english("ग्राहक नया खाता क्यों खोलूँ")).contains("open");
        assertThat(glossary.english("customer ko plan samajh nahi aaya")).contains("understand");
        // a word of the guide's English is itself, though a Hindi word is spelt alike (kal)
        assertThat(glossary.english("customer ko kab call karu")).contains("call").doesNotContain("going");
    }
}
