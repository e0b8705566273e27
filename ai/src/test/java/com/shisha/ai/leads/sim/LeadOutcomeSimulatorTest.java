package com.shisha.ai.leads.sim;

import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class LeadOutcomeSimulatorTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final List<Contact> HISTORY = LeadOutcomeSimulator.simulate(
            new LeadOutcomeSimulator.Settings(11, 1_000, 40, START));

    @Test
    void theSameSeedGivesTheSameHistoryAndAnotherSeedAnother() {
        LeadOutcomeSimulator.Settings settings = new LeadOutcomeSimulator.Settings(3, 50, 10, START);

        assertThat(LeadOutcomeSimulator.simulate(settings)).isEqualTo(LeadOutcomeSimulator.simulate(settings));
        assertThat(LeadOutcomeSimulator.simulate(new LeadOutcomeSimulator.Settings(4, 50, 10, START)))
                .isNotEqualTo(LeadOutcomeSimulator.simulate(settings));
    }

    @Test
    void contactsLookLikeTheSeededLeads() {
        assertThat(HISTORY).hasSize(40_000);
        assertThat(HISTORY).allSatisfy(c -> {
            assertThat(c.lead().createdAt()).isBetween(c.at().minus(Duration.ofDays(30)), c.at());
            assertThat(c.at()).isBetween(START, START.plus(Duration.ofDays(180)));
            assertThat(c.partner().products()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
            assertThat(c.lead().cityTier()).isBetween(1, 3);
            assertThat(c.trueProbability()).isStrictlyBetween(0.0, 1.0);
        });
        assertThat(Evaluation.conversionRate(HISTORY)).isBetween(0.08, 0.25);
        assertThat(share(c -> c.partner().products().contains(c.lead().product()))).isBetween(0.65, 0.85);
        assertThat(share(c -> c.partner().city().equals(c.lead().city()))).isBetween(0.5, 0.7);
    }

    @Test
    void poorCreditRarelyGetsACardAndHurtsLoansLess() {
        double poorCards = rate(c -> c.lead().product() == Product.CREDIT_CARDS && c.lead().credit() == Lead.CreditBand.POOR);
        double goodCards = rate(c -> c.lead().product() == Product.CREDIT_CARDS && c.lead().credit() == Lead.CreditBand.GOOD);
        double poorLoans = rate(c -> c.lead().product() == Product.LOANS && c.lead().credit() == Lead.CreditBand.POOR);
        double goodLoans = rate(c -> c.lead().product() == Product.LOANS && c.lead().credit() == Lead.CreditBand.GOOD);

        assertThat(poorCards).isLessThan(goodCards / 5);
        assertThat(poorLoans).isGreaterThan(goodLoans / 5).isLessThan(goodLoans / 2);
    }

    @Test
    void smallTownsRespondToALocalPartner() {
        double tier3Local = rate(c -> c.lead().cityTier() == 3 && local(c));
        double tier3Away = rate(c -> c.lead().cityTier() == 3 && !local(c) && !c.lead().state().equals(state(c)));
        double tier1Local = rate(c -> c.lead().cityTier() == 1 && local(c));
        double tier1Away = rate(c -> c.lead().cityTier() == 1 && !local(c) && !c.lead().state().equals(state(c)));

        assertThat(tier3Local / tier3Away).isGreaterThan(1.8).isGreaterThan(tier1Local / tier1Away + 0.5);
    }

    @Test
    void freshLeadsConvertMoreAndReferralsMoreThanMissedCalls() {
        double day1 = rate(c -> ageDays(c) < 1);
        double week2 = rate(c -> ageDays(c) >= 10 && ageDays(c) < 15);
        double referral = rate(c -> "customer_referral".equals(c.lead().source()));
        double missedCall = rate(c -> "missed_call".equals(c.lead().source()));

        assertThat(day1).isGreaterThan(week2 * 1.5);
        assertThat(referral).isGreaterThan(missedCall * 2);
    }

    private static boolean local(Contact c) {
        return c.partner().city().equals(c.lead().city());
    }

    private static String state(Contact c) {
        return SimCities.ALL.stream().filter(city -> city.name().equals(c.partner().city())).findFirst().orElseThrow().state();
    }

    private static double ageDays(Contact c) {
        return Duration.between(c.lead().createdAt(), c.at()).toHours() / 24.0;
    }

    private static double share(Predicate<Contact> which) {
        return HISTORY.stream().filter(which).count() / (double) HISTORY.size();
    }

    private static double rate(Predicate<Contact> which) {
        List<Contact> matching = HISTORY.stream().filter(which).toList();
        assertThat(matching).as("contacts to measure").hasSizeGreaterThan(200);
        return Evaluation.conversionRate(matching);
    }
}
