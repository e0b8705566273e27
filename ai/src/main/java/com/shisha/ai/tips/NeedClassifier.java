package com.shisha.ai.tips;

import com.shisha.core.Product;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a lead's need from its note: which {@link TipFamily} the opening line must fit. A multinomial naive Bayes
 * over the note's phonetic word keys ({@link NoteText}), word pairs and character 3-5-grams of each key, each
 * weighted by how few families use it (an inverse document frequency over families), trained
 * at construction from {@code tips/needs.md} (notes and phrases per family in English, Devanagari Hindi and
 * Hinglish); {@link #forTips()} adds the hand-written tips of {@code tips/need-tips.json}. Character grams carry the evidence a keyword list misses: "second-hand auto", "gaadi", "गाड़ी" and a
 * misspelt "vehical" share grams with the vehicle examples without anyone listing them.
 *
 * <p>The lead's product is a hard prior: only that product's families compete (a credit-card lead that mentions a
 * future home loan still gets a card tip), and a note with no word the model knows gets the product's general
 * family. Immutable and thread-safe after construction; about 0.1 ms per note.
 */
public final class NeedClassifier {

    static final String RESOURCE = "tips/needs.md";
    private static final double ALPHA = 0.2;

    private final Map<TipFamily, Map<String, Integer>> counts = new EnumMap<>(TipFamily.class);
    private final Map<TipFamily, Double> totals = new EnumMap<>(TipFamily.class);
    private final Set<String> vocabulary = new HashSet<>();
    /**
     * Word keys that tell a few families apart ("gold", "gaadi", "mediclaim"); a text with none of them says nothing
     * about the need ("ask what the loan is for") and gets the general family.
     */
    private final Set<String> telling = new HashSet<>();
    /** A word in at most this many families' examples is {@link #telling}. */
    private static final int TELLING_FAMILIES = 3;
    /**
     * log(families / families that have the feature): "wants", "chahiye" and "loan" are in every family's examples
     * and would otherwise outvote the one word that tells the need ("Activa", "mangalsutra").
     */
    private final Map<String, Double> weight = new HashMap<>();
    private final Map<String, double[]> table = new HashMap<>();

    /** @param family the need read; {@code fromNote} false when the note gave no evidence and the product decided */
    public record Reading(TipFamily family, double confidence, boolean fromNote) {
    }

    public NeedClassifier() {
        this(read(RESOURCE));
    }

    /**
     * For reading tips rather than notes: the hand-written tips join the examples, since a tip is worded as advice
     * ("ask which vehicle they chose"). Kept apart from the notes' classifier, whose accuracy the long, advice-laden
     * tips lowered (a medical tip mentions a gold loan as the quickest money).
     */
    public static NeedClassifier forTips() {
        return Holder.TIPS;
    }

    static Map<TipFamily, List<String>> withTips(Map<TipFamily, List<String>> examples) {
        try (InputStream in = NeedClassifier.class.getClassLoader().getResourceAsStream(NeedTips.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(NeedTips.RESOURCE + " is missing from the classpath");
            }
            for (tools.jackson.databind.JsonNode row : tools.jackson.databind.json.JsonMapper.builder().build().readTree(in)) {
                List<String> texts = examples.computeIfAbsent(TipFamily.ofCode(row.path("family").asString("")),
                        f -> new ArrayList<>());
                texts.add(row.path("en").asString(""));
                texts.add(row.path("hi").asString(""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    NeedClassifier(Map<TipFamily, List<String>> examples) {
        for (TipFamily f : TipFamily.values()) {
            counts.put(f, new HashMap<>());
            totals.put(f, 0.0);
        }
        examples.forEach((family, texts) -> texts.forEach(t -> learn(family, t)));
        for (TipFamily f : TipFamily.values()) {
            if (counts.get(f).isEmpty()) {
                throw new IllegalStateException(RESOURCE + " has no examples for " + f.code());
            }
        }
        Map<String, Integer> families = new HashMap<>();
        counts.values().forEach(c -> c.keySet().forEach(f -> families.merge(f, 1, Integer::sum)));
        double n = TipFamily.values().length;
        families.forEach((f, df) -> {
            weight.put(f, Math.log(n / df) + 0.1);
            if (df <= TELLING_FAMILIES && f.startsWith("w:")) {
                telling.add(f);
            }
        });
        // every feature's weighted log-likelihood per family, worked out once: a reading is then one lookup a feature
        double v = vocabulary.size();
        for (String feature : vocabulary) {
            double[] terms = new double[TipFamily.values().length];
            for (TipFamily f : TipFamily.values()) {
                double denominator = Math.log(totals.get(f) + ALPHA * v);
                terms[f.ordinal()] = weight.get(feature) * (Math.log(counts.get(f).getOrDefault(feature, 0) + ALPHA) - denominator);
            }
            table.put(feature, terms);
        }
    }

    public static NeedClassifier fromClasspath() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final NeedClassifier INSTANCE = new NeedClassifier();
        static final NeedClassifier TIPS = new NeedClassifier(withTips(read(RESOURCE)));
    }

    private void learn(TipFamily family, String text) {
        Map<String, Integer> c = counts.get(family);
        Set<String> features = features(NoteText.keys(text));
        for (String f : features) {
            c.merge(f, 1, Integer::sum);
            vocabulary.add(f);
        }
        totals.merge(family, (double) features.size(), Double::sum);
    }

    /** The need of a lead with these notes (either may be null) and this product. */
    public Reading classify(String noteEn, String noteHi, Product product) {
        StringBuilder text = new StringBuilder();
        if (noteEn != null) {
            text.append(noteEn).append(' ');
        }
        if (noteHi != null) {
            text.append(noteHi);
        }
        return classify(text.toString(), TipFamily.of(product));
    }

    /** The likeliest of {@code among} for this text; the general family of their product when nothing is known. */
    Reading classify(String text, Collection<TipFamily> among) {
        TipFamily general = among.stream().filter(TipFamily::general).findFirst().orElse(among.iterator().next());
        if (among.size() == 1) {
            return new Reading(general, 1, false);
        }
        Set<String> features = features(NoteText.keys(text));
        boolean evidence = features.stream().anyMatch(telling::contains);
        if (!evidence) {
            return new Reading(general, 1, false);
        }
        Map<TipFamily, Double> score = new EnumMap<>(TipFamily.class);
        double[] sums = new double[TipFamily.values().length];
        for (String feature : features) {
            double[] terms = table.get(feature);
            if (terms != null) {
                for (int f = 0; f < sums.length; f++) {
                    sums[f] += terms[f];
                }
            }
        }
        for (TipFamily f : among) {
            score.put(f, sums[f.ordinal()]);
        }
        TipFamily best = general;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<TipFamily, Double> e : score.entrySet()) {
            if (e.getValue() > max) {
                max = e.getValue();
                best = e.getKey();
            }
        }
        double sum = 0;
        for (double s : score.values()) {
            sum += Math.exp(s - max);
        }
        return new Reading(best, 1 / sum, true);
    }

    /** Among every family, whatever the product: what a text is about on its own (used to check generated tips). */
    Reading classifyAny(String text) {
        return classify(text, List.of(TipFamily.values()));
    }

    static Set<String> features(List<String> keys) {
        Set<String> features = new LinkedHashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            if (k.length() < 2) {
                continue;
            }
            features.add("w:" + k);
            if (i + 1 < keys.size()) {
                features.add("b:" + k + " " + keys.get(i + 1));
            }
            String padded = "<" + k + ">";
            for (int n = 3; n <= 5; n++) {
                for (int at = 0; at + n <= padded.length(); at++) {
                    features.add("c:" + padded.substring(at, at + n));
                }
            }
        }
        return features;
    }

    /** "## family" headings, then one example per "- " line; other lines are comments. */
    static Map<TipFamily, List<String>> read(String resource) {
        String text;
        try (InputStream in = NeedClassifier.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<TipFamily, List<String>> examples = new EnumMap<>(TipFamily.class);
        TipFamily current = null;
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("## ")) {
                try {
                    current = TipFamily.ofCode(l.substring(3));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(resource + ": unknown family '" + l.substring(3) + "'");
                }
            } else if (l.startsWith("- ") && current != null) {
                examples.computeIfAbsent(current, f -> new ArrayList<>()).add(l.substring(2));
            }
        }
        return examples;
    }
}
