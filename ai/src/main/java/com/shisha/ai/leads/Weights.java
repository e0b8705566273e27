package com.shisha.ai.leads;

/**
 * How much each factor of {@link BaselineLeadScorer} counts. The weights sum to 1, so the weighted sum of factors
 * that are each in [0, 1] stays in [0, 1] and each weight reads as "the share of the score this factor decides".
 */
public record Weights(double productFit, double skill, double city, double freshness, double outcomes) {

    /** Product fit decides most: a partner cannot sell a product they are not set up for, however good the lead. */
    public static final Weights DEFAULT = new Weights(0.30, 0.20, 0.20, 0.20, 0.10);

    // room for the rounding of decimal weights such as 0.3 + 0.2 + 0.2 + 0.2 + 0.1
    private static final double SUM_TOLERANCE = 1e-9;

    public Weights {
        double[] all = {productFit, skill, city, freshness, outcomes};
        double sum = 0;
        for (double w : all) {
            if (!(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException("each weight must be in [0, 1], was " + w + " in " + describe(all));
            }
            sum += w;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("weights must sum to 1, " + describe(all) + " sum to " + sum);
        }
    }

    private static String describe(double[] all) {
        return "productFit=" + all[0] + ", skill=" + all[1] + ", city=" + all[2] + ", freshness=" + all[3]
                + ", outcomes=" + all[4];
    }
}
