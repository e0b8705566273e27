package com.shisha.ai.coach;

import com.shisha.core.Language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hindi words' English, learned from the guide itself: kb.hi.md is a line-by-line translation of kb.en.md, so which
 * English word a Hindi word stands for can be estimated from the lines they share (IBM Model 1, trained both ways,
 * a pair kept when each word is the other's likeliest). Hindi words are keyed by their romanised stem
 * ({@link Romaniser#stems}), so the Devanagari word, its Hinglish spellings and its other forms meet one entry
 * (ब्याज, byaaj, byaj). It reads what the hand-written glossary lacks, for the guide's own vocabulary only.
 */
final class Lexicon {

    /** EM rounds: Model 1's likelihood has one optimum, and on a few hundred lines it is near it after a handful. */
    private static final int ROUNDS = 8;
    /** A Hindi word seen once cannot be told from its neighbours in the line. */
    private static final int MIN_COUNT = 2;
    /**
     * How sure both directions must be, as the geometric mean of the two translation probabilities: the lower edge of
     * the range (0.6-0.75) where the sets open to diagnosis get the most right; below it, words that only keep company
     * are read as each other (मांग, ask, as "OTP").
     */
    private static final double MIN_SCORE = 0.6;

    /** English grammar words: they say nothing a Hindi topic word stands for. */
    private static final Set<String> ENGLISH_GRAMMAR = Set.of("a", "an", "the", "and", "or", "but", "if", "of", "to",
            "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "it", "its",
            "this", "that", "these", "those", "their", "they", "them", "he", "she", "his", "her", "not", "no", "do",
            "does", "can", "may", "will", "so", "than", "then", "there", "what", "which", "who", "how", "when", "into",
            "any", "some", "each", "only", "also", "more", "most", "such", "has", "have", "had", "you", "your", "one",
            "s", "t", "about", "after", "before", "never", "all", "other");

    private final Map<String, String> english;

    private Lexicon(Map<String, String> english) {
        this.english = english;
    }

    static Lexicon empty() {
        return new Lexicon(Map.of());
    }

    /**
     * Sentences as partners write them, each in English, Hindi and Hinglish (kb/parallel.tsv): the guide's own
     * translation teaches its terms, these the everyday words around them (biwi, guzar gaye, jhanjhat).
     */
    static final String PARALLEL_RESOURCE = "kb/parallel.tsv";

    /**
     * From the guide's sections (titles and body lines, paired where both languages have the same number of lines) and
     * the shipped parallel sentences.
     */
    static Lexicon learn(KnowledgeBase kb) {
        List<String[]> pairs = guidePairs(kb);
        pairs.addAll(Shipped.PARALLEL);
        return learn(pairs);
    }

    /** The shipped sentences, read once: every index build (a start, each guide edit in the console) learns again. */
    private static final class Shipped {
        static final List<String[]> PARALLEL = List.copyOf(parallelPairs(PARALLEL_RESOURCE));
    }

    /**
     * Each line's Hindi and Hinglish, each paired with its English. A Hinglish line's English words ("loan", "customer")
     * are left out of it: they are themselves, and only its Hindi words are to be learned.
     */
    static List<String[]> parallelPairs(String resource) {
        List<String[]> pairs = new ArrayList<>();
        try (java.io.InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return pairs;
            }
            List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 3 || !Romaniser.hasDevanagari(f[1]) || Romaniser.hasDevanagari(f[2])) {
                    throw new IllegalStateException(resource + " line " + (n + 1)
                            + ": expected English, a tab, Hindi in Devanagari, a tab, Hinglish in Latin letters, was: " + line);
                }
                Set<String> englishWords = new java.util.HashSet<>(List.of(f[0].toLowerCase(Locale.ROOT).split("[^a-z]+")));
                StringBuilder hindiWords = new StringBuilder();
                for (String word : f[2].toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                    if (!word.isEmpty() && !englishWords.contains(word)) {
                        hindiWords.append(word).append(' ');
                    }
                }
                pairs.add(new String[] {f[1], f[0]});
                pairs.add(new String[] {hindiWords.toString(), f[0]});
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        return pairs;
    }

    static List<String[]> guidePairs(KnowledgeBase kb) {
        List<String[]> pairs = new ArrayList<>();
        for (String id : kb.ids()) {
            KbSection en = kb.section(id, Language.EN).orElse(null);
            KbSection hi = kb.section(id, Language.HI).orElse(null);
            if (en == null || hi == null) {
                continue;
            }
            pairs.add(new String[] {hi.title(), en.title()});
            List<String> enLines = en.statements();
            List<String> hiLines = hi.statements();
            if (enLines.size() == hiLines.size()) {
                for (int i = 0; i < enLines.size(); i++) {
                    pairs.add(new String[] {hiLines.get(i), enLines.get(i)});
                }
            }
        }
        return pairs;
    }

    /** @param pairs each a Hindi line and its English */
    static Lexicon learn(List<String[]> pairs) {
        List<List<String>> hindi = new ArrayList<>();
        List<List<String>> english = new ArrayList<>();
        Map<String, Integer> hindiCounts = new HashMap<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        for (String[] pair : pairs) {
            // a Hindi line's Latin words are English ones; a Hinglish line's are its Hindi
            List<String> h = hindiWords(Romaniser.hasDevanagari(pair[0]) ? pair[0].replaceAll("[A-Za-z0-9]+", " ") : pair[0]);
            List<String> e = new ArrayList<>();
            for (String word : pair[1].toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (!word.isEmpty() && !ENGLISH_GRAMMAR.contains(word)) {
                    String stem = englishStem(word);
                    e.add(stem);
                    surfaces.computeIfAbsent(stem, k -> new HashMap<>()).merge(word, 1, Integer::sum);
                }
            }
            if (h.isEmpty() || e.isEmpty()) {
                continue;
            }
            h.forEach(w -> hindiCounts.merge(w, 1, Integer::sum));
            hindi.add(h);
            english.add(e);
        }
        Map<String, Map<String, Double>> englishGivenHindi = model1(hindi, english);
        Map<String, Map<String, Double>> hindiGivenEnglish = model1(english, hindi);
        Map<String, String> lexicon = new HashMap<>();
        englishGivenHindi.forEach((h, row) -> {
            if (h.equals(NULL) || hindiCounts.getOrDefault(h, 0) < MIN_COUNT) {
                return;
            }
            String best = null;
            double bestScore = 0;
            for (Map.Entry<String, Double> cell : row.entrySet()) {
                double back = hindiGivenEnglish.getOrDefault(cell.getKey(), Map.of()).getOrDefault(h, 0.0);
                double score = Math.sqrt(cell.getValue() * back);
                if (score > bestScore) {
                    bestScore = score;
                    best = cell.getKey();
                }
            }
            if (best != null && bestScore >= MIN_SCORE) {
                lexicon.put(h, surfaces.get(best).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
            }
        });
        return new Lexicon(Map.copyOf(lexicon));
    }

    private static final String NULL = "\u0000";

    /**
     * t(target | source) by IBM Model 1, with an empty source word that target words may come from. Words and the
     * pairs that share a line are numbered first, so each round is array arithmetic: it runs at every start.
     */
    private static Map<String, Map<String, Double>> model1(List<List<String>> sources, List<List<String>> targets) {
        Map<String, Integer> sourceIds = new HashMap<>();
        Map<String, Integer> targetIds = new HashMap<>();
        sourceIds.put(NULL, 0);
        Map<Long, Integer> pairIds = new HashMap<>();
        List<Integer> pairSources = new ArrayList<>();
        List<Integer> pairTargets = new ArrayList<>();
        int[][][] lines = new int[sources.size()][][];
        for (int n = 0; n < sources.size(); n++) {
            List<String> source = withNull(sources.get(n));
            List<String> target = targets.get(n);
            int[][] pairs = new int[target.size()][source.size()];
            for (int j = 0; j < target.size(); j++) {
                int e = targetIds.computeIfAbsent(target.get(j), k -> targetIds.size());
                for (int i = 0; i < source.size(); i++) {
                    int s = sourceIds.computeIfAbsent(source.get(i), k -> sourceIds.size());
                    pairs[j][i] = pairIds.computeIfAbsent(((long) s << 32) | e, k -> {
                        pairSources.add(s);
                        pairTargets.add(e);
                        return pairSources.size() - 1;
                    });
                }
            }
            lines[n] = pairs;
        }
        int[] pairSource = pairSources.stream().mapToInt(Integer::intValue).toArray();
        double[] t = new double[pairSource.length];
        java.util.Arrays.fill(t, 1.0);
        for (int round = 0; round < ROUNDS; round++) {
            double[] counts = new double[t.length];
            double[] totals = new double[sourceIds.size()];
            for (int[][] line : lines) {
                for (int[] row : line) {
                    double norm = 0;
                    for (int p : row) {
                        norm += t[p];
                    }
                    for (int p : row) {
                        double c = t[p] / norm;
                        counts[p] += c;
                        totals[pairSource[p]] += c;
                    }
                }
            }
            for (int p = 0; p < t.length; p++) {
                t[p] = counts[p] / totals[pairSource[p]];
            }
        }
        String[] sourceWords = new String[sourceIds.size()];
        sourceIds.forEach((w, id) -> sourceWords[id] = w);
        String[] targetWords = new String[targetIds.size()];
        targetIds.forEach((w, id) -> targetWords[id] = w);
        Map<String, Map<String, Double>> table = new HashMap<>();
        for (int p = 0; p < t.length; p++) {
            table.computeIfAbsent(sourceWords[pairSource[p]], k -> new HashMap<>()).put(targetWords[pairTargets.get(p)], t[p]);
        }
        return table;
    }

    private static List<String> withNull(List<String> words) {
        List<String> with = new ArrayList<>(words.size() + 1);
        with.add(NULL);
        with.addAll(words);
        return with;
    }

    /** Plurals and the commonest endings, so "payments" and "payment" are counted as one word. */
    private static String englishStem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** The guide's English for a Hindi word in either script, or null when the guide does not say it often enough. */
    String english(String word) {
        List<String> stems = hindiWords(word);
        return stems.size() == 1 ? english.get(stems.get(0)) : null;
    }

    /** Stems with aspirates kept: the usual key would join खुल (open) and कुल (total). */
    private static List<String> hindiWords(String text) {
        return Romaniser.exactStems(text);
    }

    Map<String, String> entries() {
        return english;
    }
}
