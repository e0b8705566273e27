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
import static org.assertj.core.api.Assertions.within;

class LearnedLeadScorerTest {

    private static final PartnerContext ASHA = Fixtures.partner("Jaipur", List.of(Product.CREDIT_CARDS, Product.INSURANCE),
            Map.of(Skill.CREDIT_CARDS, 70, Skill.INSURANCE, 85), Map.of(Product.INSURANCE, new PartnerContext.Outcomes(20, 6)));

    private final LearnedLeadScorer scorer = LearnedLeadScorer.fromClasspath();

    @Test
    void theScoreIsTheModelsProbability() {
        Lead lead = Fixtures.lead(1, Product.INSURANCE, "Jaipur", Lead.CreditBand.GOOD, NOW.minus(Duration.ofDays(2)));

        double expected = scorer.model().probability(LeadFeatures.extract(ASHA, lead, NOW));

        assertThat(scorer.score(ASHA, lead, NOW).value()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void aPoorCreditCardLeadSaysWhy() {
        Lead poor = Fixtures.lead(2, Product.CREDIT_CARDS, "Jaipur", Lead.CreditBand.POOR, NOW.minus(Duration.ofDays(1)));
        Lead good = Fixtures.lead(3, Product.CREDIT_CARDS, "Jaipur", Lead.CreditBand.GOOD, NOW.minus(Duration.ofDays(1)));

        LeadScorer.Score score = scorer.score(ASHA, poor, NOW);

        assertThat(score.reasons()).first().isEqualTo("poor credit, hard to approve");
        assertThat(score.value()).isLessThan(scorer.score(ASHA, good, NOW).value() / 3);
    }

    /** The interaction the baseline cannot see: poor credit sinks a card lead far more than a loan lead. */
    @Test
    void poorCreditHurtsCardsMoreThanLoans() {
        PartnerContext both = Fixtures.withProducts(ASHA, List.of(Product.CREDIT_CARDS, Product.LOANS));
        Lead card = Fixtures.lead(4, Product.CREDIT_CARDS, "Jaipur", Lead.CreditBand.POOR, NOW);
        Lead loan = Fixtures.withProduct(card, Product.LOANS);

        double cardDrop = logit(both, Fixtures.withCredit(card, Lead.CreditBand.FAIR)) - logit(both, card);
        double loanDrop = logit(both, Fixtures.withCredit(loan, Lead.CreditBand.FAIR)) - logit(both, loan);

        assertThat(cardDrop).isGreaterThan(loanDrop).isGreaterThan(0);
    }

    @Test
    void aFreshLocalLeadInWhatThePartnerSellsReadsAsSuch() {
        // no quiz taken, so the skill factor, the strongest for a good insurance seller, does not crowd the others out
        PartnerContext small = Fixtures.partner("Hapur", ASHA.products(), Map.of(), ASHA.outcomes());
        Lead lead = new Lead(5, "Asha Verma", "+919800000000", 'F', 34, "Hapur", "हापुड़", "Uttar Pradesh", 3,
                Product.INSURANCE, Lead.IncomeBand.MID, Lead.CreditBand.GOOD, "customer_referral", null, null, NOW,
                true, null);

        LeadScorer.Score score = scorer.score(small, lead, NOW);

        assertThat(score.reasons()).containsExactlyInAnyOrder("new today", "same city", "from a customer referral");
        assertThat(score.value()).isGreaterThan(0.5);
    }

    @Test
    void reasonsAreShortPlainWords() {
        Lead lead = Fixtures.lead(6, Product.DEMAT, "Pune", Lead.CreditBand.NEW, NOW.minus(Duration.ofDays(20)));

        List<String> reasons = scorer.score(ASHA, lead, NOW).reasons();

        assertThat(reasons).hasSizeBetween(1, 3).allSatisfy(r -> assertThat(r).hasSizeLessThan(45).doesNotContain("_"));
        assertThat(reasons).contains("you don't sell demat yet", "20 days old, going cold");
    }

    @Test
    void aModelThatSeesNothingSaysTheLeadIsAverage() {
        double[] zero = new double[LeadFeature.COUNT];
        LearnedLeadScorer flat = new LearnedLeadScorer(new LeadModel(0, zero, zero, Map.of()));

        LeadScorer.Score score = flat.score(ASHA, Fixtures.lead(7, Product.LOANS, "Pune", Lead.CreditBand.GOOD, NOW), NOW);

        assertThat(score.value()).isEqualTo(0.5);
        assertThat(score.reasons()).containsExactly(LearnedLeadScorer.AVERAGE);
    }

    @Test
    void ranksBestFirst() {
        Lead stale = Fixtures.lead(8, Product.INSURANCE, "Pune", Lead.CreditBand.GOOD, NOW.minus(Duration.ofDays(25)));
        Lead fresh = Fixtures.lead(9, Product.INSURANCE, "Jaipur", Lead.CreditBand.GOOD, NOW);
        Lead poorCard = Fixtures.lead(10, Product.CREDIT_CARDS, "Jaipur", Lead.CreditBand.POOR, NOW);

        assertThat(scorer.rank(ASHA, List.of(stale, poorCard, fresh), NOW)).extracting(s -> s.lead().id())
                .containsExactly(9L, 8L, 10L);
    }

    private double logit(PartnerContext partner, Lead lead) {
        return scorer.model().logit(LeadFeatures.extract(partner, lead, NOW));
    }
}
