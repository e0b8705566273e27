package com.shisha.ai.leads;

import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.LeadScorer;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Skill;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.shisha.ai.leads.Fixtures.NOW;
import static com.shisha.ai.leads.LeadArbitraries.DAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lead scorer contract for the shipped learned model, and what only it promises. Its monotone properties hold
 * because LeadModel refuses a negative weight on the features behind them; {@link #monotoneForAnyModelThatRespectsTheSigns}
 * checks that this, not luck in the shipped numbers, is why.
 */
class LearnedLeadScorerPropertiesTest extends LeadScorerContract {

    private static final LeadModel SHIPPED = LeadModel.fromClasspath();
    private final LearnedLeadScorer scorer = new LearnedLeadScorer(SHIPPED);

    @Override
    LeadScorer newScorer() {
        return LearnedLeadScorer.fromClasspath();
    }

    @Override
    List<Scored> rank(PartnerContext partner, Collection<Lead> leads, Instant now) {
        return scorer.rank(partner, leads, now);
    }

    @Property
    void atMostThreeDistinctReasons(@ForAll("partners") PartnerContext partner, @ForAll("leads") Lead lead) {
        assertThat(scorer.score(partner, lead, NOW).reasons()).hasSizeBetween(1, LearnedLeadScorer.MAX_REASONS)
                .doesNotHaveDuplicates();
    }

    @Property
    void aHigherQuizScoreInTheLeadsProductNeverScoresLower(@ForAll("partners") PartnerContext partner,
                                                           @ForAll("leads") Lead lead,
                                                           @ForAll @IntRange(min = -50, max = 150) int lower,
                                                           @ForAll @IntRange(min = 0, max = 200) int higherBy) {
        assertThat(value(withSkill(partner, lead.product(), lower + higherBy), lead))
                .isGreaterThanOrEqualTo(value(withSkill(partner, lead.product(), lower), lead));
    }

    @Property
    void monotoneForAnyModelThatRespectsTheSigns(@ForAll("models") LeadModel model,
                                                 @ForAll("partners") PartnerContext partner, @ForAll("leads") Lead any,
                                                 @ForAll @LongRange(min = -30 * DAY, max = 3650 * DAY) long ageSeconds,
                                                 @ForAll @LongRange(min = 0, max = 3650 * DAY) long olderBySeconds) {
        LearnedLeadScorer anyModel = new LearnedLeadScorer(model);
        Lead lead = Fixtures.withCreatedAt(any, NOW.minusSeconds(ageSeconds));
        Lead older = Fixtures.withCreatedAt(any, NOW.minusSeconds(ageSeconds + olderBySeconds));
        PartnerContext home = Fixtures.partner("Pune", partner.products(), partner.skills(), partner.outcomes());

        assertThat(value(anyModel, partner, lead)).isGreaterThanOrEqualTo(value(anyModel, partner, older));
        assertThat(value(anyModel, home, Fixtures.withCity(lead, "Pune")))
                .isGreaterThanOrEqualTo(value(anyModel, home, Fixtures.withCity(lead, "Jaipur")));
    }

    @Provide
    Arbitrary<LeadModel> models() {
        Arbitrary<Double> weight = Arbitraries.doubles().between(-3, 3);
        return weight.array(double[].class).ofSize(LeadFeature.COUNT).map(w -> {
            for (LeadFeature f : LeadFeature.ALL) {
                if (f.nonNegative()) {
                    w[f.ordinal()] = Math.abs(w[f.ordinal()]);
                }
            }
            return new LeadModel(-1, w, new double[LeadFeature.COUNT], Map.of());
        });
    }

    private static PartnerContext withSkill(PartnerContext p, Product product, int score) {
        Map<Skill, Integer> skills = new HashMap<>(p.skills());
        skills.put(Skill.of(product), score);
        return Fixtures.partner(p.city(), p.products(), skills, p.outcomes());
    }

    private static double value(LearnedLeadScorer scorer, PartnerContext partner, Lead lead) {
        return scorer.score(partner, lead, NOW).value();
    }
}
