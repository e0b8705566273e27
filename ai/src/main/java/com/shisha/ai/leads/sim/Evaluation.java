package com.shisha.ai.leads.sim;

import com.shisha.ai.leads.Auc;
import com.shisha.core.journey.LeadScorer;

import java.util.List;

/**
 * How well scorers rank synthetic contacts, and the split that keeps evaluation honest: contacts are held out by
 * partner, so no partner's contacts are on both sides and a model cannot score well by recognising a partner.
 */
public final class Evaluation {

    /** One partner in five is held out. */
    private static final int HOLD_OUT_ONE_IN = 5;

    private Evaluation() {
    }

    public static boolean heldOut(Contact contact) {
        return contact.partner().id() % HOLD_OUT_ONE_IN == 0;
    }

    public static List<Contact> training(List<Contact> contacts) {
        return contacts.stream().filter(c -> !heldOut(c)).toList();
    }

    public static List<Contact> test(List<Contact> contacts) {
        return contacts.stream().filter(Evaluation::heldOut).toList();
    }

    /** AUC of the scorer's values against the outcomes, each contact scored at the time it happened. */
    public static double auc(LeadScorer scorer, List<Contact> contacts) {
        double[] scores = new double[contacts.size()];
        boolean[] converted = new boolean[contacts.size()];
        for (int i = 0; i < scores.length; i++) {
            Contact c = contacts.get(i);
            scores[i] = scorer.score(c.partner(), c.lead(), c.at()).value();
            converted[i] = c.converted();
        }
        return Auc.of(scores, converted);
    }

    /** AUC of the hidden probabilities: the best any scorer could do, and more, as it sees what no scorer sees. */
    public static double truthAuc(List<Contact> contacts) {
        double[] scores = contacts.stream().mapToDouble(Contact::trueProbability).toArray();
        boolean[] converted = new boolean[contacts.size()];
        for (int i = 0; i < converted.length; i++) {
            converted[i] = contacts.get(i).converted();
        }
        return Auc.of(scores, converted);
    }

    public static double conversionRate(List<Contact> contacts) {
        return contacts.stream().filter(Contact::converted).count() / (double) contacts.size();
    }
}
