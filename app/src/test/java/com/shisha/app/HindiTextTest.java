package com.shisha.app;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HindiTextTest {

    @Test
    void aTextIsHindiWhenItHasDevanagariBesidesTheNameOfTheLanguage() {
        assertThat(HindiText.isHindi("Which language do you prefer?\n1. English\n2. हिंदी (Hindi)")).isFalse();
        assertThat(HindiText.isHindi("*आपकी टॉप लीड*")).isTrue();
        assertThat(HindiText.isHindi(null)).isFalse();
    }

    @Test
    void latinWordsOutsideTheAllowListAreFound() {
        assertThat(HindiText.latinWords("1. *Deepak Sandhu*, 31 · बचत खाता · कानपुर, Uttar Pradesh"))
                .containsExactly("Deepak", "Pradesh", "Sandhu", "Uttar");
        assertThat(HindiText.latinWords("एक साथ बड़ी रकम की FD")).containsExactly("FD");
    }

    @Test
    void allowedWordsAddressesAndTypedAmountsAreNot() {
        assertThat(HindiText.latinWords("📞 कॉल: tel:+917159664708 💬 WhatsApp: https://wa.me/917159664708")).isEmpty();
        assertThat(HindiText.latinWords("(जैसे 25000, 25k या 2.5 लाख)। छोड़ने के लिए BACK। EMI, KYC, PAN")).isEmpty();
        assertThat(HindiText.latinWords("आपसे मिलकर खुशी हुई, Kiran!", List.of("Kiran"))).isEmpty();
    }

    /** Every Hindi template of the bot, including those no conversation file reaches. */
    @Test
    void theBotsHindiCatalogueHasNoEnglishWords() throws java.io.IOException {
        java.util.Properties hindi = new java.util.Properties();
        try (var in = HindiTextTest.class.getResourceAsStream("/i18n/messages_hi.properties")) {
            hindi.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(hindi).isNotEmpty();
        List<String> offending = new java.util.ArrayList<>();
        hindi.forEach((key, value) -> {
            var latin = HindiText.latinWords(String.valueOf(value));
            if (!latin.isEmpty()) {
                offending.add(key + ": " + latin);
            }
        });
        assertThat(offending).as("Hindi templates with Latin words outside the allow-list").isEmpty();
    }

    /** The quiz and the top partners' tips in Hindi, every question and tip, not only those a run draws. */
    @Test
    void theHindiQuizAndTipsHaveNoEnglishWords() throws java.io.IOException {
        List<String> offending = new java.util.ArrayList<>();
        for (String resource : List.of("/seed/quiz-questions.json", "/seed/community-tips.json")) {
            try (var in = HindiTextTest.class.getResourceAsStream(resource)) {
                hindiTexts(new tools.jackson.databind.ObjectMapper().readTree(in), false, resource, offending);
            }
        }
        assertThat(offending).as("Hindi catalogue texts with Latin words outside the allow-list").isEmpty();
    }

    /** Walks the JSON: every string under a "hi" key. */
    private static void hindiTexts(tools.jackson.databind.JsonNode node, boolean hindi, String where, List<String> offending) {
        if (node.isObject()) {
            node.properties().forEach(e -> hindiTexts(e.getValue(), hindi || e.getKey().equals("hi"), where, offending));
        } else if (node.isArray()) {
            node.forEach(n -> hindiTexts(n, hindi, where, offending));
        } else if (hindi && node.isString()) {
            var latin = HindiText.latinWords(node.asString());
            if (!latin.isEmpty()) {
                offending.add(where + ": " + latin + " in: " + node.asString());
            }
        }
    }
}
