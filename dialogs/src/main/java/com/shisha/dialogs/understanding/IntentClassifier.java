package com.shisha.dialogs.understanding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A multinomial logistic regression over a message's phonetic word keys, word pairs and character n-grams,
 * trained at start-up from the understanding data (well under a second). Character n-grams carry typos and
 * spelling variants ("leds", "lidz" share most of theirs with "leads"); transliteration before keying lets Hindi
 * in Devanagari and Hinglish share their features. Classifying costs a few microseconds.
 */
final class IntentClassifier {

    record Scored(String label, double probability) {
    }

    /** @param slotWords keys that are a slot's value here (a name, a city): kept out of the vocabulary */
    record Sample(String label, List<String> keys, boolean asks, java.util.Set<String> slotWords) {
    }

    private final String[] labels;
    private final Map<String, Integer> index;
    /** Weights by feature, then label. */
    private final float[][] weights;
    private final float[] bias;
    /** Word keys seen in training, with how many examples held them. */
    private final Map<String, Integer> vocabulary;
    private static final int MAX_CORRECTIONS = 100_000;
    private final java.util.concurrent.ConcurrentHashMap<String, String> corrections = new java.util.concurrent.ConcurrentHashMap<>();
    /** Words seen at least twice, by length: the candidates for a typo's correction. */
    private final Map<Integer, List<Map.Entry<String, Integer>>> byLength = new HashMap<>();

    private IntentClassifier(String[] labels, Map<String, Integer> index, float[][] weights, float[] bias,
                             Map<String, Integer> vocabulary) {
        this.labels = labels;
        this.index = index;
        this.weights = weights;
        this.bias = bias;
        this.vocabulary = vocabulary;
        for (Map.Entry<String, Integer> word : vocabulary.entrySet()) {
            if (word.getValue() >= 2 && !word.getKey().chars().anyMatch(Character::isDigit)) {
                byLength.computeIfAbsent(word.getKey().length(), n -> new ArrayList<>()).add(word);
            }
        }
    }

    private static final java.util.Set<String> NEGATIONS = java.util.Set.of("not", "dont", "no", "never", "nahi", "nai",
            "nahin", "nhi", "mat", "na", "mt", "stop");

    static List<String> features(List<String> keys, boolean asks) {
        List<String> f = new ArrayList<>(keys.size() * 12 + 4);
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            f.add("w " + k);
            if (i + 1 < keys.size()) {
                f.add("b " + k + " " + keys.get(i + 1));
            }
            String padded = "<" + k + ">";
            for (int n = 2; n <= 4; n++) {
                for (int s = 0; s + n <= padded.length(); s++) {
                    f.add("c " + padded.substring(s, s + n));
                }
            }
        }
        // "follow mat karo", "don't follow": a negation turns the words around it, wherever it stands
        if (keys.stream().anyMatch(NEGATIONS::contains)) {
            for (String k : keys) {
                if (!NEGATIONS.contains(k)) {
                    f.add("n " + k);
                }
            }
        }
        // five letters across word boundaries: "top partner" and "partner top" differ, "leads dikhao" hangs together
        String joined = " " + String.join(" ", keys) + " ";
        for (int s = 0; s + 5 <= joined.length(); s++) {
            f.add("j " + joined.substring(s, s + 5));
        }
        f.add(keys.size() <= 1 ? "len 1" : keys.size() <= 3 ? "len 2-3" : keys.size() <= 7 ? "len 4-7" : "len 8+");
        if (asks) {
            f.add("asks");
        }
        return f;
    }

    static IntentClassifier train(List<Sample> samples, int epochs, long seed) {
        List<String> labelList = samples.stream().map(Sample::label).distinct().sorted().toList();
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int i = 0; i < labelList.size(); i++) {
            labelIndex.put(labelList.get(i), i);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, Integer> vocabulary = new HashMap<>();
        List<int[]> encoded = new ArrayList<>(samples.size());
        int[] gold = new int[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            encoded.add(features(s.keys(), s.asks()).stream().distinct()
                    .mapToInt(f -> index.computeIfAbsent(f, x -> index.size())).toArray());
            s.keys().stream().distinct().filter(k -> !s.slotWords().contains(k)).forEach(k -> vocabulary.merge(k, 1, Integer::sum));
            gold[i] = labelIndex.get(s.label());
        }
        int classes = labelList.size();
        float[][] w = new float[index.size()][classes];
        float[] b = new float[classes];
        Integer[] order = new Integer[samples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        double[] p = new double[classes];
        double l2 = 1e-6;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(Arrays.asList(order), random);
            double rate = 0.5 / (1 + epoch * 0.15);
            for (int i : order) {
                int[] x = encoded.get(i);
                float scale = (float) (1 / Math.sqrt(x.length));
                scores(x, scale, w, b, p);
                for (int c = 0; c < classes; c++) {
                    double g = (c == gold[i] ? 1 : 0) - p[c];
                    if (Math.abs(g) < 1e-4) {
                        continue;
                    }
                    float step = (float) (rate * g);
                    b[c] += step * 0.1f;
                    for (int f : x) {
                        w[f][c] += step * scale - (float) (l2 * w[f][c]);
                    }
                }
            }
        }
        return new IntentClassifier(labelList.toArray(String[]::new), index, w, b, vocabulary);
    }

    private static void scores(int[] x, float scale, float[][] w, float[] b, double[] p) {
        int classes = b.length;
        for (int c = 0; c < classes; c++) {
            p[c] = b[c];
        }
        for (int f : x) {
            float[] row = w[f];
            for (int c = 0; c < classes; c++) {
                p[c] += row[c] * scale;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : p) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= sum;
        }
    }

    /** Every label with its probability, most likely first. */
    List<Scored> classify(List<String> keys, boolean asks) {
        List<String> all = features(keys, asks).stream().distinct().toList();
        // unknown features count in the scale as in training: a message of mostly unseen words reads as less sure
        int[] x = all.stream().map(index::get).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray();
        double[] p = new double[labels.length];
        if (x.length == 0) {
            Arrays.fill(p, 1.0 / labels.length);
        } else {
            scores(x, (float) (1 / Math.sqrt(all.size())), weights, bias, p);
        }
        List<Scored> out = new ArrayList<>(labels.length);
        for (int c = 0; c < labels.length; c++) {
            out.add(new Scored(labels[c], p[c]));
        }
        out.sort((a, b) -> Double.compare(b.probability(), a.probability()));
        return out;
    }

    /** How many training examples held this word key (0: a word the classifier never saw). */
    int seen(String key) {
        return vocabulary.getOrDefault(key, 0);
    }

    /**
     * The word the classifier knows that a word it does not know is most likely a typo of: within one edit
     * (transpositions count as one) for words of up to five letters, two beyond; the more common word wins a tie.
     */
    java.util.Optional<String> nearest(String key) {
        if (key.length() < 3 || vocabulary.containsKey(key) || key.chars().anyMatch(Character::isDigit)) {
            return java.util.Optional.empty();
        }
        // names, places and typos repeat across partners: each unknown word is searched for once (the vocabulary
        // is fixed after training), within a bound on what is kept
        String known = corrections.get(key);
        if (known != null) {
            return known.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(known);
        }
        java.util.Optional<String> found = search(key);
        if (corrections.size() >= MAX_CORRECTIONS) {
            corrections.clear();
        }
        corrections.put(key, found.orElse(""));
        return found;
    }

    private java.util.Optional<String> search(String key) {
        int max = key.length() <= 5 ? 1 : 2;
        String best = null;
        int bestDistance = max + 1;
        int bestCount = 0;
        for (int len = key.length() - max; len <= key.length() + max; len++) {
            for (Map.Entry<String, Integer> word : byLength.getOrDefault(len, List.of())) {
                int d = distance(key, word.getKey(), max);
                if (d < bestDistance || d == bestDistance && word.getValue() > bestCount) {
                    best = word.getKey();
                    bestDistance = d;
                    bestCount = word.getValue();
                }
            }
        }
        return bestDistance <= max ? java.util.Optional.of(best) : java.util.Optional.empty();
    }

    /** Optimal string alignment distance, giving up past {@code max}. */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[a.length()][b.length()];
    }

    List<String> labels() {
        return List.of(labels);
    }
}
