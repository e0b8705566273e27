package com.shisha.ai.leads;

import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.LeadScorer;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Skill;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.shisha.ai.leads.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BaselineLeadScorerTest {

    private static final PartnerContext RAVI = Fixtures.partner("Jaipur", List.of(Product.INSURANCE, Product.SAVINGS_ACCOUNTS),
            Map.of(Skill.INSURANCE, 80, Skill.CREDIT_CARDS, 40), Map.of(Product.INSURANCE, new PartnerContext.Outcomes(10, 3)));

    private final BaselineLeadScorer scorer = new BaselineLeadScorer();

    @Test
    void aLocalInsuranceLeadForAnInsuranceSeller() {
        Lead lead = Fixtures.lead(1, Product.INSURANCE, " jaipur ", Lead.CreditBand.GOOD, NOW.minus(Duration.ofDays(3)));

        LeadScorer.Score score = scorer.score(RAVI, lead, NOW);

        // 0.30 * 1 + 0.20 * 0.80 + 0.20 * 1 + 0.20 * 2^(-3/7) + 0.10 * (3 + 1) / (10 + 5)
        double expected = 0.30 + 0.16 + 0.20 + 0.20 * 0.7429971445684742 + 0.10 * 4 / 15;
        assertThat(expected).isCloseTo(0.8352660955803614, within(1e-15));
        assertThat(score.value()).isCloseTo(expected, within(1e-9));
        assertThat(score.reasons()).containsExactly("sells insurance", "your insurance skill 80", "same city",
                "3 days old", "sold 3 of 10 insurance leads");
    }

    @Test
    void aStaleLoanLeadWithPoorCreditElsewhere() {
        Lead lead = Fixtures.lead(2, Product.LOANS, "Pune", Lead.CreditBand.POOR, NOW.minus(Duration.ofDays(14)));

        LeadScorer.Score score = scorer.score(RAVI, lead, NOW);

        // 0.85 * (0.30 * 0.2 + 0.20 * 0.5 + 0.20 * 0.3 + 0.20 * 0.25 + 0.10 * 0.2): two half-lives, no history
        assertThat(score.value()).isCloseTo(0.2465, within(1e-9));
        assertThat(score.reasons()).containsExactly("does not sell loans yet", "loans skill not assessed yet",
                "other city", "14 days old", "no loans leads worked yet", "poor credit, harder to approve");
    }

    @Test
    void newToCreditModulatesCreditCardsOnly() {
        Lead card = Fixtures.lead(3, Product.CREDIT_CARDS, "Indore", Lead.CreditBand.NEW, NOW.minus(Duration.ofDays(1)));
        PartnerContext cardSeller = Fixtures.withProducts(RAVI, List.of(Product.CREDIT_CARDS));

        LeadScorer.Score score = scorer.score(cardSeller, card, NOW);

        // 0.95 * (0.30 * 1 + 0.20 * 0.4 + 0.20 * 0.3 + 0.20 * 2^(-1/7) + 0.10 * 0.2)
        assertThat(score.value()).isCloseTo(0.95 * (0.30 + 0.08 + 0.06 + 0.20 * 0.9057236642639067 + 0.02), within(1e-9));
        assertThat(score.reasons()).contains("1 day old", "new to credit");

        Lead insurance = Fixtures.withProduct(card, Product.INSURANCE);
        assertThat(scorer.score(RAVI, insurance, NOW).reasons()).hasSize(5).doesNotContain("new to credit");
    }

    @Test
    void aLeadDatedInTheFutureCountsAsNewToday() {
        Lead lead = Fixtures.lead(4, Product.INSURANCE, "Jaipur", Lead.CreditBand.GOOD, NOW.plus(Duration.ofDays(2)));
        Lead now = Fixtures.withCreatedAt(lead, NOW);

        assertThat(scorer.score(RAVI, lead, NOW)).isEqualTo(scorer.score(RAVI, now, NOW));
        assertThat(scorer.score(RAVI, lead, NOW).reasons()).contains("new today");
    }

    @Test
    void aPartnerWhoTypedTheirCityInHindiMatchesTheLeadsHindiName() {
        PartnerContext hindi = Fixtures.partner("जयपुर", RAVI.products(), RAVI.skills(), RAVI.outcomes());
        Lead lead = new Lead(5, "Asha Verma", "+919800000000", 'F', 34, "Jaipur", "जयपुर", "Rajasthan", 2,
                Product.INSURANCE, Lead.IncomeBand.MID, Lead.CreditBand.GOOD, "demo", null, null, NOW, true, null);

        assertThat(scorer.score(hindi, lead, NOW).reasons()).contains("same city");
    }

    @Test
    void impossibleCountsAreReadAsTheNearestPossibleOnes() {
        PartnerContext odd = Fixtures.partner("Jaipur", List.of(Product.INSURANCE), Map.of(Skill.INSURANCE, 250),
                Map.of(Product.INSURANCE, new PartnerContext.Outcomes(2, 5)));
        Lead lead = Fixtures.lead(6, Product.INSURANCE, "Jaipur", Lead.CreditBand.GOOD, NOW);

        LeadScorer.Score score = scorer.score(odd, lead, NOW);

        // skill capped at 100; five sales imply five contacts: (5 + 1) / (5 + 5)
        assertThat(score.value()).isCloseTo(0.30 + 0.20 + 0.20 + 0.20 + 0.10 * 0.6, within(1e-9));
        assertThat(score.reasons()).contains("your insurance skill 100", "sold 5 of 5 insurance leads");
    }

    @Test
    void weightsChangeWhatCounts() {
        BaselineLeadScorer onlyFit = new BaselineLeadScorer(new Weights(1, 0, 0, 0, 0));
        Lead lead = Fixtures.lead(7, Product.DEMAT, "Pune", Lead.CreditBand.GOOD, NOW.minus(Duration.ofDays(300)));

        assertThat(onlyFit.score(RAVI, lead, NOW).value()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void weightsMustBeAShareEachAndSumToOne() {
        assertThat(Weights.DEFAULT).isEqualTo(new Weights(0.30, 0.20, 0.20, 0.20, 0.10));
        assertThatThrownBy(() -> new Weights(0.30, 0.20, 0.20, 0.20, 0.20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> new Weights(1.2, -0.2, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in [0, 1]");
        assertThatThrownBy(() -> new Weights(Double.NaN, 0.5, 0.5, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void tiesGoToTheNewerLeadThenTheLowerId() {
        Lead older = Fixtures.lead(1, Product.INSURANCE, "Jaipur", Lead.CreditBand.GOOD, NOW.minus(Duration.ofDays(2)));
        Lead newerHighId = Fixtures.lead(9, Product.INSURANCE, "Jaipur", Lead.CreditBand.GOOD, NOW.minus(Duration.ofDays(1)));
        Lead newerLowId = Fixtures.lead(8, Product.INSURANCE, "Jaipur", Lead.CreditBand.GOOD, NOW.minus(Duration.ofDays(1)));
        Lead best = Fixtures.lead(10, Product.INSURANCE, "Jaipur", Lead.CreditBand.GOOD, NOW);
        LeadScorer.Score same = new LeadScorer.Score(0.5, List.of());

        List<Scored> tied = List.of(new Scored(older, same), new Scored(newerHighId, same), new Scored(newerLowId, same));
        assertThat(tied.stream().sorted(Scored.BEST_FIRST).map(s -> s.lead().id())).containsExactly(8L, 9L, 1L);

        assertThat(scorer.rank(RAVI, List.of(older, newerHighId, best, newerLowId), NOW))
                .extracting(s -> s.lead().id()).containsExactly(10L, 8L, 9L, 1L);
    }
}
