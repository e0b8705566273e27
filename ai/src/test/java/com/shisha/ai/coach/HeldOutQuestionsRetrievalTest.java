package com.shisha.ai.coach;

import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * The retrieval on questions that played no part in choosing its weights, threshold or glossary
 * (kb/partner-questions-heldout.tsv, and kb/partner-questions-heldout2.tsv, written by another hand without reading
 * the guide's questions): what to expect from questions nobody has seen. The goal is the same as on the tuning set, top-1 >= 90% and top-3 >= 97% per language; the floors are the figures measured when the retrieval
 * last changed, below that goal for Hindi and Hinglish (docs/coach.md).
 */
class HeldOutQuestionsRetrievalTest {

    /** Measured counts per language (80 English, 82 Hindi, 83 Hinglish questions): top-1 and top-3. */
    static final Map<String, int[]> FLOORS = Map.of(
            "en", new int[] {74, 76},
            "hi", new int[] {69, 77},
            "hg", new int[] {68, 74});

    /** The second held-out set's counts (79 English, 75 Hindi, 76 Hinglish questions): top-1 and top-3. */
    static final Map<String, int[]> FLOORS_2 = Map.of(
            "en", new int[] {74, 78},
            "hi", new int[] {65, 71},
            "hg", new int[] {67, 74});

    @Test
    void heldOutQuestionsFindTheirSectionOrNothing() {
        PartnerQuestionsRetrievalTest.holds(PartnerQuestions.HELD_OUT, FLOORS);
    }

    @Test
    void secondHeldOutQuestionsFindTheirSectionOrNothing() {
        PartnerQuestionsRetrievalTest.holds(PartnerQuestions.HELD_OUT_2, FLOORS_2);
    }
}
