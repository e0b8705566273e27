package com.shisha.ai.review;

import com.shisha.core.Product;
import com.shisha.core.coach.CallReviews.Rubric;
import com.shisha.core.journey.Skill;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns a review's scores into small changes to the partner's skills. One call is one sample: it nudges a skill,
 * it does not re-rate it, so a delta is at most {@link #MAX} up and {@link #MAX_DOWN} down.
 * <ul>
 *   <li>an item at or above {@link #BAR} did what a decent call does: it never lowers its skill. Above 50 it raises
 *       it by (score - 50) / 10 (60-69 +1, 100 +5); below the bar it lowers it by one per ten points short,
 *       rounded up (39-30 -1, 29-20 -2, 19-10 -3, 9-0 -4);</li>
 *   <li>a call that meets the bar as a whole (no promise or OTP request, and its observed items average at least
 *       {@link #DECENT}) lowers no skill: a decent call is not evidence of a weak skill, and one weak item in it
 *       shows in the tips instead;</li>
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
    static final int MAX_DOWN = 4;
    static final int MIN_WORDS = 40;
    /** What one item of a decent call scores at least: the scorer gives 40 for two of five facets found. */
    static final int BAR = 40;
    /** What the observed items of a decent call average at least. */
    static final int DECENT = 50;

    private SkillDeltas() {
    }

    static Map<Skill, Integer> of(Map<Rubric, Integer> scores, Set<Rubric> notObserved, Product product, int words,
                                  boolean violation) {
        Map<Skill, Integer> deltas = new EnumMap<>(Skill.class);
        if (words < MIN_WORDS) {
            return deltas;
        }
        boolean decent = meetsTheBar(scores, notObserved, violation);
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
            if (decent && delta < 0) {
                delta = 0;
            }
            if (skill != null && delta != 0) {
                deltas.put(skill, delta);
            }
        }
        return deltas;
    }

    static boolean meetsTheBar(Map<Rubric, Integer> scores, Set<Rubric> notObserved, boolean violation) {
        if (violation) {
            return false;
        }
        var observed = scores.entrySet().stream().filter(e -> !notObserved.contains(e.getKey()))
                .mapToInt(Map.Entry::getValue).toArray();
        return observed.length > 0 && java.util.Arrays.stream(observed).average().orElse(0) >= DECENT;
    }

    static int delta(int score) {
        if (score >= BAR) {
            return Math.min(MAX, Math.max(0, (score - 50) / 10));
        }
        return -Math.min(MAX_DOWN, (BAR - score + 9) / 10);
    }
}
