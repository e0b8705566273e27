package com.shisha.ai.leads;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadModelTest {

    private static final LeadModel SHIPPED = LeadModel.fromClasspath();

    @Test
    void theShippedModelSaysItIsSyntheticAndWhereItCameFrom() {
        assertThat(SHIPPED.about().get("note").toString()).contains("SYNTHETIC");
        assertThat(SHIPPED.about()).containsKeys("trainer", "simulation", "aucHeldOutLearned", "aucHeldOutBaseline");
    }

    @Test
    void writingAndReadingGivesTheSameModel() {
        assertThat(read(SHIPPED.toJson())).isEqualTo(SHIPPED);
    }

    @Test
    void refusesAFileForOtherFeatures() {
        String renamed = SHIPPED.toJson().replace("\"fresh_slow\"", "\"fresh_very_slow\"");

        assertThatThrownBy(() -> read(renamed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be fresh_slow").hasMessageContaining("retrain");
    }

    @Test
    void refusesANegativeWeightWhereMoreMustNeverLowerAScore() {
        double[] weights = SHIPPED.weights();
        weights[LeadFeature.SAME_CITY_TIER3.ordinal()] = -0.5;

        assertThatThrownBy(() -> new LeadModel(SHIPPED.intercept(), weights, SHIPPED.means(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same_city_tier3");
    }

    @Test
    void refusesAFileWithANegativeWeightWhereMoreMustNeverLowerAScore() {
        String weight = "\"weight\" : " + SHIPPED.weight(LeadFeature.FRESH_SLOW);
        String json = SHIPPED.toJson();
        assertThat(json).contains(weight);

        assertThatThrownBy(() -> read(json.replace(weight, "\"weight\" : -1.0")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fresh_slow must not lower a score");
    }

    @Test
    void refusesOtherFormatsVersionsAndNonNumbers() {
        String json = SHIPPED.toJson();

        assertThatThrownBy(() -> read(json.replace("\"version\" : 1", "\"version\" : 2")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("version 1");
        assertThatThrownBy(() -> read(json.replace("shisha-lead-model", "other")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> read(json.replaceFirst("\"intercept\" : [^,]+", "\"intercept\" : \"high\"")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("intercept must be a number");
        assertThatThrownBy(() -> read("{")).isInstanceOf(IllegalStateException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> LeadModel.fromClasspath("leads/absent.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing");
    }

    @Test
    void theConstructorRefusesWrongLengthsAndNonFiniteValues() {
        double[] ok = new double[LeadFeature.COUNT];
        double[] nan = ok.clone();
        nan[3] = Double.NaN;

        assertThatThrownBy(() -> new LeadModel(0, new double[2], ok, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeadModel(0, nan, ok, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> new LeadModel(Double.POSITIVE_INFINITY, ok, ok, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isImmutable() {
        double[] weights = SHIPPED.weights();
        Arrays.fill(weights, 0);

        assertThat(SHIPPED.weights()).isNotEqualTo(weights);
    }

    private static LeadModel read(String json) {
        return LeadModel.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
