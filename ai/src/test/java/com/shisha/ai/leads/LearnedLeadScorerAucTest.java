package com.shisha.ai.leads;

import com.shisha.ai.leads.sim.Contact;
import com.shisha.ai.leads.sim.Evaluation;
import com.shisha.ai.leads.sim.LeadOutcomeSimulator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped model against the baseline on a synthetic history it was not trained on: another seed, so other
 * partners, leads and outcomes, and a later period. Measured when written: learned 0.802, baseline 0.716, the
 * hidden probabilities 0.814. The bounds sit below those figures by about the spread between seeds (0.01), no more.
 */
class LearnedLeadScorerAucTest {

    private static final List<Contact> FRESH = LeadOutcomeSimulator.simulate(
            new LeadOutcomeSimulator.Settings(4242, 500, 40, Instant.parse("2026-03-01T00:00:00Z")));

    @Test
    void ranksUnseenContactsClearlyBetterThanTheBaseline() {
        double learned = Evaluation.auc(LearnedLeadScorer.fromClasspath(), FRESH);
        double baseline = Evaluation.auc(new BaselineLeadScorer(), FRESH);
        double truth = Evaluation.truthAuc(FRESH);

        assertThat(learned).as("learned AUC").isGreaterThan(0.78);
        assertThat(learned - baseline).as("learned %.4f minus baseline %.4f", learned, baseline).isGreaterThan(0.07);
        // the hidden probability sees the partner's true skills and state, so no scorer should beat it by much
        assertThat(truth - learned).as("truth %.4f minus learned %.4f", truth, learned).isBetween(-0.01, 0.03);
    }
}
