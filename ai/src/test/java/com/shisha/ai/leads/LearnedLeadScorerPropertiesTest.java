package com.shisha.ai.leads;

import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.LeadScorer;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Skill;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.shisha.ai.leads.Fixtures.NOW;
import static com.shisha.ai.leads.LeadArbitraries.DAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold for any partner and lead. The monotone properties hold for the shipped model because LeadModel
 * refuses a negative weight on the features behind them; {@link #monotoneForAnyModelThatRespectsTheSigns} checks
 * that this, not luck in the shipped numbers, is why.
 */
class LearnedLeadScorerPropertiesTest {

    private static final LearnedLeadScorer SCORER = LearnedLeadScorer.fromClasspath();

    @Property
    void scoreIsFiniteAndWithinZeroAndOne(@ForAll("partners") PartnerContext partner, @ForAll("leads") Lead lead) {
        LeadScorer.Score score = SCORER.score(partner, lead, NOW);

        assertThat(Double.isFinite(score.value())).isTrue();
        assertThat(score.value()).isBetween(0.0, 1.0);
        assertThat(score.reasons()).hasSizeBetween(1, 3).doesNotHaveDuplicates()
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Property
    void sameInputGivesTheSameScore(@ForAll("partners") PartnerContext partner, @ForAll("leads") Lead lead) {
        assertThat(LearnedLeadScorer.fromClasspath().score(partner, lead, NOW)).isEqualTo(SCORER.score(partner, lead, NOW));
    }

    @Property
    void aFresherLeadNeverScoresLower(@ForAll("partners") PartnerContext partner, @ForAll("leads") Lead lead,
                                      @ForAll @LongRange(min = -30 * DAY, max = 3650 * DAY) long ageSeconds,
                                      @ForAll @LongRange(min = 0, max = 3650 * DAY) long olderBySeconds) {
        Lead fresher = Fixtures.withCreatedAt(lead, NOW.minusSeconds(ageSeconds));
        Lead older = Fixtures.withCreatedAt(lead, NOW.minusSeconds(ageSeconds + olderBySeconds));

        assertThat(value(SCORER, partner, fresher)).isGreaterThanOrEqualTo(value(SCORER, partner, older));
    }

    @Property
    void sellingTheLeadsProductNeverScoresLower(@ForAll("partners") PartnerContext partner, @ForAll("leads") Lead lead) {
        Set<Product> with = EnumSet.of(lead.product());
        with.addAll(partner.products());
        Set<Product> without = EnumSet.copyOf(with);
        without.remove(lead.product());

        assertThat(value(SCORER, Fixtures.withProducts(partner, List.copyOf(with)), lead))
                .isGreaterThanOrEqualTo(value(SCORER, Fixtures.withProducts(partner, List.copyOf(without)), lead));
    }

    @Property
    void aLeadInThePartnersCityNeverScoresLower(@ForAll("partners") PartnerContext anyPartner, @ForAll("leads") Lead lead,
                                                @ForAll("knownCities") String home, @ForAll("knownCities") String elsewhere) {
        Assume.that(!home.equals(elsewhere));
        PartnerContext partner = Fixtures.partner(home, anyPartner.products(), anyPartner.skills(), anyPartner.outcomes());
        Lead local = Fixtures.withCity(lead, "  " + home.toUpperCase() + " ");
        Lead remote = Fixtures.withCity(lead, elsewhere);

        assertThat(value(SCORER, partner, local)).isGreaterThanOrEqualTo(value(SCORER, partner, remote));
    }

    @Property
    void aHigherQuizScoreInTheLeadsProductNeverScoresLower(@ForAll("partners") PartnerContext partner,
                                                           @ForAll("leads") Lead lead,
                                                           @ForAll @IntRange(min = -50, max = 150) int lower,
                                                           @ForAll @IntRange(min = 0, max = 200) int higherBy) {
        assertThat(value(SCORER, withSkill(partner, lead.product(), lower + higherBy), lead))
                .isGreaterThanOrEqualTo(value(SCORER, withSkill(partner, lead.product(), lower), lead));
    }

    @Property
    void monotoneForAnyModelThatRespectsTheSigns(@ForAll("models") LeadModel model,
                                                 @ForAll("partners") PartnerContext partner, @ForAll("leads") Lead any,
                                                 @ForAll @LongRange(min = -30 * DAY, max = 3650 * DAY) long ageSeconds,
                                                 @ForAll @LongRange(min = 0, max = 3650 * DAY) long olderBySeconds) {
        LearnedLeadScorer scorer = new LearnedLeadScorer(model);
        Lead lead = Fixtures.withCreatedAt(any, NOW.minusSeconds(ageSeconds));
        Lead older = Fixtures.withCreatedAt(any, NOW.minusSeconds(ageSeconds + olderBySeconds));
        PartnerContext home = Fixtures.partner("Pune", partner.products(), partner.skills(), partner.outcomes());

        assertThat(value(scorer, partner, lead)).isGreaterThanOrEqualTo(value(scorer, partner, older));
        assertThat(value(scorer, home, Fixtures.withCity(lead, "Pune")))
                .isGreaterThanOrEqualTo(value(scorer, home, Fixtures.withCity(lead, "Jaipur")));
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

    @Provide
    Arbitrary<PartnerContext> partners() {
        return LeadArbitraries.partners();
    }

    @Provide
    Arbitrary<Lead> leads() {
        return LeadArbitraries.leads();
    }

    @Provide
    Arbitrary<String> knownCities() {
        return Arbitraries.of(LeadArbitraries.CITIES);
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
