package com.shisha.ai.leads.train;

import com.shisha.ai.leads.LeadFeature;
import com.shisha.ai.leads.LeadModel;
import com.shisha.ai.leads.sim.Contact;
import com.shisha.ai.leads.sim.LeadOutcomeSimulator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeadModelTrainerTest {

    private static final List<Contact> HISTORY = LeadOutcomeSimulator.simulate(
            new LeadOutcomeSimulator.Settings(5, 800, 40, Instant.parse("2025-01-01T00:00:00Z")));

    @Test
    void theSameHistoryAndSeedGiveTheSameModel() {
        LeadModel once = new LeadModelTrainer(1).train(HISTORY, Map.of("run", "a"));

        assertThat(new LeadModelTrainer(1).train(HISTORY, Map.of("run", "a"))).isEqualTo(once);
        assertThat(once.about()).containsEntry("run", "a").containsKeys("trainer", "leftOutForSign");
    }

    /** The simulator's main interaction and its tier effect, recovered from outcomes alone. */
    @Test
    void learnsWhatTheSimulatorHid() {
        LeadModel model = new LeadModelTrainer(1).train(HISTORY, Map.of());

        assertThat(model.weight(LeadFeature.CARD_CREDIT_POOR)).isLessThan(model.weight(LeadFeature.LOAN_CREDIT_POOR))
                .isLessThan(-0.5);
        assertThat(model.weight(LeadFeature.SAME_CITY_TIER3)).isGreaterThan(model.weight(LeadFeature.SAME_CITY_TIER1));
        assertThat(model.weight(LeadFeature.SKILL_INSURANCE)).isGreaterThan(model.weight(LeadFeature.SKILL_SAVINGS));
        assertThat(model.weight(LeadFeature.SOURCE_CUSTOMER_REFERRAL)).isGreaterThan(model.weight(LeadFeature.SOURCE_MISSED_CALL));
    }
}
