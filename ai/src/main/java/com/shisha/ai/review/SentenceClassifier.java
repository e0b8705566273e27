package com.shisha.ai.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one sentence of a call does (asks about a need, states a cost, objects, ...), by a multinomial naive Bayes
 * model over the sentence's sound keys and key pairs ({@link Cues#keys(String)}), trained when the class loads on
 * the labelled sentences in {@code review/sentences.tsv}. The cue lists catch the phrasings someone wrote down;
 * this catches paraphrases made of the same words in another order or mix ("shopping pe kitna kharcha hota hai"),
 * and it learns from a file anyone can extend without touching code. Sound keys make one model serve English,
 * Hinglish and Devanagari.
 */
final class SentenceClassifier<L extends Enum<L>> {

    /** What a sentence of a call does, for the review's rubric. */
    enum Label { NEED, COST, TERMS, KYC, OBJECTION, ANSWER, NEXT, OTHER }

    /** A label counts only this sure: below it the sentence is left to the cue lists. */
    static final double MIN_PROBABILITY = 0.7;

    private static final SentenceClassifier<Label> TRAINED = train("/review/sentences.tsv", Label.class, Label.OTHER);

    private final Class<L> type;
    private final L other;
    private final Map<L, Integer> sentences = new LinkedHashMap<>();
    private final Map<L, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final Map<L, Integer> totals = new LinkedHashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private int all;

    private SentenceClassifier(Class<L> type, L other) {
        this.type = type;
        this.other = other;
    }

    static SentenceClassifier<Label> trained() {
        return TRAINED;
    }

    /** @param other the label of a sentence no label is sure enough for */
    static <L extends Enum<L>> SentenceClassifier<L> train(String resource, Class<L> type, L other) {
        try (InputStream in = SentenceClassifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return train(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")), type, other);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SentenceClassifier<Label> train(List<String> lines) {
        return train(lines, Label.class, Label.OTHER);
    }

    /** @param lines "LABEL&lt;tab&gt;sentence"; blank lines and lines starting with # are skipped */
    static <L extends Enum<L>> SentenceClassifier<L> train(List<String> lines, Class<L> type, L other) {
        SentenceClassifier<L> c = new SentenceClassifier<>(type, other);
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            c.add(Enum.valueOf(type, parts[0].trim()), parts[1]);
        }
        return c;
    }

    private void add(L label, String sentence) {
        sentences.merge(label, 1, Integer::sum);
        all++;
        Map<String, Integer> own = counts.computeIfAbsent(label, l -> new HashMap<>());
        for (String f : features(Cues.keys(sentence))) {
            own.merge(f, 1, Integer::sum);
            totals.merge(label, 1, Integer::sum);
            vocabulary.add(f);
        }
    }

    /** Keys and neighbouring key pairs: "kitna kharcha" says more than either word. */
    static List<String> features(String keyed) {
        List<String> f = new ArrayList<>();
        String[] words = keyed.isEmpty() ? new String[0] : keyed.split(" ");
        for (int i = 0; i < words.length; i++) {
            f.add(words[i]);
            if (i + 1 < words.length) {
                f.add(words[i] + "_" + words[i + 1]);
            }
        }
        return f;
    }

    /** The label of a sentence given as sound keys, or the other label when none is {@link #MIN_PROBABILITY} sure. */
    L classify(String keyed) {
        return classify(keyed, MIN_PROBABILITY);
    }

    L classify(String keyed, double sure) {
        Map<L, Double> p = probabilities(keyed);
        L best = other;
        double top = 0;
        for (Map.Entry<L, Double> e : p.entrySet()) {
            if (e.getValue() > top) {
                top = e.getValue();
                best = e.getKey();
            }
        }
        return top >= sure ? best : other;
    }

    Map<L, Double> probabilities(String keyed) {
        List<String> features = features(keyed);
        Map<L, Double> log = new LinkedHashMap<>();
        double max = Double.NEGATIVE_INFINITY;
        for (L label : sentences.keySet()) {
            double score = Math.log((double) sentences.get(label) / all);
            Map<String, Integer> own = counts.get(label);
            double denominator = totals.getOrDefault(label, 0) + vocabulary.size();
            for (String f : features) {
                if (vocabulary.contains(f)) { // unseen words say nothing about any label
                    score += Math.log((own.getOrDefault(f, 0) + 1) / denominator);
                }
            }
            log.put(label, score);
            max = Math.max(max, score);
        }
        double sum = 0;
        for (double v : log.values()) {
            sum += Math.exp(v - max);
        }
        Map<L, Double> p = new LinkedHashMap<>();
        for (Map.Entry<L, Double> e : log.entrySet()) {
            p.put(e.getKey(), Math.exp(e.getValue() - max) / sum);
        }
        return p;
    }
}
