package com.shisha.ai.leads;

import com.shisha.core.journey.Lead;
import com.shisha.core.journey.LeadScorer;
import com.shisha.core.journey.PartnerContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Scores a lead by the learned logistic model ({@link LeadModel}, trained on a synthetic history, see
 * docs/lead-scoring.md): the score is the model's probability that the partner converts the lead.
 *
 * <p>The reasons are the {@value #MAX_REASONS} factors that moved this lead furthest from the average lead, in
 * the partner's words, strongest first: for each {@link Factor}, the sum over its features of
 * weight * (value - training mean). Factors whose pull is under {@value #MIN_PULL} in log-odds are not worth a
 * partner's attention and are left out; a lead with none gets "an average lead for you".
 *
 * <p>Thread-safe and allocation-light: the model is immutable and each call uses its own small arrays.
 */
public final class LearnedLeadScorer implements LeadScorer {

    static final int MAX_REASONS = 3;
    static final double MIN_PULL = 0.05;
    static final String AVERAGE = "an average lead for you";

    private static final Factor[] FACTORS = Factor.values();
    private static final int[] FACTOR_OF = LeadFeature.ALL.stream().mapToInt(f -> f.factor().ordinal()).toArray();

    private final LeadModel model;
    // copied once: the model hands out copies, and a score must not allocate them per lead
    private final double intercept;
    private final double[] weights;
    private final double[] means;

    public LearnedLeadScorer(LeadModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.intercept = model.intercept();
        this.weights = model.weights();
        this.means = model.means();
    }

    /** The model shipped in the jar ({@value LeadModel#RESOURCE}); read and checked once per call, so keep the scorer. */
    public static LearnedLeadScorer fromClasspath() {
        return new LearnedLeadScorer(LeadModel.fromClasspath());
    }

    public LeadModel model() {
        return model;
    }

    @Override
    public Score score(PartnerContext partner, Lead lead, Instant now) {
        double[] x = new double[LeadFeature.COUNT];
        LeadFeatures.extract(partner, lead, now, x);
        double[] pull = new double[FACTORS.length];
        double z = intercept;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
            pull[FACTOR_OF[i]] += weights[i] * (x[i] - means[i]);
        }
        // exp of a large |z| gives 0 or infinity, both of which still land in [0, 1]
        double p = 1 / (1 + Math.exp(-z));
        return new Score(p, reasons(pull, partner, lead, now));
    }

    /** The same sum in the same order as {@link #score}, so the value is identical to the last bit. */
    @Override
    public double value(PartnerContext partner, Lead lead, Instant now) {
        double[] x = new double[LeadFeature.COUNT];
        LeadFeatures.extract(partner, lead, now, x);
        double z = intercept;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The leads scored for this partner, best first (see {@link Scored#BEST_FIRST}). */
    public List<Scored> rank(PartnerContext partner, Collection<Lead> leads, Instant now) {
        return leads.stream().map(lead -> new Scored(lead, score(partner, lead, now))).sorted(Scored.BEST_FIRST).toList();
    }

    private static List<String> reasons(double[] pull, PartnerContext partner, Lead lead, Instant now) {
        List<String> reasons = new ArrayList<>(MAX_REASONS);
        boolean[] used = new boolean[pull.length];
        for (int n = 0; n < MAX_REASONS; n++) {
            int best = -1;
            for (int f = 0; f < pull.length; f++) {
                // ties go to the earlier factor, so the reasons are as deterministic as the score
                if (!used[f] && Math.abs(pull[f]) >= MIN_PULL && (best < 0 || Math.abs(pull[f]) > Math.abs(pull[best]))) {
                    best = f;
                }
            }
            if (best < 0) {
                break;
            }
            used[best] = true;
            reasons.add(ReasonPhrases.phrase(FACTORS[best], pull[best] > 0, partner, lead, now));
        }
        return reasons.isEmpty() ? List.of(AVERAGE) : reasons;
    }
}
