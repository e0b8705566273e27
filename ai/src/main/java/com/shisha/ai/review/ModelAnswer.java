package com.shisha.ai.review;

import com.shisha.core.Product;
import com.shisha.core.coach.CallReviews.Rubric;

import java.util.List;
import java.util.Map;

/**
 * The model's review after repair: every item scored 0-100, exactly three tips in the partner's language.
 *
 * @param product null when neither the model nor the rubric scorer named one
 * @param repairs what was changed to get here, one line each; empty when the answer was valid as it came
 * @param json    this answer as canonical JSON, as stored
 */
record ModelAnswer(Map<Rubric, Integer> scores, Map<Rubric, List<String>> evidence, List<String> tips, Product product,
                   List<String> repairs, String json) {
}
