package com.shisha.ai.review;

import com.shisha.core.Product;
import com.shisha.core.coach.CallReviews.Rubric;
import com.shisha.core.journey.Skill;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns a review's scores into small changes to the partner's skills. One call is one sample: it nudges a skill,
 * it does not re-rate it, so a delta is at most {@link #MAX} either way: (score - 50) / 10 truncated toward zero,
 * so 41-59 give 0 (no signal either way), 60-69 +1, 90-99 +4, 100 +5, 31-40 -1, 1-10 -4, 0 -5.
 * <ul>
 *   <li>need discovery, objection handling, closing and compliance move the skills of the same name;</li>
 *   <li>product explanation moves the skill of the product the call was about, and nothing without a product;</li>
 *   <li>the opening has no skill of its own and moves nothing;</li>
 *   <li>an item the call gave no occasion for (no objection raised) moves nothing;</li>
 *   <li>a transcript under {@link #MIN_WORDS} words moves nothing: too little to judge a skill by.</li>
 * </ul>
 * Zero deltas are left out.
 */
final class SkillDeltas {

    static final int MAX = 5;
    static final int MIN_WORDS = 40;

    private SkillDeltas() {
    }

    static Map<Skill, Integer> of(Map<Rubric, Integer> scores, Set<Rubric> notObserved, Product product, int words) {
        Map<Skill, Integer> deltas = new EnumMap<>(Skill.class);
        if (words < MIN_WORDS) {
            return deltas;
        }
        for (Map.Entry<Rubric, Integer> e : scores.entrySet()) {
            if (notObserved.contains(e.getKey())) {
                continue;
            }
            Skill skill = switch (e.getKey()) {
                case OPENING -> null;
                case NEED_DISCOVERY -> Skill.NEED_DISCOVERY;
                case PRODUCT_EXPLANATION -> product == null ? null : Skill.of(product);
                case OBJECTION_HANDLING -> Skill.OBJECTION_HANDLING;
                case COMPLIANCE_DISCLOSURES -> Skill.COMPLIANCE;
                case CLOSING -> Skill.CLOSING;
            };
            int delta = delta(e.getValue());
            if (skill != null && delta != 0) {
                deltas.put(skill, delta);
            }
        }
        return deltas;
    }

    static int delta(int score) {
        return Math.max(-MAX, Math.min(MAX, (score - 50) / 10));
    }
}
