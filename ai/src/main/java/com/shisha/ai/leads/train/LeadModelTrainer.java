package com.shisha.ai.leads.train;

import com.shisha.ai.leads.LeadFeature;
import com.shisha.ai.leads.LeadFeatures;
import com.shisha.ai.leads.LeadModel;
import com.shisha.ai.leads.sim.Contact;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits {@link LeadModel} with Tribuo's logistic regression (LinearSGDTrainer, log loss, AdaGrad) and copies the
 * coefficients out into our own file format, so scoring never needs Tribuo.
 *
 * <p>Tribuo fits two classes with a softmax, one weight row per class; P(yes) = sigmoid((w_yes - w_no) . x), so
 * the difference of the rows is our single weight vector. {@link #train} checks this on the training contacts
 * against Tribuo's own predictions and fails if they differ.
 *
 * <p>Sign constraints: a {@link LeadFeature#nonNegative()} feature that comes out with a negative weight (the
 * data say "fresher is worse", which we do not want a partner to see) is left out and the model refit, until no
 * such weight remains. The ones left out are listed in the model's "about".
 */
public final class LeadModelTrainer {

    static final Label YES = new Label("converted");
    static final Label NO = new Label("not_converted");
    private static final int EPOCHS = 12;
    private static final double LEARNING_RATE = 0.05;
    private static final double AGREEMENT = 1e-6;
    // Tribuo records a creation time in its provenance; a fixed one keeps runs identical
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2025-01-01T00:00:00Z");

    private final long seed;

    public LeadModelTrainer(long seed) {
        this.seed = seed;
    }

    public LeadModel train(List<Contact> contacts, Map<String, Object> about) {
        List<double[]> rows = new ArrayList<>(contacts.size());
        for (Contact c : contacts) {
            rows.add(LeadFeatures.extract(c.partner(), c.lead(), c.at()));
        }
        Set<LeadFeature> dropped = EnumSet.noneOf(LeadFeature.class);
        while (true) {
            Fit fit = fit(contacts, rows, dropped);
            List<LeadFeature> wrongSign = LeadFeature.ALL.stream()
                    .filter(f -> f.nonNegative() && fit.weights[f.ordinal()] < 0).toList();
            if (wrongSign.isEmpty()) {
                Map<String, Object> all = new LinkedHashMap<>(about);
                all.put("trainer", "Tribuo " + org.tribuo.Tribuo.VERSION + " LinearSGDTrainer, LogMulticlass, AdaGrad("
                        + LEARNING_RATE + "), " + EPOCHS + " epochs, seed " + seed);
                all.put("trainingContacts", contacts.size());
                all.put("leftOutForSign", dropped.stream().map(LeadFeature::key).toList());
                return new LeadModel(fit.intercept, fit.weights, means(rows), all);
            }
            dropped.addAll(wrongSign);
        }
    }

    private record Fit(double intercept, double[] weights) {
    }

    private Fit fit(List<Contact> contacts, List<double[]> rows, Set<LeadFeature> dropped) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("synthetic lead history (LeadOutcomeSimulator)", CREATED, factory), factory);
        List<LeadFeature> used = LeadFeature.ALL.stream().filter(f -> !dropped.contains(f)).toList();
        String[] names = used.stream().map(LeadFeature::key).toArray(String[]::new);
        List<ArrayExample<Label>> examples = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            double[] x = rows.get(r);
            double[] values = new double[used.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = x[used.get(k).ordinal()];
            }
            ArrayExample<Label> example = new ArrayExample<>(contacts.get(r).converted() ? YES : NO, names, values);
            examples.add(example);
            data.add(example);
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LEARNING_RATE), EPOCHS, -1, 1, seed);
        LinearSGDModel model = trainer.train(data);

        DenseMatrix w = model.getWeightsCopy();
        int yes = model.getOutputIDInfo().getID(YES);
        int no = model.getOutputIDInfo().getID(NO);
        int bias = w.getDimension2Size() - 1;
        double[] weights = new double[LeadFeature.COUNT];
        for (LeadFeature f : used) {
            var info = model.getFeatureIDMap().get(f.key());
            // a feature never seen non-zero may be absent from Tribuo's map: it has no weight to learn
            if (info != null) {
                weights[f.ordinal()] = w.get(yes, info.getID()) - w.get(no, info.getID());
            }
        }
        Fit fit = new Fit(w.get(yes, bias) - w.get(no, bias), weights);
        checkAgreement(model, examples, rows, fit);
        return fit;
    }

    /** Our reading of Tribuo's weights must predict what Tribuo predicts, or the shipped file would be wrong. */
    private static void checkAgreement(LinearSGDModel model, List<ArrayExample<Label>> examples, List<double[]> rows,
                                       Fit fit) {
        int step = Math.max(1, examples.size() / 2_000);
        for (int r = 0; r < examples.size(); r += step) {
            Prediction<Label> prediction = model.predict(examples.get(r));
            double tribuo = prediction.getOutputScores().get(YES.getLabel()).getScore();
            // computed here, not by a LeadModel: a fit may still break the sign rules a LeadModel enforces
            double z = fit.intercept;
            for (int i = 0; i < fit.weights.length; i++) {
                z += fit.weights[i] * rows.get(r)[i];
            }
            double mine = 1 / (1 + Math.exp(-z));
            if (Math.abs(tribuo - mine) > AGREEMENT) {
                throw new IllegalStateException("exported coefficients disagree with Tribuo on contact " + r + ": "
                        + mine + " vs " + tribuo);
            }
        }
    }

    private static double[] means(List<double[]> rows) {
        double[] sum = new double[LeadFeature.COUNT];
        for (double[] x : rows) {
            for (int i = 0; i < x.length; i++) {
                sum[i] += x[i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= rows.size();
        }
        return sum;
    }
}
