package com.shisha.ai.coach;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sweeps the fusion's weights and the threshold on the tuning questions (kb/partner-questions.tsv) and prints, for
 * the best of each weight setting, the figures on all three sets: the held-out sets are only read, never chosen on.
 */
final class RetrievalTuning {

    public static void main(String[] args) {
        List<PartnerQuestions> tuning = PartnerQuestions.load(PartnerQuestions.TUNING);
        List<PartnerQuestions> heldOut = PartnerQuestions.load(PartnerQuestions.HELD_OUT);
        List<PartnerQuestions> heldOut2 = PartnerQuestions.load(PartnerQuestions.HELD_OUT_2);
        SectionIndex index = SharedIndex.INDEX;
        Map<String, SectionIndex.Scores> scores = new HashMap<>();
        for (PartnerQuestions q : concat(concat(tuning, heldOut), heldOut2)) {
            scores.computeIfAbsent(q.question(), t -> index.scores(SharedIndex.MODEL.embed(t).content().vector(), t));
        }
        double[] weights = doubles("weights", "1.0,1.3,1.6");
        double[] halves = doubles("halves", "6,9,13");
        double[] centrings = doubles("centrings", "0.5");
        double[] margins = doubles("margins", String.valueOf(SectionIndex.OFF_TOPIC_MARGIN));
        for (double c : centrings) {
            for (double w : weights) {
                for (double h : halves) {
                    for (double m : margins) {
                        double bestT = 0;
                        double bestSum = -1;
                        for (double t = 0.3; t <= 1.2; t += 0.01) {
                            double sum = evaluate(tuning, index, scores, w, h, c, m, t).values().stream()
                                    .mapToDouble(x -> x.top1Share() + x.top3Share()).sum();
                            if (sum > bestSum + 1e-9) {
                                bestSum = sum;
                                bestT = t;
                            }
                        }
                        System.out.printf("c %.2f w %.2f half %4.1f margin %.2f threshold %.2f%n  tuning   %s%n  held-out %s%n  held-out 2 %s%n",
                                c, w, h, m, bestT, summary(evaluate(tuning, index, scores, w, h, c, m, bestT)),
                                summary(evaluate(heldOut, index, scores, w, h, c, m, bestT)),
                                summary(evaluate(heldOut2, index, scores, w, h, c, m, bestT)));
                    }
                }
            }
        }
    }

    private static Map<String, RetrievalEvaluation.Figures> evaluate(List<PartnerQuestions> questions, SectionIndex index,
                                                                    Map<String, SectionIndex.Scores> scores, double w,
                                                                    double h, double c, double m, double t) {
        return RetrievalEvaluation.evaluate(questions, q -> {
            double[] fused = SectionIndex.fuse(scores.get(q), w, h, c);
            SectionIndex.declineOffTopic(fused, scores.get(q), m, SectionIndex.OFF_TOPIC_LEAD, w, h, c, t);
            return index.top(fused, 3);
        }, t);
    }

    private static String summary(Map<String, RetrievalEvaluation.Figures> figures) {
        StringBuilder s = new StringBuilder();
        figures.forEach((language, f) -> s.append(String.format("%s %.1f/%.1f  ", language, 100 * f.top1Share(), 100 * f.top3Share())));
        return s.toString();
    }

    private static double[] doubles(String property, String fallback) {
        return java.util.Arrays.stream(System.getProperty(property, fallback).split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static List<PartnerQuestions> concat(List<PartnerQuestions> a, List<PartnerQuestions> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
