package com.shisha.ai.coach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores a retrieval on the labelled partner questions, per language. A question counts as right at 1 (at 3) when
 * its section is first (in the first three) and the best score clears the answerability threshold; a "none"
 * question counts as right when nothing clears it, i.e. the coach would offer a person instead of a passage.
 */
final class RetrievalEvaluation {

    record Figures(int questions, int top1, int top3, List<String> misses) {
        double top1Share() {
            return (double) top1 / questions;
        }

        double top3Share() {
            return (double) top3 / questions;
        }

        @Override
        public String toString() {
            return String.format("top-1 %d/%d (%.1f%%), top-3 %d/%d (%.1f%%)", top1, questions, 100 * top1Share(), top3,
                    questions, 100 * top3Share());
        }
    }

    private RetrievalEvaluation() {
    }

    /** @param search the three best hits for a question, best first */
    static Map<String, Figures> evaluate(List<PartnerQuestions> questions, Function<String, List<SectionIndex.Hit>> search,
                                         double threshold) {
        Map<String, Figures> byLanguage = new LinkedHashMap<>();
        for (String language : PartnerQuestions.LANGUAGES) {
            int n = 0;
            int top1 = 0;
            int top3 = 0;
            List<String> misses = new ArrayList<>();
            for (PartnerQuestions q : questions) {
                if (!q.language().equals(language)) {
                    continue;
                }
                n++;
                List<SectionIndex.Hit> hits = search.apply(q.question());
                boolean answered = !hits.isEmpty() && hits.get(0).score() >= threshold;
                boolean first;
                boolean inThree;
                if (q.answerable()) {
                    first = answered && hits.get(0).sectionId().equals(q.sectionId());
                    inThree = answered && hits.stream().limit(3).anyMatch(h -> h.sectionId().equals(q.sectionId()));
                } else {
                    first = !answered;
                    inThree = first;
                }
                top1 += first ? 1 : 0;
                top3 += inThree ? 1 : 0;
                if (!first) {
                    misses.add(String.format("%s [%s] -> %s", q.question(), q.sectionId(), hits.stream().limit(3)
                            .map(h -> String.format("%s %.2f", h.sectionId(), h.score())).toList()));
                }
            }
            byLanguage.put(language, new Figures(n, top1, top3, misses));
        }
        return byLanguage;
    }
}
