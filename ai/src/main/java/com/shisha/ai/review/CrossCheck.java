package com.shisha.ai.review;

import com.shisha.core.coach.CallReviews.Rubric;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The model's scores checked against the rubric scorer's, item by item:
 * <ul>
 *   <li>within {@link #LIMIT} points of each other: the model's score stands (it reads nuance the phrase lists
 *       miss);</li>
 *   <li>further apart: the item is marked as a disagreement and the two are averaged, so neither a model that
 *       misread the call nor a phrase list that missed a paraphrase decides alone;</li>
 *   <li>compliance when the rubric found a violation (a promise of approval or returns, a request for an OTP):
 *       the lower of the two, whatever the difference. A model must not talk a violation up.</li>
 * </ul>
 */
final class CrossCheck {

    static final int LIMIT = 25;

    record Result(Map<Rubric, Integer> scores, List<Rubric> disagreements) {
    }

    private CrossCheck() {
    }

    static Result of(Map<Rubric, Integer> model, RubricResult rubric) {
        Map<Rubric, Integer> scores = new EnumMap<>(Rubric.class);
        List<Rubric> disagreements = new ArrayList<>();
        for (Rubric item : Rubric.values()) {
            int m = model.get(item);
            int r = rubric.scores().get(item);
            boolean apart = Math.abs(m - r) > LIMIT;
            if (apart) {
                disagreements.add(item);
            }
            if (item == Rubric.COMPLIANCE_DISCLOSURES && rubric.violation()) {
                scores.put(item, Math.min(m, r));
            } else {
                scores.put(item, apart ? Math.round((m + r) / 2f) : m);
            }
        }
        return new Result(scores, disagreements);
    }
}
