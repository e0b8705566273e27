package com.shisha.ai.coach;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VectorIndexTest {

    private static List<float[]> random(int n, int dimensions, Random random) {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[dimensions];
            for (int d = 0; d < dimensions; d++) {
                v[d] = (float) random.nextGaussian();
            }
            vectors.add(v);
        }
        return vectors;
    }

    @Test
    void alikeRowsMeetOnlyTheAlikeQuery() {
        float[] x = {1, 0, 0};
        float[] y = {0, 1, 0};
        // owner 0 has a general row along x and an alike row along y; owner 1 a general row along y
        VectorIndex index = new VectorIndex(List.of(x, y, y), new int[] {0, 0, 1}, new boolean[] {false, true, false});
        assertThat(index.bestPerOwner(y, 2)[0]).isCloseTo(0f, within(0.01f));
        assertThat(index.bestPerOwner(x, y, 2)[0]).isCloseTo(1f, within(0.01f));
        float[] both = index.bestPerOwner(x, y, 2, true);
        assertThat(both[0]).isCloseTo(1f, within(0.01f));
        assertThat(both[1]).isCloseTo(0f, within(0.01f));
        assertThat(index.bestPerOwner(new float[] {0, 0, 1}, y, 2, true)[0]).isCloseTo(1f, within(0.01f));
    }

    @Test
    void byteRowsKeepCosinesWithinAFewThousandths() {
        Random random = new Random(1);
        List<float[]> vectors = random(50, 384, random);
        int[] owners = new int[50];
        for (int i = 0; i < 50; i++) {
            owners[i] = i;
        }
        VectorIndex index = new VectorIndex(vectors, owners);
        float[] q = random(1, 384, random).get(0);
        float[] scores = index.bestPerOwner(q, 50);
        float[] uq = VectorIndex.unit(q);
        for (int i = 0; i < 50; i++) {
            float[] u = VectorIndex.unit(vectors.get(i));
            double exact = 0;
            for (int d = 0; d < 384; d++) {
                exact += u[d] * uq[d];
            }
            assertThat((double) scores[i]).isCloseTo(exact, within(0.01));
        }
    }

    @Test
    void aLargeIndexStillFindsTheOwnerOfTheNearestRow() {
        Random random = new Random(2);
        int sections = VectorIndex.PREFILTER_ABOVE + 1_000;
        List<float[]> vectors = random(sections * 4, 64, random);
        int[] owners = new int[vectors.size()];
        for (int r = 0; r < owners.length; r++) {
            owners[r] = r / 4;
        }
        VectorIndex index = new VectorIndex(vectors, owners);
        for (int target : new int[] {7, 1_234, sections * 4 - 1}) {
            float[] scores = index.bestPerOwner(vectors.get(target), sections);
            int best = 0;
            for (int o = 1; o < sections; o++) {
                best = scores[o] > scores[best] ? o : best;
            }
            assertThat(best).isEqualTo(target / 4);
            assertThat((double) scores[best]).isCloseTo(1.0, within(0.01));
        }
    }
}
