package com.shisha.ai.leads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AucTest {

    @Test
    void aPerfectRankingIsOneAndItsReverseZero() {
        boolean[] outcomes = {false, false, true, true};

        assertThat(Auc.of(new double[]{0.1, 0.2, 0.8, 0.9}, outcomes)).isEqualTo(1.0);
        assertThat(Auc.of(new double[]{0.9, 0.8, 0.2, 0.1}, outcomes)).isEqualTo(0.0);
    }

    @Test
    void tiesCountHalf() {
        assertThat(Auc.of(new double[]{0.5, 0.5, 0.5, 0.5}, new boolean[]{false, true, false, true})).isEqualTo(0.5);
    }

    @Test
    void countsTheOrderedPairs() {
        // positives 0.4 and 0.7, negatives 0.1, 0.5, 0.7: 0.4 beats 1 of 3, 0.7 beats 2 and ties 1: (1 + 2.5) / 6
        double auc = Auc.of(new double[]{0.1, 0.4, 0.5, 0.7, 0.7}, new boolean[]{false, true, false, true, false});

        assertThat(auc).isCloseTo(3.5 / 6, within(1e-12));
    }

    @Test
    void needsBothOutcomes() {
        assertThatThrownBy(() -> Auc.of(new double[]{0.1, 0.2}, new boolean[]{true, true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both outcomes");
        assertThatThrownBy(() -> Auc.of(new double[]{0.1}, new boolean[]{true, false}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
