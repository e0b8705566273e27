package com.shisha.dialogs;

import com.shisha.core.Language;
import com.shisha.core.channel.SpeechFit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text as a caller hears it on the phone line: nothing to read, and nothing to type except on WhatsApp. */
class CatalogueSpokenTest {

    private static final Pattern WRITE = Pattern.compile("\\b(reply|replies|type|tap|send|write)\\b|भेजें|लिखें|टाइप|टैप",
            Pattern.CASE_INSENSITIVE);
    private final Catalogue catalogue = new Catalogue();

    @Test
    void noSpokenTextAsksForTypingExceptOnWhatsApp() {
        List<String> wrong = new ArrayList<>();
        for (Language language : Language.values()) {
            for (String key : catalogue.keys(language)) {
                if (key.startsWith(Catalogue.SPOKEN) || key.startsWith("choice.")) {
                    continue;
                }
                String heard = SpeechFit.speakable(catalogue.text(language, true, key));
                for (String sentence : heard.split("(?<=[.?!।])\\s+")) {
                    if (WRITE.matcher(sentence).find() && !sentence.contains("WhatsApp")) {
                        wrong.add(language + " " + key + ": " + sentence);
                    }
                }
                assertThat(heard).as("%s %s", language, key).doesNotContain("*", "🎤", "👉", "⏸");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theSpokenFormIsUsedOnlyForACall() {
        assertThat(catalogue.text(Language.EN, true, "menu")).isEqualTo("Main menu.");
        assertThat(catalogue.text(Language.EN, false, "menu")).startsWith("*Main menu*\n1. Skill quiz");
        // a key without a spoken form is said as written
        assertThat(catalogue.text(Language.HI, true, "prompt.name")).isEqualTo(catalogue.text(Language.HI, false, "prompt.name"));
    }

    @Test
    void speechFitDropsMarkupAndEmojiAndMakesLinesSentences() {
        assertThat(SpeechFit.speakable("🎉 *Great!* Your lead:\n1. *Asha* · Loans · Indore\n- ask about EMI"))
                .isEqualTo("Great! Your lead: 1. Asha, Loans, Indore. ask about EMI");
        assertThat(SpeechFit.speakable("👉 *अगला कदम:* क्विज़\n\n⏸")).isEqualTo("अगला कदम: क्विज़");
    }
}
