package com.shisha.ai.leads;

import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.LeadScorer;
import com.shisha.core.journey.PartnerContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static com.shisha.ai.leads.Fixtures.NOW;
import static com.shisha.ai.leads.LeadArbitraries.DAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every lead scorer must do, for any partner and lead (see {@link LeadArbitraries} for the odd rows included):
 * a finite score in [0, 1] with reasons, the same score for the same input, a value without reasons equal to the
 * score's, an order of leads that does not depend on the order they arrive in, and never less for a fresher lead, a
 * product the partner sells, or a lead in the partner's city. Each implementation's test extends this and adds its
 * own properties.
 */
abstract class LeadScorerContract {

    /** A new scorer each call, so "same input, same score" also covers two instances. */
    abstract LeadScorer newScorer();

    abstract List<Scored> rank(PartnerContext partner, Collection<Lead> leads, Instant now);

    @Property
    void scoreIsFiniteAndWithinZeroAndOne(@ForAll("partners") PartnerContext partner, @ForAll("leads") Lead lead) {
        LeadScorer.Score score = newScorer().score(partner, lead, NOW);

        assertThat(Double.isFinite(score.value())).isTrue();
        assertThat(score.value()).isBetween(0.0, 1.0);
        assertThat(score.reasons()).isNotEmpty().allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Property
    void sameInputGivesTheSameScore(@ForAll("partners") PartnerContext partner, @ForAll("leads") Lead lead) {
        assertThat(newScorer().score(partner, lead, NOW)).isEqualTo(newScorer().score(partner, lead, NOW));
    }

    @Property
    void theValueAloneIsTheScoresValueExactly(@ForAll("partners") PartnerContext partner, @ForAll("leads") Lead lead) {
        // the matcher ranks candidates by the value and writes reasons only for those it offers: one order for both
        LeadScorer scorer = newScorer();
        assertThat(scorer.value(partner, lead, NOW)).isEqualTo(scorer.score(partner, lead, NOW).value());
    }

    @Property
    void rankingDoesNotDependOnTheOrderLeadsArriveIn(@ForAll("partners") PartnerContext partner,
                                                     @ForAll("tieProneLeads") List<Lead> leads, @ForAll Random random) {
        List<Lead> shuffled = new ArrayList<>(leads);
        Collections.shuffle(shuffled, random);

        List<Scored> ranked = rank(partner, leads, NOW);

        assertThat(ids(rank(partner, shuffled, NOW))).isEqualTo(ids(ranked));
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

    @Property
    void aLeadInThePartnersCityNeverScoresLower(@ForAll("partners") PartnerContext anyPartner, @ForAll("leads") Lead lead,
                                                @ForAll("knownCities") String home, @ForAll("knownCities") String elsewhere) {
        Assume.that(!home.equals(elsewhere));
        PartnerContext partner = Fixtures.partner(home, anyPartner.products(), anyPartner.skills(), anyPartner.outcomes());
        Lead local = Fixtures.withCity(lead, "  " + home.toUpperCase() + " ");
        Lead remote = Fixtures.withCity(lead, elsewhere);

        assertThat(value(partner, local)).isGreaterThanOrEqualTo(value(partner, remote));
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
    Arbitrary<String> knownCities() {
        return Arbitraries.of(LeadArbitraries.CITIES);
    }

    double value(PartnerContext partner, Lead lead) {
        return newScorer().score(partner, lead, NOW).value();
    }

    private static List<Long> ids(List<Scored> ranked) {
        return ranked.stream().map(s -> s.lead().id()).toList();
    }
}
