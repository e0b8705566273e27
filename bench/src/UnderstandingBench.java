import com.shisha.dialogs.understanding.Evaluation;
import com.shisha.dialogs.understanding.Examples;
import com.shisha.dialogs.understanding.Understanding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The understanding step's quality and cost, in one run: per-intent precision and recall and per-language accuracy
 * on each labelled set given (class-path resources), then the time one message takes to be understood, as
 * percentiles over every message of the sets, after a warm-up. Baseline for the time: normalising the same
 * messages (what the engine did to every message before the understanding step existed).
 */
public final class UnderstandingBench {

    public static void main(String[] args) {
        long trainStart = System.nanoTime();
        Understanding understanding = Understanding.standard();
        System.out.printf("training: %.0f ms%n", (System.nanoTime() - trainStart) / 1e6);
        List<Examples.Example> all = new ArrayList<>();
        for (String set : args) {
            List<Examples.Example> examples = Examples.read(set);
            all.addAll(examples);
            List<Evaluation.Result> results = Evaluation.run(understanding, examples);
            System.out.printf("%n== %s (%d messages)%n", set, examples.size());
            System.out.print(Evaluation.report(results));
            long right = results.stream().filter(Evaluation.Result::right).count();
            System.out.printf("all         %6d  accuracy %.3f%n", results.size(), (double) right / results.size());
        }
        // first sight: every message once through a freshly trained instance (nothing cached), after the JIT has
        // warmed up on the standard one below
        int rounds = 20;
        for (int i = 0; i < 5; i++) {
            for (Examples.Example e : all) {
                understanding.understand(e.text(), Evaluation.expect(e.step()));
            }
        }
        long[] took = new long[all.size() * rounds];
        long[] baseline = new long[all.size() * rounds];
        int n = 0;
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (Examples.Example e : all) {
                long t0 = System.nanoTime();
                sink += understanding.understand(e.text(), Evaluation.expect(e.step())).intent().ordinal();
                long t1 = System.nanoTime();
                sink += java.text.Normalizer.normalize(e.text(), java.text.Normalizer.Form.NFC).strip().length();
                long t2 = System.nanoTime();
                took[n] = t1 - t0;
                baseline[n++] = t2 - t1;
            }
        }
        Understanding fresh = Understanding.train();
        long[] first = new long[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Examples.Example e = all.get(i);
            long t0 = System.nanoTime();
            sink += fresh.understand(e.text(), Evaluation.expect(e.step())).intent().ordinal();
            first[i] = System.nanoTime() - t0;
        }
        Arrays.sort(first);
        System.out.printf("%nfirst sight (a new instance, nothing cached, %d messages once): p50 %.1f us, p95 %.1f us, p99 %.1f us, max %.1f us%n",
                first.length, first[first.length / 2] / 1e3, first[(int) (first.length * 0.95)] / 1e3,
                first[(int) (first.length * 0.99)] / 1e3, first[first.length - 1] / 1e3);
        Arrays.sort(took);
        Arrays.sort(baseline);
        System.out.printf("%nper message (%d messages x %d rounds): understanding p50 %.1f us, p95 %.1f us, p99 %.1f us, max %.1f us;"
                        + " normalising only p95 %.1f us (%d)%n", all.size(), rounds, took[n / 2] / 1e3, took[(int) (n * 0.95)] / 1e3,
                took[(int) (n * 0.99)] / 1e3, took[n - 1] / 1e3, baseline[(int) (n * 0.95)] / 1e3, sink % 10);
    }
}
