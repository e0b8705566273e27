package com.shisha.ai.coach;

import java.util.List;
import java.util.Map;

/** Sweeps the fusion's weights and the threshold on the labelled questions; prints the figures of each. */
final class RetrievalTuning {

    public static void main(String[] args) {
        List<PartnerQuestions> questions = PartnerQuestions.load();
        SectionIndex index = SharedIndex.INDEX;
        Map<String, SectionIndex.Scores> scores = new java.util.HashMap<>();
        for (PartnerQuestions q : questions) {
            scores.put(q.question(), index.scores(SharedIndex.MODEL.embed(q.question()).content().vector(), q.question()));
        }
        if (System.getProperty("misses") != null) {
            String[] p = System.getProperty("misses").split(",");
            double w = Double.parseDouble(p[0]), h = Double.parseDouble(p[1]), t = Double.parseDouble(p[2]), c = Double.parseDouble(p[3]);
            RetrievalEvaluation.evaluate(questions, q -> index.top(SectionIndex.fuse(scores.get(q), w, h, c), 3), t)
                    .forEach((lang, f) -> System.out.println(lang + " " + f + "\n  " + String.join("\n  ", f.misses())));
            return;
        }
        double[] weights = {1.0, 1.3};
        double[] halves = {9, 13, 18};
        for (double c : new double[] {0.5}) {
        for (double w : weights) {
            for (double h : halves) {
                double bestT = 0;
                double bestSum = -1;
                String best = "";
                for (double t = -0.3; t <= 1.2; t += 0.01) {
                    double threshold = t;
                    Map<String, RetrievalEvaluation.Figures> f = RetrievalEvaluation.evaluate(questions,
                            q -> index.top(SectionIndex.fuse(scores.get(q), w, h, c), 3), threshold);
                    double sum = f.values().stream().mapToDouble(x -> x.top1Share() + x.top3Share()).sum();
                    if (sum > bestSum) {
                        bestSum = sum;
                        bestT = t;
                        best = f.toString().replaceAll(", misses=\\[[^]]*\\]", "");
                    }
                }
                System.out.printf("c %.1f w %.2f half %4.1f threshold %.2f: %s%n", c, w, h, bestT, summary(questions, index, scores, w, h, c, bestT));
            }
        }
        }
    }

    private static String summary(List<PartnerQuestions> questions, SectionIndex index, Map<String, SectionIndex.Scores> scores,
                                  double w, double h, double c, double t) {
        Map<String, RetrievalEvaluation.Figures> f = RetrievalEvaluation.evaluate(questions,
                q -> index.top(SectionIndex.fuse(scores.get(q), w, h, c), 3), t);
        StringBuilder s = new StringBuilder();
        f.forEach((lang, x) -> s.append(lang).append(' ').append(x).append("  "));
        return s.toString();
    }
}
