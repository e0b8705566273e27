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
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static com.shisha.ai.leads.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold for any partner and lead, including rows the database would refuse (skill scores outside 0-100,
 * negative or inconsistent counts) and leads dated far in the past or in the future.
 */
class BaselineLeadScorerPropertiesTest {

    private static final long DAY = LeadArbitraries.DAY;

    private final BaselineLeadScorer scorer = new BaselineLeadScorer();

    @Property
    void scoreIsFiniteAndWithinZeroAndOne(@ForAll("partners") PartnerContext partner, @ForAll("leads") Lead lead) {
        LeadScorer.Score score = scorer.score(partner, lead, NOW);

        assertThat(Double.isFinite(score.value())).isTrue();
        assertThat(score.value()).isBetween(0.0, 1.0);
        assertThat(score.reasons()).hasSizeBetween(5, 6).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Property
    void sameInputGivesTheSameScore(@ForAll("partners") PartnerContext partner, @ForAll("leads") Lead lead) {
        assertThat(new BaselineLeadScorer().score(partner, lead, NOW)).isEqualTo(scorer.score(partner, lead, NOW));
    }

    @Property
    void rankingDoesNotDependOnTheOrderLeadsArriveIn(@ForAll("partners") PartnerContext partner,
                                                     @ForAll("tieProneLeads") List<Lead> leads, @ForAll Random random) {
        List<Lead> shuffled = new ArrayList<>(leads);
        Collections.shuffle(shuffled, random);

        List<Scored> ranked = scorer.rank(partner, leads, NOW);

        assertThat(ids(scorer.rank(partner, shuffled, NOW))).isEqualTo(ids(ranked));
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i).score().value()).isLessThanOrEqualTo(ranked.get(i - 1).score().value());
        }
    }

    @Property
    void aFresherLeadNeverScoresLower(@ForAll("partners") PartnerContext partner, @ForAll("leads") Lead lead,
                                      @ForAll @LongRange(min = -30 * DAY, max = 3650 * DAY) long ageSeconds,
                                      @ForAll @LongRange(min = 0, max = 3650 * DAY) long olderBySeconds) {
        Lead fresher = Fixtures.withCreatedAt(lead, NOW.minusSeconds(ageSeconds));
        Lead older = Fixtures.withCreatedAt(lead, NOW.minusSeconds(ageSeconds + olderBySeconds));

        assertThat(value(partner, fresher)).isGreaterThanOrEqualTo(value(partner, older));
    }

    @Property
    void sellingTheLeadsProductNeverScoresLower(@ForAll("partners") PartnerContext partner, @ForAll("leads") Lead lead) {
        Set<Product> with = EnumSet.of(lead.product());
        with.addAll(partner.products());
        Set<Product> without = EnumSet.copyOf(with);
        without.remove(lead.product());

        assertThat(value(Fixtures.withProducts(partner, List.copyOf(with)), lead))
                .isGreaterThanOrEqualTo(value(Fixtures.withProducts(partner, List.copyOf(without)), lead));
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
    void aLeadInThePartnersCityNeverScoresLower(@ForAll("partners") PartnerContext anyPartner, @ForAll("leads") Lead lead,
                                                @ForAll("knownCities") String home, @ForAll("knownCities") String elsewhere) {
        Assume.that(!home.equals(elsewhere));
        PartnerContext partner = Fixtures.partner(home, anyPartner.products(), anyPartner.skills(), anyPartner.outcomes());
        Lead local = Fixtures.withCity(lead, "  " + home.toUpperCase() + " ");
        Lead remote = Fixtures.withCity(lead, elsewhere);

        assertThat(value(partner, local)).isGreaterThanOrEqualTo(value(partner, remote));
        assertThat(scorer.score(partner, local, NOW).reasons()).contains("same city");
    }

    @Provide
    Arbitrary<PartnerContext> partners() {
        return LeadArbitraries.partners();
    }

    @Provide
    Arbitrary<Lead> leads() {
        return LeadArbitraries.leads();
    }

    /** Few products and dates, so many leads tie on score and on date and the tie-breakers decide. */
    @Provide
    Arbitrary<List<Lead>> tieProneLeads() {
        Arbitrary<Instant> dates = Arbitraries.of(NOW.minusSeconds(DAY), NOW.minusSeconds(3 * DAY));
        return LeadArbitraries.leads(dates, Arbitraries.of(Product.INSURANCE, Product.DEMAT)).list().ofMaxSize(30)
                .uniqueElements(Lead::id);
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

    @Provide
    Arbitrary<String> knownCities() {
        return Arbitraries.of(LeadArbitraries.CITIES);
    }

    private double value(PartnerContext partner, Lead lead) {
        return scorer.score(partner, lead, NOW).value();
    }

    private static List<Long> ids(List<Scored> ranked) {
        return ranked.stream().map(s -> s.lead().id()).toList();
    }
}
