package com.shisha.dialogs.understanding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs the understanding step over a labelled set and scores it: a message counts as understood when its intent
 * and every labelled slot are right. Shared by the accuracy test and the benchmark that prints the report.
 */
public final class Evaluation {

    private Evaluation() {
    }

    public record Result(Examples.Example example, Understood understood, boolean intentRight, boolean slotsRight) {
        public boolean right() {
            return intentRight && slotsRight;
        }
    }

    public static Expect expect(String step) {
        return switch (step) {
            case "menu" -> Expect.MENU;
            case "ask_name" -> Expect.NAME;
            case "ask_city" -> Expect.CITY;
            case "lead" -> Expect.OUTCOME;
            case "sale_amount" -> Expect.AMOUNT;
            case "quiz" -> Expect.QUIZ_ANSWER;
            case "coach" -> Expect.COACH;
            case "confirm" -> Expect.YES_NO;
            default -> throw new IllegalArgumentException("unknown step in the labelled set: " + step);
        };
    }

    public static List<Result> run(Understanding understanding, List<Examples.Example> examples) {
        List<Result> results = new ArrayList<>(examples.size());
        for (Examples.Example e : examples) {
            Understood u = understanding.understand(e.text(), expect(e.step()));
            boolean intent = u.intent().label().equals(e.intent());
            results.add(new Result(e, u, intent, intent && slotsRight(e.slots(), u)));
        }
        return results;
    }

    private static boolean slotsRight(Map<String, String> expected, Understood u) {
        for (Map.Entry<String, String> slot : expected.entrySet()) {
            String want = slot.getValue();
            boolean ok = switch (slot.getKey()) {
                case "name" -> u.name() != null && same(u.name(), want);
                case "city" -> want.equals("?") ? u.place() == null
                        : u.place() != null && (same(u.place().name(), want) || same(u.place().nameHi(), want));
                case "amount" -> u.amount() != null && u.amount().compareTo(new BigDecimal(want.replace(",", ""))) == 0;
                case "outcome" -> u.outcome() != null && u.outcome().name().equalsIgnoreCase(want);
                case "language" -> u.language() != null && u.language().code().equalsIgnoreCase(want);
                case "target" -> u.target() != null && same(u.target(), want);
                default -> throw new IllegalArgumentException("unknown slot in the labelled set: " + slot.getKey());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(String a, String b) {
        return a != null && norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s.]+", " ").strip();
    }

    public static Map<Examples.Lang, double[]> accuracyByLanguage(List<Result> results) {
        Map<Examples.Lang, double[]> out = new EnumMap<>(Examples.Lang.class);
        for (Result r : results) {
            double[] c = out.computeIfAbsent(r.example().lang(), l -> new double[2]);
            c[0] += r.right() ? 1 : 0;
            c[1]++;
        }
        return out;
    }

    /** Per intent: precision and recall of the intent, and how many of its messages were wholly right. */
    public static String report(List<Result> results) {
        Map<String, int[]> counts = new TreeMap<>(); // tp, fp, fn, wholly right, total
        for (Result r : results) {
            String gold = r.example().intent();
            String got = r.understood().intent().label();
            counts.computeIfAbsent(gold, k -> new int[5])[4]++;
            if (r.right()) {
                counts.get(gold)[3]++;
            }
            if (Objects.equals(gold, got)) {
                counts.get(gold)[0]++;
            } else {
                counts.computeIfAbsent(got, k -> new int[5])[1]++;
                counts.get(gold)[2]++;
            }
        }
        StringBuilder out = new StringBuilder(String.format("%-12s %6s %9s %7s %9s%n", "intent", "n", "precision", "recall", "with slots"));
        counts.forEach((intent, c) -> out.append(String.format("%-12s %6d %9.3f %7.3f %9.3f%n", intent, c[4],
                c[0] + c[1] == 0 ? 0.0 : (double) c[0] / (c[0] + c[1]), c[4] == 0 ? 0.0 : (double) c[0] / c[4],
                c[4] == 0 ? 0.0 : (double) c[3] / c[4])));
        Map<Examples.Lang, double[]> accuracy = accuracyByLanguage(results);
        for (Examples.Lang lang : Examples.Lang.values()) {
            double[] c = accuracy.get(lang);
            if (c == null) {
                continue;
            }
            List<Result> ofLang = results.stream().filter(r -> r.example().lang() == lang).toList();
            double[] pr = macroPrecisionRecall(ofLang);
            out.append(String.format("%-12s %6d  accuracy %.3f  macro precision %.3f  macro recall %.3f%n",
                    lang.name().toLowerCase(Locale.ROOT), (int) c[1], c[0] / c[1], pr[0], pr[1]));
        }
        return out.toString();
    }

    /** Precision and recall of the intents, averaged over the intents of these messages (each intent counts once). */
    static double[] macroPrecisionRecall(List<Result> results) {
        Map<String, int[]> counts = new TreeMap<>(); // tp, fp, fn
        for (Result r : results) {
            String gold = r.example().intent();
            String got = r.understood().intent().label();
            counts.computeIfAbsent(gold, k -> new int[3]);
            if (gold.equals(got)) {
                counts.get(gold)[0]++;
            } else {
                counts.computeIfAbsent(got, k -> new int[3])[1]++;
                counts.get(gold)[2]++;
            }
        }
        double precision = 0;
        double recall = 0;
        int intents = 0;
        for (int[] c : counts.values()) {
            if (c[0] + c[2] == 0) {
                continue; // predicted but never labelled in these messages: no recall to speak of
            }
            intents++;
            precision += c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
            recall += (double) c[0] / (c[0] + c[2]);
        }
        return new double[]{precision / intents, recall / intents};
    }

    public static String failures(List<Result> results) {
        StringBuilder out = new StringBuilder();
        for (Result r : results) {
            if (!r.right()) {
                Understood u = r.understood();
                out.append(String.format("line %d [%s @%s %s] '%s' -> %s %.2f name=%s place=%s amount=%s outcome=%s lang=%s target=%s want %s%n",
                        r.example().line(), r.example().intent(), r.example().step(), r.example().lang(), r.example().text(),
                        u.intent().label(), u.confidence(), u.name(), u.place() == null ? null : u.place().name(), u.amount(),
                        u.outcome(), u.language(), u.target(), r.example().slots()));
            }
        }
        return out.toString();
    }
}
