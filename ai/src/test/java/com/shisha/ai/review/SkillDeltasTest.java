package com.shisha.ai.review;

import com.shisha.core.Product;
import com.shisha.core.coach.CallReviews.Rubric;
import com.shisha.core.journey.Skill;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SkillDeltasTest {

    @Test
    void deltas_are_small_bounded_and_have_a_dead_zone_around_fifty() {
        assertThat(SkillDeltas.delta(0)).isEqualTo(-5);
        assertThat(SkillDeltas.delta(40)).isEqualTo(-1);
        assertThat(SkillDeltas.delta(41)).isZero();
        assertThat(SkillDeltas.delta(59)).isZero();
        assertThat(SkillDeltas.delta(60)).isEqualTo(1);
        assertThat(SkillDeltas.delta(100)).isEqualTo(5);
        for (int s = 0; s <= 100; s++) {
            assertThat(SkillDeltas.delta(s)).isBetween(-5, 5);
        }
    }

    @Test
    void each_item_moves_its_own_skill_and_product_explanation_moves_the_products() {
        Map<Rubric, Integer> scores = new EnumMap<>(Rubric.class);
        scores.put(Rubric.OPENING, 100);
        scores.put(Rubric.NEED_DISCOVERY, 20);
        scores.put(Rubric.PRODUCT_EXPLANATION, 90);
        scores.put(Rubric.OBJECTION_HANDLING, 50);
        scores.put(Rubric.COMPLIANCE_DISCLOSURES, 0);
        scores.put(Rubric.CLOSING, 75);

        assertThat(SkillDeltas.of(scores, Set.of(), Product.INSURANCE, 200)).isEqualTo(Map.of(
                Skill.NEED_DISCOVERY, -3, Skill.INSURANCE, 4, Skill.COMPLIANCE, -5, Skill.CLOSING, 2));
        assertThat(SkillDeltas.of(scores, Set.of(), null, 200)).doesNotContainKeys(Skill.LOANS, Skill.INSURANCE)
                .hasSize(3);
        scores.put(Rubric.OBJECTION_HANDLING, 100);
        assertThat(SkillDeltas.of(scores, Set.of(Rubric.OBJECTION_HANDLING), null, 200))
                .doesNotContainKey(Skill.OBJECTION_HANDLING);
        assertThat(SkillDeltas.of(scores, Set.of(), Product.LOANS, SkillDeltas.MIN_WORDS - 1)).isEmpty();
    }
}
