package com.shisha.persistence.seed;

import com.shisha.core.Language;
import com.shisha.core.journey.QuizBank;
import com.shisha.core.journey.QuizQuestion;
import com.shisha.core.journey.Skill;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuizBankFileTest {

    private static final String VALID = """
            {"id":"x-01","skill":"loans","topic":"emi","difficulty":1,"answer":"C",
             "en":{"q":"What is EMI?","options":["a","b","c","d"],"explain":"because"},
             "hi":{"q":"EMI क्या है?","options":["क","ख","ग","घ"],"explain":"क्योंकि"}}""";

    @Test
    void theSeedFileHoldsFiveQuestionsPerSkillInBothLanguages() {
        QuizBank bank = QuizBankFile.load();

        assertThat(bank.all()).hasSize(45);
        Map<Skill, Long> perSkill = bank.all().stream().collect(Collectors.groupingBy(QuizQuestion::skill, Collectors.counting()));
        assertThat(perSkill).hasSize(Skill.values().length).allSatisfy((skill, n) -> assertThat(n).isEqualTo(5));
        for (QuizQuestion q : bank.all()) {
            for (Language language : Language.values()) {
                QuizQuestion.Text text = q.text(language);
                assertThat(text.question()).as(q.id() + " " + language).isNotBlank();
                assertThat(text.explanation()).as(q.id() + " " + language).isNotBlank();
                assertThat(text.options()).as(q.id() + " " + language).hasSize(4).allSatisfy(o -> assertThat(o).isNotBlank());
            }
        }
    }

    @Test
    void answerLettersBecomeOptionIndices() {
        QuizBank bank = QuizBankFile.load();

        QuizQuestion first = bank.byId("loans-01").orElseThrow();
        assertThat(first.skill()).isEqualTo(Skill.LOANS);
        assertThat(first.answer()).isEqualTo(1); // "B"
        assertThat(first.text(Language.EN).options().get(first.answer())).isEqualTo("CIBIL credit score");
        assertThat(first.text(Language.HI).options().get(first.answer())).isEqualTo("CIBIL क्रेडिट स्कोर");
    }

    @Test
    void aMalformedQuestionIsNamedInTheError() {
        assertMalformed(VALID.replace("\"answer\":\"C\"", "\"answer\":\"E\""), "x-01", "answer");
        assertMalformed(VALID.replace("\"skill\":\"loans\"", "\"skill\":\"gardening\""), "x-01", "GARDENING");
        assertMalformed(VALID.replace("\"difficulty\":1", "\"difficulty\":\"easy\""), "x-01", "");
        assertMalformed(VALID.replace("\"options\":[\"क\",\"ख\",\"ग\",\"घ\"]", "\"options\":[\"क\",\"ख\"]"), "x-01", "four");
        assertMalformed(VALID.replace(",\n \"hi\":{\"q\":\"EMI क्या है?\",\"options\":[\"क\",\"ख\",\"ग\",\"घ\"],\"explain\":\"क्योंकि\"}", ""), "x-01", "hi");
    }

    @Test
    void aQuestionWithoutIdIsNamedByItsPosition() {
        assertMalformed("[" + VALID + "," + VALID.replace("\"id\":\"x-01\",", "").replace("\"answer\":\"C\"", "\"answer\":\"Z\"") + "]",
                "#2", "answer");
    }

    private static void assertMalformed(String json, String id, String detail) {
        String array = json.startsWith("[") ? json : "[" + json + "]";
        assertThatThrownBy(() -> QuizBankFile.parse(array))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quiz question " + id + " is malformed")
                .hasMessageContaining(detail);
    }
}
