package com.shisha.ai.coach;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The embeddings of the last questions (and their English readings) asked, least recently used dropped first.
 * Partners repeat themselves and each other ("emi kya hai", a retried message, the same FAQ in many chats), and
 * the embedding is most of a search's time; 1,024 vectors are 1.5 MB. Keys are the text with case, Unicode form and
 * spacing folded, which the model's lower-casing tokenizer does not distinguish either.
 */
final class QueryVectors {

    private final Map<String, float[]> vectors;

    QueryVectors(int capacity) {
        this.vectors = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    synchronized float[] get(String key) {
        return vectors.get(key);
    }

    synchronized void put(String key, float[] vector) {
        vectors.put(key, vector);
    }

    synchronized void clear() {
        vectors.clear();
    }

    synchronized int size() {
        return vectors.size();
    }
}
