package com.shisha.ai.coach;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coach's retrieval, with the real embedding model, on questions written the way partners type them
 * (kb/partner-questions.tsv, the set the weights, the threshold and the glossary were chosen on), per language. The
 * held-out set is checked in {@link HeldOutQuestionsRetrievalTest}. The goal is top-1 >= 90% and top-3 >= 97% in
 * every language; where it is not reached, the floor is the figure measured when the retrieval last changed
 * (docs/coach.md has the gap).
 */
class PartnerQuestionsRetrievalTest {

    /**
     * Counts out of 88 per language, top-1 and top-3: one under those measured (86/88, 84/88, 83/88). Until the guide's
     * question bank grew from about 640 to 2,493 questions they measured 88/88, 84/88 and 85/88; the bank gained on
     * every set written apart from this one (the development sets' Hinglish top-1 by 21 and 19 questions, the fourth
     * held-out set's by 7), and this set, the one the weights were chosen on, lost near ties: of its 14 misses 13 have
     * their section second or third, and for one the guide itself files the question under the section found
     * (filling in a customer's form is mis-selling). These floors were lowered for that trade, once, and say so here.
     */
    static final Map<String, int[]> FLOORS = Map.of(
            "en", new int[] {85, 88},
            "hi", new int[] {83, 87},
            "hg", new int[] {82, 87});

    @Test
    void partnerQuestionsFindTheirSectionOrNothing() {
        holds(PartnerQuestions.TUNING, FLOORS);
    }

    /**
     * Prints the figures and, for a set open to diagnosis, every miss; then checks each language's top-1 and top-3
     * against the floors. The never-tuned sets' misses stay unprinted, so that nobody reads them in a build log.
     */
    static void holds(String resource, Map<String, int[]> floors) {
        List<PartnerQuestions> questions = PartnerQuestions.load(resource);
        assertThat(questions).hasSizeGreaterThanOrEqualTo(200);
        Map<String, RetrievalEvaluation.Figures> figures = RetrievalEvaluation.evaluate(questions,
                q -> SharedIndex.INDEX.search(q, 3), SectionIndex.ANSWERABLE);
        boolean open = !PartnerQuestions.NEVER_TUNED_ON.contains(resource);
        figures.forEach((language, f) -> System.out.printf("coach retrieval, %s, %s: %s%n%s", resource, language, f,
                open ? "  " + String.join("\n  ", f.misses()) + "\n" : ""));
        figures.forEach((language, f) -> {
            if (!floors.containsKey(language)) {
                assertThat(f.questions()).as(resource + " " + language + " questions, with no floor").isZero();
                return;
            }
            // at least 200 questions in all, each way of writing the set has in a fair share; the development sets
            // were written to probe Hindi and Hinglish, and hold a smaller English part
            assertThat(f.questions()).as(language + " questions").isGreaterThanOrEqualTo(
                    PartnerQuestions.DEVELOPMENT.contains(resource) ? questions.size() / 5 : questions.size() * 3 / 10);
            assertThat(f.top1()).as(resource + " " + language + " top-1").isGreaterThanOrEqualTo(floors.get(language)[0]);
            assertThat(f.top3()).as(resource + " " + language + " top-3").isGreaterThanOrEqualTo(floors.get(language)[1]);
        });
    }

    @Test
    void labelsNameSectionsOfTheGuide() {
        for (PartnerQuestions q : PartnerQuestions.ALL_SETS.stream()
                .flatMap(r -> PartnerQuestions.load(r).stream()).toList()) {
            assertThat(q.answerable() ? SharedIndex.KB.ids().contains(q.sectionId()) : true).as(q.question()).isTrue();
            assertThat(PartnerQuestions.LANGUAGES).contains(q.language());
        }
    }

    @Test
    void aFollowUpStaysWithTheSectionAnsweredLast() {
        // the guide's section on missed EMIs answers this too, so both reach the model; without the last topic the
        // gold loan is not among the first two
        assertThat(SharedIndex.INDEX.search("what if he can't pay it back?", 2, "loans.gold-loan"))
                .extracting(SectionIndex.Hit::sectionId).contains("loans.gold-loan");
        assertThat(SharedIndex.INDEX.search("what if he can't pay it back?", 2, null))
                .extracting(SectionIndex.Hit::sectionId).doesNotContain("loans.gold-loan");
        assertThat(SharedIndex.INDEX.search("how much does it cost?", 1, "insurance.term-life"))
                .extracting(SectionIndex.Hit::sectionId).containsExactly("insurance.term-life");
        assertThat(SharedIndex.INDEX.search("aur uske documents?", 3, "loans.gold-loan"))
                .extracting(SectionIndex.Hit::sectionId).contains("loans.gold-loan");
        assertThat(SharedIndex.INDEX.search("and if she cannot repay?", 1, "loans.gold-loan").get(0).score())
                .isGreaterThanOrEqualTo(SectionIndex.ANSWERABLE);
    }

    @Test
    void aRequestNearerToAnOffTopicExampleIsDeclinedThoughItSharesAWord() {
        // "gold" is a strong word of the gold-loan section; the request is about something else
        assertThat(SharedIndex.INDEX.search("what is the gold rate in the market today", 1).get(0).score())
                .isLessThan(SectionIndex.ANSWERABLE);
        assertThat(SharedIndex.INDEX.search("how much loan will he get on his gold chain", 1))
                .extracting(SectionIndex.Hit::sectionId).containsExactly("loans.gold-loan");
    }

    @Test
    void hindiAndHinglishOffTopicRequestsAreDeclinedThoughTheyShareAWord() {
        // "kist" (instalment) and "bhav" (rate) are words of the guide; the requests are about something else
        assertThat(SharedIndex.INDEX.search("pm kisan yojana ki agli kist ka paisa kab tak aayega", 1).get(0).score())
                .isLessThan(SectionIndex.ANSWERABLE);
        assertThat(SharedIndex.INDEX.search("मंडी में आज प्याज़ का भाव क्या है", 1).get(0).score())
                .isLessThan(SectionIndex.ANSWERABLE);
        assertThat(SharedIndex.INDEX.search("emi ki kist miss ho gayi to kya hoga", 1))
                .extracting(SectionIndex.Hit::sectionId).containsExactly("loans.missed-emi-default");
    }

    @Test
    void aNewQuestionIsNotPulledBackToTheLastTopic() {
        assertThat(SharedIndex.INDEX.search("what documents does a salaried customer need for a personal loan", 1,
                "insurance.motor")).extracting(SectionIndex.Hit::sectionId).containsExactly("loans.documents");
        assertThat(FollowUps.isFollowUp("ok thanks sir")).isFalse();
    }

    @Test
    void aQuestionWithNothingToSearchByFindsNothingAndDoesNotFail() {
        // invisible and bidirectional controls, a lone mark: what a fuzzer (or a stuck keyboard) sends
        for (String nothing : java.util.List.of("\u202E", "\u200B\u200D", "?!", "\u0901", "kya \u202E".substring(4))) {
            assertThat(SharedIndex.INDEX.search(nothing, 3)).as("'%s'", nothing).isEmpty();
        }
    }
}
