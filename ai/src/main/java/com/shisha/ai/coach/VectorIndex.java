package com.shisha.ai.coach;

import java.util.Arrays;
import java.util.List;

/**
 * Exact nearest neighbours by cosine over unit vectors kept in one flat array. At this knowledge base's size (and
 * at 10,000 sections, see bench/coach.sh) a linear scan is a couple of milliseconds, well under the embedding of
 * the query itself, so an approximate index would only add recall loss and start-up time.
 */
final class VectorIndex {

    private final int dimensions;
    private final float[] rows;
    private final int[] owners;

    /** @param owners for each vector, the index of the thing it belongs to (many vectors may share an owner) */
    VectorIndex(List<float[]> vectors, int[] owners) {
        if (vectors.isEmpty() || vectors.size() != owners.length) {
            throw new IllegalArgumentException("need one owner per vector and at least one vector");
        }
        this.dimensions = vectors.get(0).length;
        this.rows = new float[vectors.size() * dimensions];
        for (int r = 0; r < vectors.size(); r++) {
            float[] unit = unit(vectors.get(r));
            if (unit.length != dimensions) {
                throw new IllegalArgumentException("vector " + r + " has " + unit.length + " dimensions, expected " + dimensions);
            }
            System.arraycopy(unit, 0, rows, r * dimensions, dimensions);
        }
        this.owners = owners.clone();
    }

    int size() {
        return owners.length;
    }

    /** The best cosine per owner: an owner is as relevant as its most relevant vector. Unmatched owners keep -1. */
    float[] bestPerOwner(float[] query, int ownerCount) {
        float[] q = unit(query);
        float[] best = new float[ownerCount];
        Arrays.fill(best, -1f);
        for (int r = 0, base = 0; r < owners.length; r++, base += dimensions) {
            float dot = 0f;
            for (int d = 0; d < dimensions; d++) {
                dot += rows[base + d] * q[d];
            }
            int owner = owners[r];
            if (dot > best[owner]) {
                best[owner] = dot;
            }
        }
        return best;
    }

    static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        float[] out = new float[v.length];
        if (norm == 0f) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / norm;
        }
        return out;
    }
}
