package com.shisha.ai.tips;


import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lead note as one spelling: Devanagari transliterated to Latin with ICU4J the way Hinglish writes it, then each
 * word folded to a phonetic key that forgives aa/a, ee/i, oo/u, w/v, z/j, ph/f, aspirates and doubled letters. So
 * "गाड़ी", "gaadi" and "gadi" are one word, and a note in any of the three ways partners write reads alike. (The
 * folding is {@link com.shisha.ai.text.Hinglish}'s, as the coach's retrieval uses it.)
 */
final class NoteText {


    private NoteText() {
    }

    /** The keys of the note's words, in order; digits are kept as words ("2 lakh" and "2 लाख" alike). */
    static List<String> keys(String note) {
        List<String> keys = new ArrayList<>();
        if (note == null) {
            return keys;
        }
        String s = Normalizer.normalize(note, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder cleaned = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp >= '०' && cp <= '९') {
                cleaned.append((char) ('0' + (cp - '०')));
            } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                cleaned.appendCodePoint(cp);
            } else if (cp != '\'' && cp != '’') {
                cleaned.append(' ');
            }
        });
        for (String word : cleaned.toString().trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String k = wordKey(word);
            if (!k.isEmpty()) {
                keys.add(k);
            }
        }
        return keys;
    }

    /**
     * Keys read before, by word: notes repeat a small vocabulary, and ICU's transliterators, run on every word of
     * every newly shown lead's note, were two fifths of the CPU samples of LEADS turns in a profile. Bounded; emptied
     * when full, since a miss costs only one reading.
     */
    private static final java.util.Map<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KEYS_HELD = 20_000;

    private static String wordKey(String word) {
        String held = KEYS.get(word);
        if (held != null) {
            return held;
        }
        String k = key(hasDevanagari(word) ? romanise(word) : com.shisha.ai.text.Hinglish.ascii(word));
        if (KEYS.size() >= KEYS_HELD) {
            KEYS.clear();
        }
        KEYS.put(word, k);
        return k;
    }

    private static boolean hasDevanagari(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0900' && c <= '\u097F') {
                return true;
            }
        }
        return false;
    }

    private static String romanise(String word) {
        return com.shisha.ai.text.Hinglish.romanise(word, 'd');
    }

    static String key(String latinWord) {
        return com.shisha.ai.text.Hinglish.key(latinWord);
    }
}
