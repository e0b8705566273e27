package com.shisha.ai.coach;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * BM25 over words, for both scripts. The embedding model was trained on English and places Devanagari text
 * poorly, while a Hindi question and the Hindi section it needs usually share words (EMI, पॉलिसी, गिरवी), so word
 * overlap carries Hindi (and Hinglish) questions that the vectors alone miss.
 */
final class LexicalIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "is", "it", "be", "are", "was", "do", "does",
            "i", "he", "she", "we", "you", "they", "his", "her", "my", "me", "him", "what", "how", "can", "should",
            "will", "with", "this", "that", "as", "at", "by", "from", "so", "if", "not", "no", "any", "about", "one",
            "there", "their", "them", "get", "has", "have", "who", "when", "which", "but", "than", "then", "into",
            "है", "हैं", "का", "की", "के", "को", "में", "से", "पर", "और", "या", "भी", "तो", "ही", "कि", "यह", "वह",
            "क्या", "कैसे", "मैं", "हम", "आप", "उसे", "उस", "इस", "एक", "नहीं", "न", "था", "थी", "होता", "होती", "हो",
            "कर", "करें", "करना", "लिए", "जो", "अगर", "कोई", "कुछ", "बताऊँ", "बोलूँ", "पूछ", "रहा", "रही", "कहता");

    /** Per word, the documents holding it and how often: a query touches only the documents sharing a word. */
    private record Postings(int[] documents, int[] counts) {
    }

    private final Map<String, Postings> postings = new HashMap<>();
    private final int[] owners;
    private final double[] lengths;
    private final double averageLength;

    LexicalIndex(List<String> documents, int[] owners) {
        this.owners = owners.clone();
        this.lengths = new double[documents.size()];
        Map<String, List<int[]>> building = new HashMap<>();
        double total = 0;
        for (int d = 0; d < documents.size(); d++) {
            Map<String, Integer> tf = new HashMap<>();
            List<String> words = words(documents.get(d));
            words.forEach(w -> tf.merge(w, 1, Integer::sum));
            for (Map.Entry<String, Integer> e : tf.entrySet()) {
                building.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new int[] {d, e.getValue()});
            }
            lengths[d] = words.size();
            total += words.size();
        }
        building.forEach((word, list) -> postings.put(word, new Postings(
                list.stream().mapToInt(x -> x[0]).toArray(), list.stream().mapToInt(x -> x[1]).toArray())));
        this.averageLength = documents.isEmpty() ? 1 : Math.max(1, total / documents.size());
    }

    /** BM25 per owner (the best of its documents), scaled so the top owner scores 1; all zero when no word matches. */
    double[] scorePerOwner(String query, int ownerCount) {
        int n = lengths.length;
        double[] perDocument = new double[n];
        for (String term : words(query).stream().distinct().toList()) {
            Postings p = postings.get(term);
            if (p == null) {
                continue;
            }
            int df = p.documents().length;
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            for (int i = 0; i < df; i++) {
                int d = p.documents()[i];
                int f = p.counts()[i];
                perDocument[d] += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * lengths[d] / averageLength));
            }
        }
        double[] best = new double[ownerCount];
        double max = 0;
        for (int d = 0; d < n; d++) {
            if (perDocument[d] > best[owners[d]]) {
                best[owners[d]] = perDocument[d];
                max = Math.max(max, perDocument[d]);
            }
        }
        if (max > 0) {
            for (int i = 0; i < best.length; i++) {
                best[i] /= max;
            }
        }
        return best;
    }

    static List<String> words(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String raw : normal.split("[^\\p{L}\\p{M}\\p{N}]+")) {
            if (raw.isEmpty() || STOPWORDS.contains(raw)) {
                continue;
            }
            words.add(stem(raw));
        }
        return words;
    }

    /** Just enough English stemming that "loans" meets "loan"; Hindi words are left as they are. */
    private static String stem(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && w.chars().allMatch(c -> c < 128)) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
