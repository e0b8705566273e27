package com.shisha.ai.coach;

import java.util.Arrays;
import java.util.List;

/**
 * Nearest neighbours by cosine over unit vectors kept in one flat array, each component stored as a signed byte
 * scaled by its row's largest component. A scan over thousands of sections is bound by reading the rows: bytes are
 * a quarter of the floats' memory, and the cosines move by a few thousandths, far below the gaps the ranking
 * decides on (the labelled questions rank the same). Every row is still compared: an approximate index would add
 * recall loss and start-up time.
 */
final class VectorIndex {

    private final int dimensions;
    private final byte[] rows;
    private final float[] scales;
    private final int[] owners;
    /**
     * Rows only a question's alike vector is compared with (a Hinglish question's topic words with the Hinglish
     * questions), null when there are none: kept in the same rows so that one pass, and one pre-filter, serves both.
     */
    private final boolean[] alike;
    /** Per owner, the rows it owns, and the mean of its unit vectors (only kept for large indexes). */
    private final int[][] rowsOf;
    private final float[] means;

    /**
     * Above this many owners, owners are first ranked by the mean of their vectors and only the best
     * {@link #CANDIDATES} are scanned row by row: at 10,000 sections the full scan is most of a search's time, and
     * the mean cosine is a lower bound of the best one, so the rest keep a fair (never inflated) score.
     */
    static final int PREFILTER_ABOVE = 2_000;
    static final int CANDIDATES = 200;

    /** @param owners for each vector, the index of the thing it belongs to (many vectors may share an owner) */
    VectorIndex(List<float[]> vectors, int[] owners) {
        this(vectors, owners, null);
    }

    /**
     * @param alike per vector, whether only an alike query is compared with it ({@link #bestPerOwner(float[], float[],
     *              int, boolean)}); null for none. An owner's mean is that of its other vectors.
     */
    VectorIndex(List<float[]> vectors, int[] owners, boolean[] alike) {
        if (vectors.isEmpty() || vectors.size() != owners.length || alike != null && alike.length != owners.length) {
            throw new IllegalArgumentException("need one owner per vector and at least one vector");
        }
        this.dimensions = vectors.get(0).length;
        this.rows = new byte[vectors.size() * dimensions];
        this.scales = new float[vectors.size()];
        for (int r = 0; r < vectors.size(); r++) {
            float[] unit = unit(vectors.get(r));
            if (unit.length != dimensions) {
                throw new IllegalArgumentException("vector " + r + " has " + unit.length + " dimensions, expected " + dimensions);
            }
            float max = 0f;
            for (float x : unit) {
                max = Math.max(max, Math.abs(x));
            }
            scales[r] = max == 0f ? 0f : max / 127f;
            for (int d = 0; d < dimensions; d++) {
                rows[r * dimensions + d] = max == 0f ? 0 : (byte) Math.round(unit[d] / scales[r]);
            }
        }
        this.owners = owners.clone();
        this.alike = alike == null ? null : alike.clone();
        int ownerCount = Arrays.stream(owners).max().orElse(-1) + 1;
        if (ownerCount > PREFILTER_ABOVE) {
            int[] counts = new int[ownerCount];
            int[] general = new int[ownerCount];
            for (int r = 0; r < owners.length; r++) {
                counts[owners[r]]++;
                general[owners[r]] += isAlike(r) ? 0 : 1;
            }
            this.rowsOf = new int[ownerCount][];
            for (int o = 0; o < ownerCount; o++) {
                rowsOf[o] = new int[counts[o]];
            }
            int[] filled = new int[ownerCount];
            this.means = new float[ownerCount * dimensions];
            for (int r = 0; r < owners.length; r++) {
                int o = owners[r];
                rowsOf[o][filled[o]++] = r;
                if (isAlike(r)) {
                    continue;
                }
                float[] unit = unit(vectors.get(r));
                for (int d = 0; d < dimensions; d++) {
                    means[o * dimensions + d] += unit[d] / general[o];
                }
            }
        } else {
            this.rowsOf = null;
            this.means = null;
        }
    }

    int size() {
        return owners.length;
    }

    /** The stored vectors as floats (as quantised), in row order: for building a larger index from this one. */
    List<float[]> rows() {
        List<float[]> out = new java.util.ArrayList<>(owners.length);
        for (int r = 0; r < owners.length; r++) {
            float[] v = new float[dimensions];
            for (int d = 0; d < dimensions; d++) {
                v[d] = rows[r * dimensions + d] * scales[r];
            }
            out.add(v);
        }
        return out;
    }

    int[] owners() {
        return owners.clone();
    }

    /** Which rows only an alike query is compared with; null when none are. */
    boolean[] alike() {
        return alike == null ? null : alike.clone();
    }

    private boolean isAlike(int r) {
        return alike != null && alike[r];
    }

    /**
     * The best cosine per owner: an owner is as relevant as its most relevant vector. Unmatched owners keep -1. The
     * alike rows are not compared.
     */
    float[] bestPerOwner(float[] query, int ownerCount) {
        return best(new float[][] {unit(query)}, null, ownerCount);
    }

    /**
     * The better of two queries' cosines per owner, in one pass over the rows: the scan is bound by reading the
     * rows, so two queries cost little more than one. The alike rows are not compared.
     */
    float[] bestPerOwner(float[] query, float[] other, int ownerCount) {
        return best(new float[][] {unit(query), unit(other)}, null, ownerCount);
    }

    /**
     * The best cosine per owner, the alike rows compared with alikeQuery and the others with query, in one pass.
     *
     * @param alikeRows marks the call apart from the two-query one above
     */
    float[] bestPerOwner(float[] query, float[] alikeQuery, int ownerCount, boolean alikeRows) {
        return best(new float[][] {unit(query)}, unit(alikeQuery), ownerCount);
    }

    private float[] best(float[][] queries, float[] alikeQuery, int ownerCount) {
        float[] best = new float[ownerCount];
        Arrays.fill(best, -1f);
        if (means == null || ownerCount != rowsOf.length) {
            for (int r = 0; r < owners.length; r++) {
                score(r, queries, alikeQuery, best);
            }
            return best;
        }
        int[] candidates = new int[CANDIDATES];
        float[] candidateScores = new float[CANDIDATES];
        Arrays.fill(candidateScores, Float.NEGATIVE_INFINITY);
        // two queries are pre-filtered as one, their average: its cosine with a mean is the average of theirs, still
        // a lower bound of the best, for half the reads and multiplications of this pass
        float[][] all = alikeQuery == null ? queries : new float[][] {queries[0], alikeQuery};
        float[] filter = all[0];
        if (all.length > 1) {
            filter = new float[dimensions];
            for (float[] q : all) {
                for (int d = 0; d < dimensions; d++) {
                    filter[d] += q[d] / all.length;
                }
            }
        }
        for (int o = 0; o < ownerCount; o++) {
            float mean = dot(means, o * dimensions, filter);
            best[o] = mean;
            if (mean > candidateScores[CANDIDATES - 1]) {
                int at = CANDIDATES - 1;
                while (at > 0 && candidateScores[at - 1] < mean) {
                    candidateScores[at] = candidateScores[at - 1];
                    candidates[at] = candidates[at - 1];
                    at--;
                }
                candidateScores[at] = mean;
                candidates[at] = o;
            }
        }
        for (int c = 0; c < CANDIDATES && candidateScores[c] > Float.NEGATIVE_INFINITY; c++) {
            for (int r : rowsOf[candidates[c]]) {
                score(r, queries, alikeQuery, best);
            }
        }
        return best;
    }

    private void score(int r, float[][] queries, float[] alikeQuery, float[] best) {
        int base = r * dimensions;
        float dot = Float.NEGATIVE_INFINITY;
        if (isAlike(r)) {
            if (alikeQuery == null) {
                return;
            }
            dot = dot(rows, base, alikeQuery);
        } else {
            for (float[] q : queries) {
                dot = Math.max(dot, dot(rows, base, q));
            }
        }
        dot *= scales[r];
        if (dot > best[owners[r]]) {
            best[owners[r]] = dot;
        }
    }

    /**
     * Four running sums instead of one: the JIT does not vectorise a single float sum (it must keep the order of
     * additions), and independent sums let the CPU overlap the multiply-adds; about twice as fast here.
     */
    private static float dot(byte[] rows, int base, float[] q) {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
        int d = 0;
        int end = q.length - 3;
        for (; d < end; d += 4) {
            s0 += rows[base + d] * q[d];
            s1 += rows[base + d + 1] * q[d + 1];
            s2 += rows[base + d + 2] * q[d + 2];
            s3 += rows[base + d + 3] * q[d + 3];
        }
        for (; d < q.length; d++) {
            s0 += rows[base + d] * q[d];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static float dot(float[] rows, int base, float[] q) {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
        int d = 0;
        int end = q.length - 3;
        for (; d < end; d += 4) {
            s0 += rows[base + d] * q[d];
            s1 += rows[base + d + 1] * q[d + 1];
            s2 += rows[base + d + 2] * q[d + 2];
            s3 += rows[base + d + 3] * q[d + 3];
        }
        for (; d < q.length; d++) {
            s0 += rows[base + d] * q[d];
        }
        return (s0 + s1) + (s2 + s3);
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
