package com.shisha.ai.coach;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coach's retrieval, with the real embedding model, on questions written the way partners type them
 * (kb/partner-questions.tsv), per language. The floors are the figures measured when the retrieval last changed;
 * the goal is top-1 >= 90% and top-3 >= 97% in every language (docs/coach.md has the gap).
 */
class PartnerQuestionsRetrievalTest {

    /** Measured counts out of 88 per language: top-1 and top-3. */
    private static final Map<String, int[]> FLOORS = Map.of(
            "en", new int[] {74, 84},
            "hi", new int[] {74, 81},
            "hg", new int[] {66, 76});

    @Test
    void partnerQuestionsFindTheirSectionOrNothing() {
        List<PartnerQuestions> questions = PartnerQuestions.load();
        assertThat(questions).hasSizeGreaterThanOrEqualTo(200);
        Map<String, RetrievalEvaluation.Figures> figures = RetrievalEvaluation.evaluate(questions,
                q -> SharedIndex.INDEX.search(q, 3), SectionIndex.ANSWERABLE);
        figures.forEach((language, f) -> System.out.printf("coach retrieval, %s: %s%n  %s%n", language, f,
                String.join("\n  ", f.misses())));
        figures.forEach((language, f) -> {
            assertThat(f.top1()).as(language + " top-1").isGreaterThanOrEqualTo(FLOORS.get(language)[0]);
            assertThat(f.top3()).as(language + " top-3").isGreaterThanOrEqualTo(FLOORS.get(language)[1]);
        });
    }

    @Test
    void labelsNameSectionsOfTheGuide() {
        for (PartnerQuestions q : PartnerQuestions.load()) {
            assertThat(q.answerable() ? SharedIndex.KB.ids().contains(q.sectionId()) : true).as(q.question()).isTrue();
            assertThat(PartnerQuestions.LANGUAGES).contains(q.language());
        }
    }

    @Test
    void aFollowUpStaysWithTheSectionAnsweredLast() {
        // the guide's section on missed EMIs answers this too, so both reach the model; without the last topic the
        // gold loan is not among the first two
        assertThat(SharedIndex.INDEX.search("and what if she cannot repay?", 2, "loans.gold-loan"))
                .extracting(SectionIndex.Hit::sectionId).contains("loans.gold-loan");
        assertThat(SharedIndex.INDEX.search("and what if she cannot repay?", 2, null))
                .extracting(SectionIndex.Hit::sectionId).doesNotContain("loans.gold-loan");
        assertThat(SharedIndex.INDEX.search("how much does it cost?", 1, "insurance.term-life"))
                .extracting(SectionIndex.Hit::sectionId).containsExactly("insurance.term-life");
        assertThat(SharedIndex.INDEX.search("aur uske documents?", 3, "loans.gold-loan"))
                .extracting(SectionIndex.Hit::sectionId).contains("loans.gold-loan");
        assertThat(SharedIndex.INDEX.search("and if she cannot repay?", 1, "loans.gold-loan").get(0).score())
                .isGreaterThanOrEqualTo(SectionIndex.ANSWERABLE);
    }

    @Test
    void aNewQuestionIsNotPulledBackToTheLastTopic() {
        assertThat(SharedIndex.INDEX.search("what documents does a salaried customer need for a personal loan", 1,
                "insurance.motor")).extracting(SectionIndex.Hit::sectionId).containsExactly("loans.documents");
        assertThat(FollowUps.isFollowUp("ok thanks sir")).isFalse();
    }
}
