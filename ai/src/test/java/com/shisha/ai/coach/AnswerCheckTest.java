package com.shisha.ai.coach;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCheckTest {

    private static final String PASSAGES = """
            [savings.fixed-deposit] Fixed deposit
            Banks cut TDS of 10% on FD interest above Rs 40,000 a year. Deposits are insured up to 5 lakh per bank.
            """;
    private static final List<String> IDS = List.of("savings.fixed-deposit", "savings.recurring-deposit");

    @Test
    void aGroundedAnswerPassesWithItsCitations() {
        AnswerCheck.Result r = AnswerCheck.check("TDS of 10% applies above Rs 40,000 of interest [savings.fixed-deposit].", PASSAGES, IDS);
        assertThat(r.ok()).isTrue();
        assertThat(r.cited()).containsExactly("savings.fixed-deposit");
    }

    @Test
    void citationsOfSectionsNotGivenAreRemoved() {
        AnswerCheck.Result r = AnswerCheck.check("Deposits are insured up to 5 lakh per bank [savings.fixed-deposit, loans.made-up]. Ask first [demat.charges].",
                PASSAGES, IDS);
        assertThat(r.ok()).isTrue();
        assertThat(r.text()).isEqualTo("Deposits are insured up to 5 lakh per bank [savings.fixed-deposit]. Ask first.");
        assertThat(r.cited()).containsExactly("savings.fixed-deposit");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Tell him FDs give guaranteed 12% returns [savings.fixed-deposit]",
            "His loan approval is guaranteed if the CIBIL is good [savings.fixed-deposit]",
            "This plan is risk-free and will double your money [savings.fixed-deposit]",
            "ग्राहक को बताइए कि इसमें पक्का रिटर्न मिलेगा [savings.fixed-deposit]",
    })
    void promisesAreRejected(String answer) {
        assertThat(AnswerCheck.check(answer, PASSAGES, IDS).problem()).startsWith("promises");
    }

    @Test
    void sayingThatNothingIsGuaranteedIsNotAPromise() {
        assertThat(AnswerCheck.check("Each lender has its own rules, so no score guarantees approval [savings.fixed-deposit].",
                PASSAGES, IDS).ok()).isTrue();
        assertThat(AnswerCheck.check("Returns are not guaranteed; show the scheme documents [savings.fixed-deposit].",
                PASSAGES, IDS).ok()).isTrue();
        assertThat(AnswerCheck.check("किसी भी लोन की मंज़ूरी पक्की नहीं होती, हर बैंक के अपने नियम हैं [savings.fixed-deposit]।",
                PASSAGES, IDS).ok()).isTrue();
        // the same words without the negation still promise
        assertThat(AnswerCheck.check("With this score the bank guarantees approval [savings.fixed-deposit].", PASSAGES, IDS).problem())
                .contains("guarantees approval");
        assertThat(AnswerCheck.check("Tell him: returns are guaranteed with this plan [savings.fixed-deposit].", PASSAGES, IDS).problem())
                .contains("returns are guaranteed");
        assertThat(AnswerCheck.check("इस स्कीम में लोन की गारंटी है, चिंता मत करो [savings.fixed-deposit]।", PASSAGES, IDS).ok()).isFalse();
    }

    @Test
    void figuresNotInThePassagesAreRejected() {
        assertThat(AnswerCheck.check("The FD rate is 7.5% for seniors [savings.fixed-deposit]", PASSAGES, IDS).problem())
                .contains("7.5%");
        assertThat(AnswerCheck.check("He can borrow ₹2,00,000 easily [savings.fixed-deposit]", PASSAGES, IDS).problem())
                .contains("₹2,00,000");
        assertThat(AnswerCheck.check("Insured up to 5 lakh; TDS is 10 percent above Rs 40000 [savings.fixed-deposit]", PASSAGES, IDS).ok())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ok", "{\"answer\": \"Open an FD\", \"sources\": [\"savings.fixed-deposit\"]}",
            "```json\n{}\n```", "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", "<|im_start|>assistant Open an FD",
            "FD FD FD FD FD FD FD FD FD FD FD FD FD FD FD FD", "12 34 56 78 90 11 22 33 44 55 66 77 88"})
    void garbageIsRejected(String answer) {
        assertThat(AnswerCheck.check(answer, PASSAGES, IDS).ok()).as(answer).isFalse();
    }
}
