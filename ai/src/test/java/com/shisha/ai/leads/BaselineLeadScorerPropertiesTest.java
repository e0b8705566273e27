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

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.shisha.ai.leads.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The lead scorer contract for the baseline, and what only the baseline promises. */
class BaselineLeadScorerPropertiesTest extends LeadScorerContract {

    private final BaselineLeadScorer scorer = new BaselineLeadScorer();

    @Override
    LeadScorer newScorer() {
        return new BaselineLeadScorer();
    }

    @Override
    List<Scored> rank(PartnerContext partner, Collection<Lead> leads, Instant now) {
        return scorer.rank(partner, leads, now);
    }

    @Property
    void everyFactorGivesAReason(@ForAll("partners") PartnerContext partner, @ForAll("leads") Lead lead) {
        assertThat(scorer.score(partner, lead, NOW).reasons()).hasSizeBetween(5, 6);
    }

    /**
     * The product also selects the skill, the history and (for lending) the credit modifier, so "a lead in a product
     * the partner sells beats the same lead in one they don't" holds only when those are equal for both products.
     */
    @Property
    void aLeadInASoldProductBeatsTheSameLeadInAnUnsoldOne(@ForAll("leads") Lead lead, @ForAll Product sold,
                                                          @ForAll Product unsold, @ForAll("skillScores") Integer skill,
                                                          @ForAll("maybeOutcomes") PartnerContext.Outcomes history,
                                                          @ForAll("cities") String city) {
        Assume.that(sold != unsold);
        Map<Skill, Integer> skills = new HashMap<>();
        Map<Product, PartnerContext.Outcomes> outcomes = new HashMap<>();
        for (Product p : List.of(sold, unsold)) {
            if (skill != null) {
                skills.put(Skill.of(p), skill);
            }
            if (history != null) {
                outcomes.put(p, history);
            }
        }
        PartnerContext partner = Fixtures.partner(city, List.of(sold), skills, outcomes);

        assertThat(value(partner, Fixtures.withProduct(lead, sold)))
                .isGreaterThanOrEqualTo(value(partner, Fixtures.withProduct(lead, unsold)));
    }

    @Property
    void aLeadInThePartnersCityIsExplainedAsSuch(@ForAll("partners") PartnerContext anyPartner, @ForAll("leads") Lead lead,
                                                 @ForAll("knownCities") String home) {
        PartnerContext partner = Fixtures.partner(home, anyPartner.products(), anyPartner.skills(), anyPartner.outcomes());

        assertThat(scorer.score(partner, Fixtures.withCity(lead, "  " + home.toUpperCase() + " "), NOW).reasons())
                .contains("same city");
    }

    @Provide
    Arbitrary<Integer> skillScores() {
        return Arbitraries.integers().between(0, 100).injectNull(0.2);
    }

    @Provide
    Arbitrary<PartnerContext.Outcomes> maybeOutcomes() {
        return LeadArbitraries.outcomes().injectNull(0.2);
    }

    @Provide
    Arbitrary<String> cities() {
        return LeadArbitraries.cities();
    }
}
