package com.shisha.ai.coach;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Hindi or Hinglish question in the guide's English words (kb/glossary.tsv), word by word. The embedding
 * model was trained on English and places Devanagari and romanised Hindi poorly; the English reading of the
 * question ("byaj zyada hai" → "interest high") gives it something it understands, and gives the English word
 * index the guide's own terms.
 */
final class Glossary {

    static final String RESOURCE = "kb/glossary.tsv";

    /** By the word's key with its aspirates kept ({@link Romaniser#exactKey}). */
    private final Map<String, String> english;
    /**
     * By its usual key, for the Latin spellings partners vary; never read for a grammar word ("ko" is not "kho", lost).
     */
    private final Map<String, String> englishByKey;
    /** The Devanagari entries by their usual key. */
    private final Map<String, String> devanagariByKey;

    private Glossary(Map<String, String> english, Map<String, String> englishByKey, Map<String, String> devanagariByKey) {
        this.english = english;
        this.englishByKey = englishByKey;
        this.devanagariByKey = devanagariByKey;
    }

    static Glossary load() {
        try (InputStream in = Glossary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, String> english = new HashMap<>();
            Map<String, String> englishByKey = new HashMap<>();
            Map<String, String> devanagariByKey = new HashMap<>();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.isBlank() || line.startsWith("#") || line.startsWith("word\t")) {
                    continue;
                }
                String[] f = line.split("\t");
                List<String> keys = Romaniser.allKeys(f[0]);
                if (f.length != 2 || keys.size() != 1 || f[1].isBlank()) {
                    throw new IllegalStateException(RESOURCE + " line " + (n + 1) + ": expected one word, a tab and its English, was: " + line);
                }
                // spellings of one word fold to one key: its meaning is read once, not once per spelling
                english.merge(Romaniser.exactKey(f[0]), f[1].strip(), Glossary::join);
                englishByKey.merge(keys.get(0), f[1].strip(), Glossary::join);
                if (Romaniser.hasDevanagari(f[0])) {
                    devanagariByKey.merge(keys.get(0), f[1].strip(), Glossary::join);
                }
            }
            return new Glossary(english, englishByKey, devanagariByKey);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    private static String join(String a, String b) {
        return (" " + a + " ").contains(" " + b + " ") ? a : a + " " + b;
    }

    /** A word's English, or null. */
    private String meaning(String word) {
        String meaning = english.get(Romaniser.exactKey(word));
        if (meaning != null || Romaniser.isFiller(word)) {
            return meaning;
        }
        List<String> keys = Romaniser.allKeys(word);
        // a Devanagari word only meets Devanagari entries this loosely (ज़्यादा, ज्यादा): against romanised ones,
        // बार (time) would read as bhar (pay)
        return keys.isEmpty() ? null : (Romaniser.hasDevanagari(word) ? devanagariByKey : englishByKey).get(keys.get(0));
    }

    /**
     * The question in English words, or null when there is nothing to read: an English question (no Devanagari,
     * no glossary word) is left to the model as it is.
     */
    String english(String question) {
        boolean devanagari = Romaniser.hasDevanagari(question);
        StringBuilder out = new StringBuilder();
        int known = 0;
        for (String word : question.split("[^\\p{L}\\p{M}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String meaning = meaning(word);
            if (meaning != null) {
                out.append(meaning).append(' ');
                known++;
            } else if (!Romaniser.hasDevanagari(word) && !Romaniser.isFiller(word)) {
                out.append(word).append(' ');
            }
        }
        if (known == 0 || !devanagari && !Romaniser.isHinglish(question)) {
            return null;
        }
        return out.toString().strip();
    }
}
