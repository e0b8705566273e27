package com.shisha.ai.tips;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lead note as one spelling: Devanagari transliterated to Latin with ICU4J the way Hinglish writes it, then each
 * word folded to a phonetic key that forgives aa/a, ee/i, oo/u, w/v, z/j, ph/f, aspirates and doubled letters. So
 * "गाड़ी", "gaadi" and "gadi" are one word, and a note in any of the three ways partners write reads alike. (The
 * dialogs fold messages the same way; the modules may not share code, so this is its own copy.)
 */
final class NoteText {

    private static final ThreadLocal<Transliterator> DEVANAGARI = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Devanagari-Latin"));
    private static final ThreadLocal<Transliterator> ASCII = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Latin-ASCII"));

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
            String latin = hasDevanagari(word) ? romanise(word) : ASCII.get().transliterate(word);
            String k = key(latin);
            if (!k.isEmpty()) {
                keys.add(k);
            }
        }
        return keys;
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
        String iso = DEVANAGARI.get().transliterate(word);
        StringBuilder s = new StringBuilder(iso.length() + 4);
        for (int i = 0; i < iso.length(); i++) {
            char c = iso.charAt(i);
            switch (c) {
                case 'ṁ', 'ṅ', 'ñ', 'ṇ' -> s.append('n');
                case '\u0310' -> s.setCharAt(s.length() - 1, 'n');
                case 'c' -> s.append(i + 1 < iso.length() && iso.charAt(i + 1) == 'h' ? "chh" : "ch");
                case 'ś', 'ṣ' -> s.append("sh");
                // ड़ and ढ़ (ISO ṛ, ṛh) are written d in Hinglish: गाड़ी is "gaadi", पढ़ाई "padhai"
                case 'ṛ' -> s.append('d');
                case '\'' -> {
                }
                default -> s.append(c);
            }
        }
        String latin = ASCII.get().transliterate(s.toString());
        // ICU writes the inherent vowel of a final consonant, which Hindi does not say: लोन is lon, not lona
        char last = word.charAt(word.length() - 1);
        boolean endsInConsonant = last >= '\u0915' && last <= '\u0939' || last >= '\u0958' && last <= '\u095F' || last == '\u093C';
        if (endsInConsonant && latin.length() > 2 && latin.endsWith("a")) {
            latin = latin.substring(0, latin.length() - 1);
        }
        return latin;
    }

    static String key(String latinWord) {
        String w = latinWord.toLowerCase(Locale.ROOT).replace("ee", "i").replace("oo", "u").replace("ph", "f");
        StringBuilder out = new StringBuilder(w.length());
        char prev = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                continue;
            }
            c = switch (c) {
                case 'w' -> 'v';
                case 'z' -> 'j';
                case 'q' -> 'k';
                case 'y' -> i > 0 && i == w.length() - 1 && "aeiou".indexOf(prev) < 0 ? 'i' : 'y';
                default -> c;
            };
            if (c == 'h' && prev != 0 && "bcdgjkpt".indexOf(prev) >= 0) {
                continue;
            }
            if (c == prev && !Character.isDigit(c)) {
                continue;
            }
            out.append(c);
            prev = c;
        }
        return out.toString();
    }
}
