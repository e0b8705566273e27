package com.shisha.ai.leads.train;

import com.shisha.ai.leads.BaselineLeadScorer;
import com.shisha.ai.leads.LeadFeature;
import com.shisha.ai.leads.LeadModel;
import com.shisha.ai.leads.LearnedLeadScorer;
import com.shisha.ai.leads.sim.Contact;
import com.shisha.ai.leads.sim.Evaluation;
import com.shisha.ai.leads.sim.LeadOutcomeSimulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Simulates a synthetic history with a fixed seed, trains on four partners in five, evaluates the learned model
 * and the baseline on the partners held out and on a fresh simulation, and rewrites the model file. Run by
 * ai/retrain-lead-model.sh; the same seed always writes the same file.
 *
 * <p>Arguments: [model file] (default ai/src/main/resources/leads/lead-model.json).
 */
public final class RetrainLeadModel {

    public static final long SEED = 20_251_126L;
    public static final long FRESH_SEED = 7_777L;
    public static final int PARTNERS = 3_000;
    public static final int CONTACTS_PER_PARTNER = 40;
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private RetrainLeadModel() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "ai/src/main/resources/" + LeadModel.RESOURCE);
        List<Contact> history = LeadOutcomeSimulator.simulate(
                new LeadOutcomeSimulator.Settings(SEED, PARTNERS, CONTACTS_PER_PARTNER, START));
        List<Contact> training = Evaluation.training(history);
        List<Contact> heldOut = Evaluation.test(history);
        List<Contact> fresh = LeadOutcomeSimulator.simulate(
                new LeadOutcomeSimulator.Settings(FRESH_SEED, PARTNERS / 5, CONTACTS_PER_PARTNER, START));

        Map<String, Object> about = new LinkedHashMap<>();
        about.put("note", "trained on a SYNTHETIC history (LeadOutcomeSimulator), not on real GroMo outcomes");
        about.put("simulation", "seed " + SEED + ", " + PARTNERS + " partners x " + CONTACTS_PER_PARTNER
                + " contacts; partners with id % 5 == 0 held out");
        LeadModel trained = new LeadModelTrainer(SEED).train(training, about);

        LearnedLeadScorer learned = new LearnedLeadScorer(trained);
        BaselineLeadScorer baseline = new BaselineLeadScorer();
        Map<String, Object> evaluation = new LinkedHashMap<>(trained.about());
        evaluation.put("aucHeldOutLearned", round(Evaluation.auc(learned, heldOut)));
        evaluation.put("aucHeldOutBaseline", round(Evaluation.auc(baseline, heldOut)));
        evaluation.put("aucHeldOutTruth", round(Evaluation.truthAuc(heldOut)));
        evaluation.put("aucFreshLearned", round(Evaluation.auc(learned, fresh)));
        evaluation.put("aucFreshBaseline", round(Evaluation.auc(baseline, fresh)));
        evaluation.put("aucFreshTruth", round(Evaluation.truthAuc(fresh)));
        evaluation.put("freshSimulation", "seed " + FRESH_SEED + ", " + PARTNERS / 5 + " partners x "
                + CONTACTS_PER_PARTNER + " contacts");
        LeadModel model = new LeadModel(trained.intercept(), trained.weights(), trained.means(), evaluation);

        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, model.toJson(), StandardCharsets.UTF_8);

        System.out.printf(Locale.ROOT, "synthetic history: %d contacts, %d training, %d held out (by partner), "
                        + "conversion %.3f%n", history.size(), training.size(), heldOut.size(),
                Evaluation.conversionRate(history));
        System.out.printf(Locale.ROOT, "%-34s %8s %8s %8s%n", "AUC", "learned", "baseline", "truth");
        System.out.printf(Locale.ROOT, "%-34s %8.4f %8.4f %8.4f%n", "held-out partners (seed " + SEED + ")",
                evaluation.get("aucHeldOutLearned"), evaluation.get("aucHeldOutBaseline"), evaluation.get("aucHeldOutTruth"));
        System.out.printf(Locale.ROOT, "%-34s %8.4f %8.4f %8.4f%n", "fresh simulation (seed " + FRESH_SEED + ")",
                evaluation.get("aucFreshLearned"), evaluation.get("aucFreshBaseline"), evaluation.get("aucFreshTruth"));
        System.out.println("left out for sign: " + trained.about().get("leftOutForSign"));
        System.out.println("weights:");
        for (LeadFeature f : LeadFeature.ALL) {
            System.out.printf(Locale.ROOT, "  %-24s %+.3f%n", f.key(), model.weight(f));
        }
        System.out.printf(Locale.ROOT, "  %-24s %+.3f%n", "(intercept)", model.intercept());
        System.out.println("wrote " + out);
    }

    private static double round(double auc) {
        return Math.round(auc * 10_000) / 10_000.0;
    }
}
