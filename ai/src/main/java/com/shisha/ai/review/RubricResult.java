package com.shisha.ai.review;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.coach.CallReviews.Rubric;
import com.shisha.core.coach.CallAnalysis.Scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rubric scorer found in one transcript.
 *
 * @param notObserved items the call gave no occasion for (no objection raised): neutral score, no skill delta
 * @param product     the product the call was about; null when no product was named or explained
 * @param violation   the partner promised approval/returns or asked for an OTP/PIN: compliance is penalised
 * @param gaps        what was missing, as tips, most important first within each item
 * @param words       words in the transcript: too few and the scores say little
 * @param found       the names of the facets found (the checklist: "need or goal", "charges", "terms", "ask", ...)
 * @param objections  customer objections raised
 * @param answered    of those, answered with a reason or a fact
 */
public record RubricResult(Map<Rubric, Integer> scores, Map<Rubric, List<String>> evidence, Set<Rubric> notObserved,
                           Product product, boolean violation, List<Gap> gaps, int words, Set<String> found,
                           int objections, int answered) {

    public RubricResult {
        scores = Map.copyOf(scores);
        evidence = evidence.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        notObserved = Set.copyOf(notObserved);
        gaps = List.copyOf(gaps);
        found = Set.copyOf(found);
    }

    /**
     * One missing piece of good practice, with its tip in both languages.
     *
     * @param weight how many points of its item the missing piece cost; violations rank above everything
     */
    public record Gap(Rubric item, int weight, String en, String hi) {
        String text(Language language) {
            return language == Language.HI ? hi : en;
        }
    }

    public Scoring scoring() {
        return new Scoring(scores, evidence);
    }

    /**
     * Three tips tied to the weakest items: violations first, then one gap per item from the lowest score up, then
     * second gaps in the same order, and so on; a call with too few gaps is topped up with tips that keep its
     * strengths.
     */
    public List<String> tips(Language language, int count) {
        List<String> tips = new ArrayList<>();
        gaps.stream().filter(g -> g.weight() >= RubricScorer.VIOLATION_WEIGHT).map(g -> g.text(language))
                .forEach(t -> add(tips, t, count));
        List<Rubric> weakestFirst = scores.keySet().stream().filter(r -> !notObserved.contains(r))
                .sorted(Comparator.comparingInt((Rubric r) -> scores.get(r)).thenComparing(Rubric::ordinal)).toList();
        for (int round = 0; tips.size() < count && round < 5; round++) {
            for (Rubric item : weakestFirst) {
                List<Gap> own = gaps.stream().filter(g -> g.item() == item && g.weight() < RubricScorer.VIOLATION_WEIGHT)
                        .sorted(Comparator.comparingInt(Gap::weight).reversed()).toList();
                if (round < own.size()) {
                    add(tips, own.get(round).text(language), count);
                }
            }
        }
        gaps.stream().filter(g -> notObserved.contains(g.item())).map(g -> g.text(language)).forEach(t -> add(tips, t, count));
        for (Rubric item : weakestFirst) {
            add(tips, RubricScorer.keepTip(item, language), count);
        }
        return List.copyOf(tips);
    }

    private static void add(List<String> tips, String tip, int count) {
        if (tips.size() < count && !tips.contains(tip)) {
            tips.add(tip);
        }
    }
}
