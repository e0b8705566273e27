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
    /** The Devanagari entries as written, without nuktas (फ़ीस, फीस): where a loanword's English spelling is found. */
    private final Map<String, String> devanagari;
    /**
     * The guide's English words by their consonants ({@link #consonants}): Hindi writes English loanwords in
     * Devanagari (क्रेडिट, पर्सनल, नॉमिनी) that no glossary lists, and the vowels are what transliteration gets wrong.
     */
    private final Map<String, List<String>> loanwords;
    /**
     * Every English word of the guide, grammar and filler words too: an English word in a Hinglish question stays in
     * its English reading, where "customer says" tells an objection from a question about the product.
     */
    private final java.util.Set<String> englishWords;
    /** What the guide's own translation says a Hindi word is, for the words this glossary lacks. */
    private final Lexicon lexicon;
    /**
     * Short words ending in a or i by their whole form ({@link #shortForm}): a key drops the ending vowel, which joins
     * पता (know) and पति (husband), beta (son) and beti (daughter).
     */
    private final Map<String, String> shortForms;
    /** The keys whose every spelling is such a short word: a short word with another ending is not theirs. */
    private final java.util.Set<String> onlyShortForms;

    private Glossary(Map<String, String> english, Map<String, String> englishByKey, Map<String, String> devanagariByKey,
                     Map<String, String> devanagari, Map<String, List<String>> loanwords, java.util.Set<String> englishWords, Lexicon lexicon,
                     Map<String, String> shortForms, java.util.Set<String> onlyShortForms) {
        this.lexicon = lexicon;
        this.shortForms = shortForms;
        this.onlyShortForms = onlyShortForms;
        this.english = english;
        this.englishWords = englishWords;
        this.devanagari = devanagari;
        this.englishByKey = englishByKey;
        this.devanagariByKey = devanagariByKey;
        this.loanwords = loanwords;
    }

    /** With the loanwords of the shipped guide's files. */
    static Glossary load() {
        return load(shippedTexts(), Lexicon.learn(KnowledgeBase.load()));
    }

    static Glossary load(List<String> englishTexts) {
        return load(englishTexts, Lexicon.empty());
    }

    /** @param englishTexts the guide's English lines (titles, text, questions, off-topic examples) the loanwords come from */
    static Glossary load(List<String> englishTexts, Lexicon lexicon) {
        try (InputStream in = Glossary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, String> english = new HashMap<>();
            Map<String, String> englishByKey = new HashMap<>();
            Map<String, String> devanagariByKey = new HashMap<>();
            Map<String, String> devanagari = new HashMap<>();
            Map<String, String> shortForms = new HashMap<>();
            Map<String, Boolean> allShort = new HashMap<>();
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
                String shortForm = shortForm(f[0]);
                if (shortForm != null) {
                    shortForms.merge(shortForm, f[1].strip(), Glossary::join);
                }
                allShort.merge(Romaniser.exactKey(f[0]), shortForm != null, Boolean::logicalAnd);
                englishByKey.merge(keys.get(0), f[1].strip(), Glossary::join);
                if (Romaniser.hasDevanagari(f[0])) {
                    devanagariByKey.merge(keys.get(0), f[1].strip(), Glossary::join);
                    devanagari.merge(withoutNukta(f[0].strip()), f[1].strip(), Glossary::join);
                }
            }
            java.util.Set<String> onlyShort = new java.util.HashSet<>();
            allShort.forEach((key, only) -> {
                if (only) {
                    onlyShort.add(key);
                }
            });
            return new Glossary(english, englishByKey, devanagariByKey, devanagari, loanwords(englishTexts),
                    englishWords(englishTexts), lexicon, shortForms, onlyShort);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** Shorter skeletons would meet Hindi words by chance: कम (less) and "come". */
    private static final int LOANWORD_CONSONANTS = 4;
    /** A three-consonant word spelt with the same vowels is the English word (लिमिट limit), not one that sounds near it. */
    private static final int SHORT_LOANWORD_CONSONANTS = 3;

    private static List<String> shippedTexts() {
        List<String> lines = new java.util.ArrayList<>();
        for (String resource : List.of(KnowledgeBase.EN_RESOURCE, KnowledgeBase.QUESTIONS_RESOURCE, KnowledgeBase.OFF_TOPIC_RESOURCE)) {
            try (InputStream in = Glossary.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource, e);
            }
        }
        return lines;
    }

    private static java.util.Set<String> englishWords(List<String> englishTexts) {
        java.util.Set<String> words = new java.util.HashSet<>();
        for (String line : englishTexts) {
            if (!line.startsWith("#") && !Romaniser.hasDevanagari(line) && !Romaniser.isHinglish(line)) {
                words.addAll(List.of(line.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")));
            }
        }
        words.remove("");
        return java.util.Set.copyOf(words);
    }

    /** The English words of the guide, its questions and its off-topic examples, by their consonants, commonest first. */
    private static Map<String, List<String>> loanwords(List<String> englishTexts) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (String line : englishTexts) {
            if (line.startsWith("#") || Romaniser.hasDevanagari(line) || Romaniser.isHinglish(line)) {
                continue;
            }
            for (String word : line.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
                String skeleton = consonants(word);
                if (skeleton.length() >= SHORT_LOANWORD_CONSONANTS && !Romaniser.isFiller(word)) {
                    counts.computeIfAbsent(skeleton, k -> new HashMap<>()).merge(word, 1, Integer::sum);
                }
            }
        }
        Map<String, List<String>> loanwords = new HashMap<>();
        counts.forEach((skeleton, words) -> loanwords.put(skeleton, words.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList()));
        return loanwords;
    }

    /**
     * The English word a Devanagari word spells, or null: same consonants, and vowels close enough that it is the
     * same word (क्रेडिट credit, पर्सनल personal), not another that shares its consonants (किस्तों "question").
     */
    private String loanword(String devanagariWord) {
        String latin = Romaniser.latin(devanagariWord);
        List<String> candidates = loanwords.get(consonants(latin));
        if (candidates == null) {
            return null;
        }
        String key = Romaniser.key(latin);
        boolean isShort = consonants(latin).length() < LOANWORD_CONSONANTS;
        for (String candidate : candidates) {
            String other = Romaniser.key(candidate);
            // a short word's final vowel counts too: पड़ता (parta) is not "part"
            if (isShort ? com.shisha.ai.text.Hinglish.key(latin).equals(com.shisha.ai.text.Hinglish.key(candidate))
                    : distance(key, other) <= Math.max(key.length(), other.length()) / 4) {
                return candidate;
            }
        }
        return null;
    }

    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int up = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = up;
            }
        }
        return row[b.length()];
    }

    /** A Latin word's first letter and its consonants after it, folded as keys are: "credit" and क्रेडिट (kredit) are krdt. */
    static String consonants(String latinWord) {
        String key = com.shisha.ai.text.Hinglish.key(latinWord).replace("c", "k").replace("x", "ks");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (i == 0 || "aeiouy".indexOf(c) < 0 && (out.isEmpty() || out.charAt(out.length() - 1) != c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Two spellings' readings as one, each English word once: "year yearly annual" and "year annual" are not five words. */
    private static String join(String a, String b) {
        StringBuilder joined = new StringBuilder(a);
        for (String word : b.split(" ")) {
            if (!(" " + joined + " ").contains(" " + word + " ")) {
                joined.append(' ').append(word);
            }
        }
        return joined.toString();
    }

    private boolean isEnglish(String latinWord) {
        List<String> words = loanwords.get(consonants(latinWord));
        return words != null && words.contains(latinWord);
    }

    /**
     * A word of at most four letters ending in a or i, as its whole key with aspirates kept, or null. Hindi marks gender
     * and meaning there (pata, pati; beta, beti), so such a word is not folded with its stem; a longer word, or one in
     * e (bime, bete, the forms after a postposition), is.
     */
    static String shortForm(String word) {
        String key = com.shisha.ai.text.Hinglish.key(Romaniser.hasDevanagari(word) ? Romaniser.latin(word) : word, false);
        return key.length() <= 4 && (key.endsWith("a") || key.endsWith("i")) ? key : null;
    }

    /** A word's English, or null. */
    private String meaning(String word) {
        String shortForm = shortForm(word);
        if (shortForm != null) {
            String meaning = shortForms.get(shortForm);
            if (meaning != null) {
                return meaning;
            }
            if (onlyShortForms.contains(Romaniser.exactKey(word))) {
                // पता is not पति, whatever its key
                return Romaniser.isFiller(word) ? null : lexicon.english(word);
            }
        }
        String meaning = english.get(Romaniser.exactKey(word));
        if (meaning != null || Romaniser.isFiller(word)) {
            return meaning;
        }
        List<String> keys = Romaniser.allKeys(word);
        if (keys.isEmpty()) {
            return null;
        }
        if (!Romaniser.hasDevanagari(word)) {
            // an English word is itself, not a Hindi word spelt alike: "docs" is not dhokha (fraud)
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            if (isEnglish(lower)) {
                return null;
            }
            meaning = englishByKey.get(keys.get(0));
            // a word of the guide's English is itself ("call" is not kal), however Hindi spells alike
            return meaning != null || Romaniser.isHindiFunctionWord(word) || englishWords.contains(lower) ? meaning
                    : lexicon.english(word);
        }
        // a Devanagari word only meets Devanagari entries this loosely (ज़्यादा, ज्यादा): against romanised ones,
        // बार (time) would read as bhar (pay)
        meaning = devanagariByKey.get(keys.get(0));
        if (meaning == null) {
            meaning = loanword(word);
        }
        return meaning != null ? meaning : lexicon.english(word);
    }

    /**
     * A Hindi text the way a partner types it in Latin letters: Hindi words romanised, English loanwords in their
     * English spelling (लोन "loan", कैशलेस "cashless", not "lon", "kaishles"), because Hinglish writes them so and the
     * model knows them only so.
     */
    String hinglish(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[\\u0900-\\u097F]+").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(hinglishWord(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String hinglishWord(String word) {
        String latin = Romaniser.latin(word);
        String meaning = devanagari.get(withoutNukta(java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFC)));
        if (meaning != null) {
            // the glossary's English sounds like the word itself: a loanword, not a translation (बीमा is "insurance")
            String first = meaning.split(" ")[0];
            if (consonants(softC(first)).equals(consonants(latin))) {
                return first;
            }
        }
        String loan = loanword(word);
        return loan != null ? loan : latin;
    }

    private static String withoutNukta(String devanagariWord) {
        return java.text.Normalizer.normalize(devanagariWord, java.text.Normalizer.Form.NFD).replace("\u093C", "");
    }

    /** A c before e, i or y is said s ("policy", पॉलिसी "polisi"); {@link #consonants} spells every c as k. */
    private static String softC(String englishWord) {
        return englishWord.toLowerCase(java.util.Locale.ROOT).replaceAll("c(?=[eiy])", "s");
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
            } else if (!Romaniser.hasDevanagari(word) && !Romaniser.isHindiFunctionWord(word)
                    && (!Romaniser.isFiller(word) || englishWords.contains(word.toLowerCase(java.util.Locale.ROOT)))) {
                out.append(word).append(' ');
            }
        }
        // a Hinglish question is read even when the glossary knows none of its words: that reading is what sends it
        // to the Hinglish questions and the Hinglish off-topic examples ("cricket ka score kya hua")
        String reading = out.toString().strip();
        if (devanagari ? known == 0 : !Romaniser.isHinglish(question) || reading.isEmpty()) {
            return null;
        }
        return reading;
    }
}
