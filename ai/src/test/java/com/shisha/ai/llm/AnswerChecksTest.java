package com.shisha.ai.llm;

import com.shisha.core.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerChecksTest {

    @Test
    void the_object_is_found_inside_fences_and_chat_and_braces_in_strings_do_not_confuse_it() {
        var found = AnswerChecks.jsonObjectIn("Here you go:\n```json\n{\"tip\": \"use {name} }\", \"n\": {\"a\": 1}}\n```\nBye")
                .orElseThrow();

        assertThat(found.json()).isEqualTo("{\"tip\": \"use {name} }\", \"n\": {\"a\": 1}}");
        assertThat(found.fenced()).isTrue();
        assertThat(found.leading()).isTrue();
        assertThat(found.trailing()).isTrue();
    }

    @Test
    void a_clean_object_needs_no_cutting_and_an_unclosed_one_is_not_found() {
        var clean = AnswerChecks.jsonObjectIn("  {\"a\": \"x\\\"}\"}  ").orElseThrow();

        assertThat(clean.json()).isEqualTo("{\"a\": \"x\\\"}\"}");
        assertThat(clean.fenced() || clean.leading() || clean.trailing()).isFalse();
        assertThat(AnswerChecks.jsonObjectIn("{\"a\": 1")).isEmpty();
        assertThat(AnswerChecks.jsonObjectIn("no json")).isEmpty();
        assertThat(AnswerChecks.jsonObjectIn(null)).isEmpty();
    }

    @Test
    void hindi_is_mostly_devanagari_and_english_almost_none() {
        assertThat(AnswerChecks.isIn("ऑफ़र GroMo ऐप में दिखाएँ, EMI समझाएँ।", Language.HI)).isTrue();
        assertThat(AnswerChecks.isIn("Offer GroMo app mein dikhayein.", Language.HI)).isFalse();
        assertThat(AnswerChecks.isIn("Show the offer in the GroMo app.", Language.EN)).isTrue();
        assertThat(AnswerChecks.isIn("Show the offer: ऑफ़र दिखाएँ", Language.EN)).isFalse();
        assertThat(AnswerChecks.isIn("123 !!", Language.EN)).isFalse();
    }
}
