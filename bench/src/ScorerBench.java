import com.shisha.ai.leads.BaselineLeadScorer;
import com.shisha.ai.leads.LearnedLeadScorer;
import com.shisha.ai.leads.sim.Contact;
import com.shisha.ai.leads.sim.LeadOutcomeSimulator;
import com.shisha.core.journey.LeadScorer;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Nanoseconds per lead for the learned and the baseline lead scorer, in one JVM, rounds interleaved so neither
 * gets a warmer machine. Not JMH: a warm-up, then ROUNDS timed rounds of the journey's shape (one partner, 100
 * candidate leads), the median round reported. Leads and partners come from the synthetic simulator.
 * Run by bench/scorer.sh.
 */
public final class ScorerBench {

    private static final int LEADS_PER_TURN = 100;
    private static final int ROUNDS = 15;
    private static final int TURNS_PER_ROUND = 2_000;
    private static double sink;

    public static void main(String[] args) {
        List<Contact> contacts = LeadOutcomeSimulator.simulate(
                new LeadOutcomeSimulator.Settings(99, TURNS_PER_ROUND, LEADS_PER_TURN, Instant.parse("2026-01-01T00:00:00Z")));
        LeadScorer learned = LearnedLeadScorer.fromClasspath();
        LeadScorer baseline = new BaselineLeadScorer();
        for (int i = 0; i < 5; i++) {
            round(learned, contacts);
            round(baseline, contacts);
        }
        double[] l = new double[ROUNDS];
        double[] b = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            l[r] = round(learned, contacts);
            b[r] = round(baseline, contacts);
        }
        System.out.printf(Locale.ROOT, "%-9s %10s %10s %10s%n", "scorer", "ns/lead", "min", "max");
        print("learned", l);
        print("baseline", b);
        System.out.printf(Locale.ROOT, "(%d rounds of %d turns x %d leads, median; Java %s; sink %.1f)%n", ROUNDS,
                TURNS_PER_ROUND, LEADS_PER_TURN, System.getProperty("java.version"), sink);
    }

    /** One round: every partner scores their 100 leads, as one LEADS turn would. */
    private static double round(LeadScorer scorer, List<Contact> contacts) {
        long start = System.nanoTime();
        double sum = 0;
        for (Contact c : contacts) {
            LeadScorer.Score s = scorer.score(c.partner(), c.lead(), c.at());
            sum += s.value() + s.reasons().size();
        }
        long elapsed = System.nanoTime() - start;
        sink += sum;
        return elapsed / (double) contacts.size();
    }

    private static void print(String name, double[] ns) {
        double[] sorted = ns.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-9s %10.0f %10.0f %10.0f%n", name, sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
    }
}
