package com.shisha.ai.leads;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Area under the ROC curve: the chance that a random converted contact scores above a random unconverted one, a
 * tie counting half. Only the order of the scores matters, so scorers on different scales compare fairly.
 */
public final class Auc {

    private Auc() {
    }

    /** Mann-Whitney: the positives' rank sum, ties given their average rank; O(n log n). */
    public static double of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + positive.length + " outcomes");
        }
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        long positives = 0;
        double rankSum = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double averageRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                if (positive[order[k]]) {
                    positives++;
                    rankSum += averageRank;
                }
            }
            start = end + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC needs both outcomes, got " + positives + " positives of " + scores.length);
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
