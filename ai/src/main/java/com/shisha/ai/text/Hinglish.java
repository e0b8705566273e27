package com.shisha.ai.text;

import com.ibm.icu.text.Transliterator;

import java.util.Locale;

/**
 * Hindi words as Hinglish spells them, and the phonetic key of a Latin word, for the ai module's readers of partners'
 * text (the coach's retrieval, lead notes). The dialogs module folds messages the same way; modules do not share code
 * with each other, so the ai module keeps this one copy.
 */
public final class Hinglish {

    /** ICU documents no thread-safety for a shared transliterator. */
    private static final ThreadLocal<Transliterator> DEVANAGARI = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Devanagari-Latin"));
    private static final ThreadLocal<Transliterator> ASCII = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Latin-ASCII"));

    private Hinglish() {
    }

    /**
     * One Devanagari word in plain Latin the way a Hindi speaker writes it in Hinglish: भोपाल "bhopal", ब्याज "byaj".
     *
     * @param flap how ड़/ढ़ (ISO ṛ) is written: 'd' as in "gaadi" (notes), or 'r' (the coach's index)
     */
    public static String romanise(String word, char flap) {
        String iso = DEVANAGARI.get().transliterate(word);
        StringBuilder s = new StringBuilder(iso.length() + 4);
        for (int i = 0; i < iso.length(); i++) {
            char c = iso.charAt(i);
            switch (c) {
                case 'ṁ', 'ṅ', 'ñ', 'ṇ' -> s.append('n');
                case '\u0310' -> {
                    if (s.length() > 0) {
                        s.setCharAt(s.length() - 1, 'n'); // candrabindu: a nasal vowel, written n
                    }
                }
                case 'c' -> s.append(i + 1 < iso.length() && iso.charAt(i + 1) == 'h' ? "chh" : "ch");
                case 'ś', 'ṣ' -> s.append("sh");
                case 'ṛ' -> s.append(flap);
                case '\'' -> {
                    // ICU separates letters that would otherwise read as one sound: nothing to keep
                }
                default -> s.append(c);
            }
        }
        String latin = ASCII.get().transliterate(s.toString());
        // ICU writes the inherent vowel of a final consonant, which Hindi does not say: ब्याज is byaj, not byaja
        char last = word.charAt(word.length() - 1);
        boolean endsInConsonant = last >= '\u0915' && last <= '\u0939' || last >= '\u0958' && last <= '\u095F' || last == '\u093C';
        if (endsInConsonant && latin.length() > 2 && latin.endsWith("a")) {
            latin = latin.substring(0, latin.length() - 1);
        }
        return latin;
    }

    /** A Latin word without its accents (é → e): what the keys are made of. */
    public static String ascii(String latinWord) {
        return ASCII.get().transliterate(latinWord);
    }

    /**
     * The phonetic key of one Latin word: lower case, letters and digits only, the spelling variation of Hinglish
     * folded (ee/i, oo/u, ph/f, w/v, z/j, q/k, a final y as i, aspirates, doubled letters). Digits stay as they are.
     */
    public static String key(String latinWord) {
        return key(latinWord, true);
    }

    /**
     * @param foldAspirates whether "kh" and "k" (and the other aspirates) make one key: they do for topic words, whose
     *                      h partners drop at will, but "kho" (lost) must not become the grammar word "ko"
     */
    public static String key(String latinWord, boolean foldAspirates) {
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
            if (foldAspirates && c == 'h' && prev != 0 && "bcdgjkpt".indexOf(prev) >= 0) {
                continue; // aspirates: "dikhao" ~ "dikao"
            }
            if (c == prev && !Character.isDigit(c)) {
                continue; // "aa", doubled consonants
            }
            out.append(c);
            prev = c;
        }
        return out.toString();
    }
}
