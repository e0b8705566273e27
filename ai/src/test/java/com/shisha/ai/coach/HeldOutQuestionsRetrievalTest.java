package com.shisha.ai.coach;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retrieval on questions that played no part in choosing its weights or glossary (the first two sets helped place
 * the threshold, the third did not): what to expect from
 * questions nobody has seen. kb/partner-questions-heldout.tsv was written apart from the tuning set;
 * kb/partner-questions-heldout2.tsv by another author, before the retrieval last changed and without reading the
 * guide's questions. Both authors later added questions to the guide (none copied from the held-out sets), so the
 * figures are optimistic; kb/partner-questions-heldout3.tsv, by a third author, has not been looked at for tuning. The goal is the same as on the tuning set, top-1 >= 90% and top-3 >= 97% per language
 * (docs/coach.md has the gap).
 */
class HeldOutQuestionsRetrievalTest {

    /**
     * Counts per language (80 English, 82 Hindi, 83 Hinglish questions), top-1 and top-3: one under those measured
     * (75/79, 79/82, 79/83). English and Hinglish top-1 were lowered once, by two and two: when the guide's question bank
     * grew from 2,493 to 3,373 questions this set lost near ties (its English miss scores 1.33 against 1.32, its two
     * Hinglish ones 1.83 against 1.79 and 1.81 against 1.75) while every set gained 18 questions at top-1 in all and the
     * two never-tuned sets 6 of them.
     */
    static final Map<String, int[]> FLOORS = Map.of(
            "en", new int[] {74, 79},
            "hi", new int[] {78, 81},
            "hg", new int[] {78, 82});

    /** The second held-out set's (79 English, 75 Hindi, 76 Hinglish), one under those measured (78/79, 72/74, 76/76), never lowered. */
    static final Map<String, int[]> FLOORS_2 = Map.of(
            "en", new int[] {77, 78},
            "hi", new int[] {71, 74},
            "hg", new int[] {75, 75});

    /**
     * The third held-out set's (68 per language, 8 of them out of scope), written by a third author from the guide's
     * section list alone, never looked at for tuning: one under those measured (68/68, 67/68, 68/68), never lowered.
     */
    static final Map<String, int[]> FLOORS_3 = Map.of(
            "en", new int[] {67, 67},
            "hi", new int[] {66, 67},
            "hg", new int[] {67, 67});

    /**
     * The fourth held-out set's (70 per language, 8 of them out of scope), by an author who read only the guide, never
     * looked at question by question: one under those measured (67/70, 69/70, 65/69), never lowered. Hinglish, the
     * weakest, is what questions from an unseen hand look like.
     */
    static final Map<String, int[]> FLOORS_4 = Map.of(
            "en", new int[] {67, 69},
            "hi", new int[] {68, 69},
            "hg", new int[] {64, 68});

    /**
     * The development set's (90 Hindi, 150 Hinglish questions, 10 and 18 of them out of scope), by an author who saw no
     * code; its misses are read to find what a fresh hand writes that the retrieval misses: one under those measured
     * (80/89, 145/148; 69/83, 114/132 when it was added).
     */
    static final Map<String, int[]> FLOORS_DEV = Map.of(
            "hi", new int[] {79, 88},
            "hg", new int[] {144, 147});

    /**
     * The second development set's (60 English, 90 Hindi, 150 Hinglish questions, 5, 7 and 12 of them out of scope), by
     * an author who read only the English guide: one under those measured (55/59, 81/88, 141/147; 53/57, 73/85,
     * 119/140 when it was added, before the guide's question bank grew).
     */
    static final Map<String, int[]> FLOORS_DEV_2 = Map.of(
            "en", new int[] {54, 58},
            "hi", new int[] {80, 87},
            "hg", new int[] {140, 146});

    @Test
    void secondDevelopmentQuestionsFindTheirSectionOrNothing() {
        PartnerQuestionsRetrievalTest.holds(PartnerQuestions.DEV_2, FLOORS_DEV_2);
    }

    @Test
    void developmentQuestionsFindTheirSectionOrNothing() {
        PartnerQuestionsRetrievalTest.holds(PartnerQuestions.DEV, FLOORS_DEV);
    }

    @Test
    void heldOutQuestionsFindTheirSectionOrNothing() {
        PartnerQuestionsRetrievalTest.holds(PartnerQuestions.HELD_OUT, FLOORS);
    }

    @Test
    void secondHeldOutQuestionsFindTheirSectionOrNothing() {
        PartnerQuestionsRetrievalTest.holds(PartnerQuestions.HELD_OUT_2, FLOORS_2);
    }

    @Test
    void thirdHeldOutQuestionsFindTheirSectionOrNothing() {
        PartnerQuestionsRetrievalTest.holds(PartnerQuestions.HELD_OUT_3, FLOORS_3);
    }

    @Test
    void fourthHeldOutQuestionsFindTheirSectionOrNothing() {
        PartnerQuestionsRetrievalTest.holds(PartnerQuestions.HELD_OUT_4, FLOORS_4);
    }

    /** The goal, per language, on the sets nobody tuned for: the floors above may sit under it, these may not. */
    @Test
    void theNeverTunedSetsMeetTheGoalInEveryLanguage() {
        for (String resource : PartnerQuestions.NEVER_TUNED_ON) {
            RetrievalEvaluation.evaluate(PartnerQuestions.load(resource), q -> SharedIndex.INDEX.search(q, 3),
                    SectionIndex.ANSWERABLE).forEach((language, f) -> {
                        assertThat(100.0 * f.top1() / f.questions()).as(resource + " " + language + " top-1 %").isGreaterThanOrEqualTo(90);
                        assertThat(100.0 * f.top3() / f.questions()).as(resource + " " + language + " top-3 %").isGreaterThanOrEqualTo(97);
                    });
        }
    }
}
