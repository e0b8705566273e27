package com.shisha.ai.review;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A list of phrases that count as one kind of evidence. Phrases and transcripts are both reduced to sound keys
 * ({@link #keys(String)}), so one list written in English, Hinglish or Devanagari matches all three scripts and the
 * spellings speech-to-text and typists produce: "कितना", "kitna" and "kitana" are one key, and so are "फीस" and
 * "fees", "ज़रूरत" and "zaroorat". A phrase matches consecutive words; a trailing {@code *} on a phrase's last word
 * matches any ending ("explain*": "explained"); a key of five or more letters also matches one letter off, which
 * absorbs most single-sound recognition errors ("interst", "premiun").
 */
final class Cues {

    /** ICU: Devanagari (and any other script) to Latin with its accents, so the inherent "a" can be told from "ā". */
    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Lower"));
    private static final Pattern DEVANAGARI = Pattern.compile("[\\u0900-\\u097F]");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9%]+");
    static final int FUZZY_MIN = 5;

    private final List<String> phrases;
    private final List<Phrase> keyed;

    private record Phrase(String[] keys, boolean prefix) {
    }

    private Cues(List<String> phrases) {
        this.phrases = phrases;
        List<Phrase> k = new ArrayList<>();
        for (String phrase : phrases) {
            boolean prefix = phrase.endsWith("*");
            String[] keys = keys(prefix ? phrase.substring(0, phrase.length() - 1) : phrase).split(" ");
            if (keys.length > 0 && !keys[0].isEmpty()) {
                k.add(new Phrase(keys, prefix));
            }
        }
        this.keyed = List.copyOf(k);
    }

    static Cues of(String... phrases) {
        return new Cues(List.of(phrases));
    }

    /** @param keyed text passed through {@link #keys(String)} */
    boolean in(String keyed) {
        return !keyed.isEmpty() && in(keyed.split(" "));
    }

    /** How many of the phrases occur: the sentence with the most is the best quote. */
    int count(String keyed) {
        return matching(keyed.split(" ")).size();
    }

    private List<Phrase> matching(String[] words) {
        List<Phrase> hits = new ArrayList<>();
        for (Phrase p : keyed) {
            for (int i = 0; i + p.keys.length <= words.length; i++) {
                if (matchesAt(p, words, i)) {
                    hits.add(p);
                    break;
                }
            }
        }
        return hits;
    }

    boolean in(String[] words) {
        for (Phrase p : keyed) {
            for (int i = 0; i + p.keys.length <= words.length; i++) {
                if (matchesAt(p, words, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesAt(Phrase p, String[] words, int at) {
        for (int j = 0; j < p.keys.length; j++) {
            String cue = p.keys[j];
            String word = words[at + j];
            boolean last = j == p.keys.length - 1;
            if (!(cue.equals(word) || last && p.prefix && word.startsWith(cue)
                    || cue.length() >= FUZZY_MIN && word.length() >= FUZZY_MIN && oneOff(cue, word))) {
                return false;
            }
        }
        return true;
    }

    /** Levenshtein distance at most 1. */
    static boolean oneOff(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (b.length() > a.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }

    List<String> phrases() {
        return phrases;
    }

    /**
     * Lower case, straight quotes, and the Devanagari spelling variants speech recognisers and typists mix
     * (nukta dropped, chandrabindu as anusvara). Kept for comparing quotes with the transcript, which must stay
     * readable; matching uses {@link #keys(String)}.
     */
    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replace("\u093C", "");
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        return s.replace('\u0901', '\u0902').replace('’', '\'').replace('‘', '\'')
                .replace('“', '"').replace('”', '"').replaceAll("\\s+", " ");
    }

    /** The words of a text as space-separated sound keys (see {@link #key(String)}). */
    static String keys(String text) {
        StringBuilder out = new StringBuilder();
        for (String token : normalise(text).split(" ")) {
            String keyed = TOKENS.get(token);
            if (keyed == null) {
                keyed = tokenKeys(token);
                if (TOKENS.size() < MAX_CACHED_TOKENS) {
                    TOKENS.put(token, keyed);
                }
            }
            if (!keyed.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(keyed);
            }
        }
        return out.toString();
    }

    /** Calls repeat their words, and each window boundary looks words up again: keys of words seen, bounded. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> TOKENS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_TOKENS = 50_000;

    private static String tokenKeys(String token) {
        StringBuilder out = new StringBuilder();
        for (String word : NOT_WORD.split(latin(token))) {
            if (!word.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(key(word));
            }
        }
        return out.toString();
    }

    /**
     * Devanagari to Latin. The anusvara before a consonant is a nasal Hinglish writes "n" ("महंगा": "mahanga"),
     * and at a word's end too ("नहीं": "nahin"); ICU writes "m". ICU writes the inherent "a" Hindi does not say at
     * a word's end ("लोन": "lona"), so it goes, while a written long "ā" stays ("मेरा": "mera"). ICU's "c" is
     * the "ch" of Hinglish.
     */
    private static String latin(String token) {
        if (!DEVANAGARI.matcher(token).find()) {
            return Normalizer.normalize(token, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .replace("'", "");
        }
        String nasal = token.replace("\u0902", "\u0928\u094D");
        String l = TO_LATIN.get().transliterate(nasal).replace("'", "");
        l = SCHWA.matcher(l).replaceAll("");
        return TO_ASCII.get().transliterate(l).replace("c", "ch");
    }

    private static final ThreadLocal<Transliterator> TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Latin-ASCII; Lower"));
    private static final Pattern SCHWA = Pattern.compile("(?<=\\p{L}[^aeiouāīūēōṛṝ\\P{L}])a\\b");

    /**
     * A sound key. Hindi's aspirates and English spelling are folded to one consonant each (ch/c, hard c/k,
     * ph/f, sh/s, w/v, z/j, q/k), doubled letters to one, and a plural "s" is dropped from longer words. The key
     * is then the word's consonants, with any leading vowel as "a": Hinglish spells vowels as it likes
     * ("mehenga", "mahanga", ICU's "mahanga"). Under three consonants say too little ("sir" is not "share"), so
     * such a word keeps its vowels, folded (aa/a, ee/i, oo/u).
     */
    static String key(String word) {
        String w = word;
        // "terms" (conditions) is not "term" (a term plan), so only longer plurals fold: "charges", "documents"
        if (w.length() >= 6 && w.endsWith("s") && !w.endsWith("ss")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() >= 4 && w.endsWith("in") && isVowelOrH(w.charAt(w.length() - 3))) {
            w = w.substring(0, w.length() - 1);
        }
        // "ch" is the palatal (ICU writes it for च), every other c is hard: "card", "cover", "cooling"
        w = w.replace("chh", "C").replace("ch", "C").replace("c", "k").replace("C", "c").replace("sh", "s")
                .replace("ph", "f").replace("q", "k").replace("w", "v").replace("z", "j").replace("x", "ks");
        if (Character.isDigit(w.charAt(0))) {
            return w; // "500" is not "50"
        }
        String folded = collapse(w);
        StringBuilder skeleton = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (i == 0) {
                skeleton.append(vowel(c) && c != 'y' ? 'a' : c);
            } else if (c == 'h' && !vowel(folded.charAt(i - 1))) {
                continue; // aspiration: kh, gh, th, dh, bh
            } else if (!vowel(c)) {
                skeleton.append(c);
            }
        }
        String key = collapse(skeleton.toString());
        if (key.length() >= 3) {
            return key;
        }
        return collapse(w.replace("ee", "i").replace("oo", "u").replace("aa", "a").replace("oa", "o")
                .replace("iye", "ie").replace("aye", "ae"));
    }

    private static boolean vowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    private static boolean isVowelOrH(char c) {
        return vowel(c) || c == 'h';
    }

    private static String collapse(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }
}
