package com.shisha.dialogs.understanding;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One spelling for the three ways partners write: Devanagari is transliterated to Latin (ICU4J), and Latin is folded
 * to a phonetic key that forgives the usual variation of romanised Hindi (aa/a, ee/i, w/v, z/j, aspirates, doubled
 * letters), so "दिखाओ", "dikhao" and "dikhaao" read the same. Keys feed the classifier and the slot readers.
 */
final class Keys {

    private Keys() {
    }

    /** ISO 15919 as ICU writes it; its marks are mapped to how Hinglish writes the sounds before ASCII folding. */
    private static final ThreadLocal<Transliterator> DEVANAGARI = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Devanagari-Latin"));
    private static final ThreadLocal<Transliterator> ASCII = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Latin-ASCII"));

    private static boolean isAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    static boolean hasDevanagari(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0900' && c <= '\u097F') {
                return true;
            }
        }
        return false;
    }

    /**
     * Lower case, Devanagari digits as ASCII, emoji and punctuation as spaces (apostrophes dropped), one space
     * between words. Keeps the script: the partner's own words, e.g. for a name.
     */
    static String clean(String raw) {
        return fold(raw, (out, cp) -> {
            if (cp == 0x1F44D || cp == 0x1F44C) {
                out.append(" ok "); // 👍 👌: WhatsApp's yes
            } else if (cp == 0x1F44E) {
                out.append(" no "); // 👎
            } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                out.appendCodePoint(Character.toLowerCase(cp));
            } else if (cp == '\'' || cp == '’' || cp == '`') {
                // "don't", "i'm": one word
            } else if ((cp == '.' || cp == ',') && out.length() > 0 && Character.isDigit(out.charAt(out.length() - 1))) {
                out.appendCodePoint(cp); // 2.5, 1,20,000
            } else {
                out.append(' ');
            }
        }).replaceAll("[.,](\\s|$)", "$1").trim();
    }

    /** Writes one code point of a message, as a reader of it wants. */
    interface CodePoints {
        void write(StringBuilder out, int codePoint);
    }

    /**
     * NFC, Devanagari digits as ASCII, every other code point as {@code rest} writes it, then one space between
     * words: what every reader of a message does first.
     */
    static String fold(String raw, CodePoints rest) {
        if (raw == null) {
            return "";
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp >= '०' && cp <= '९') {
                out.append((char) ('0' + (cp - '०')));
            } else {
                rest.write(out, cp);
            }
        });
        return out.toString().replaceAll("\\s+", " ").trim();
    }

    /** {@link #clean} in Latin letters: Devanagari transliterated the way Hinglish spells it, then ASCII. */
    static String latin(String cleaned) {
        if (isAscii(cleaned)) {
            return cleaned; // most messages: nothing to transliterate
        }
        if (!hasDevanagari(cleaned)) {
            return ASCII.get().transliterate(cleaned);
        }
        String[] source = cleaned.split(" ");
        StringBuilder out = new StringBuilder(cleaned.length() + 8);
        for (String word : source) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(hasDevanagari(word) ? romanise(word) : ASCII.get().transliterate(word));
        }
        return out.toString();
    }

    private static String romanise(String word) {
        String iso = DEVANAGARI.get().transliterate(word);
        StringBuilder s = new StringBuilder(iso.length() + 4);
        for (int i = 0; i < iso.length(); i++) {
            char c = iso.charAt(i);
            switch (c) {
                case 'ṁ', 'ṅ', 'ñ', 'ṇ' -> s.append('n');
                case '\u0310' -> s.setCharAt(s.length() - 1, 'n'); // candrabindu: m̐ is a nasal vowel, written n
                case 'c' -> s.append(i + 1 < iso.length() && iso.charAt(i + 1) == 'h' ? "chh" : "ch");
                case 'ś', 'ṣ' -> s.append("sh");
                case 'ṛ', 'r' -> s.append('r');
                case '\'' -> {
                    // ICU separates letters that would otherwise read as one sound (ā'ī): nothing to keep
                }
                default -> s.append(c);
            }
        }
        String latin = ASCII.get().transliterate(s.toString());
        // ICU writes the inherent vowel of a final consonant, which Hindi does not say: भोपाल is bhopal, not bhopala
        char last = word.charAt(word.length() - 1);
        boolean endsInConsonant = last >= '\u0915' && last <= '\u0939' || last >= '\u0958' && last <= '\u095F' || last == '\u093C';
        if (endsInConsonant && latin.length() > 2 && latin.endsWith("a")) {
            latin = latin.substring(0, latin.length() - 1);
        }
        return latin;
    }

    /** The phonetic key of one Latin word (see the class comment). Digits stay as they are. */
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
                // "hindy", "bhaiyy": a final y after a consonant is an i
                case 'y' -> i > 0 && i == w.length() - 1 && !isVowel(prev) ? 'i' : 'y';
                default -> c;
            };
            if (c == 'h' && prev != 0 && "bcdgjkpt".indexOf(prev) >= 0) {
                continue; // aspirates: "dikhao" ~ "dikao", "bhai" ~ "bai"
            }
            if (c == prev && !Character.isDigit(c)) {
                continue; // "aa", doubled consonants
            }
            out.append(c);
            prev = c;
        }
        return out.toString();
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    /** The keys of a message's words, in order. */
    static List<String> keys(String cleaned) {
        List<String> keys = new ArrayList<>();
        for (String word : latin(cleaned).split(" ")) {
            String k = key(word);
            if (!k.isEmpty()) {
                keys.add(k);
            }
        }
        return keys;
    }
}
