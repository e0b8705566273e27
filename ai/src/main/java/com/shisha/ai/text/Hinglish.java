package com.shisha.ai.text;

import com.ibm.icu.text.Transliterator;

import java.util.ArrayList;
import java.util.List;
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
        // ICU's two transliterations cost tens of microseconds a word, and every index build romanises the guide's
        // thousands of questions, whose words repeat: each word is worked out once
        if (ROMANISED.size() > ROMANISED_MAX) {
            ROMANISED.clear();
        }
        return ROMANISED.computeIfAbsent(flap + word, k -> transliterated(word, flap));
    }

    /** Words romanised so far, keyed by the flap letter and the word; cleared when it outgrows any vocabulary. */
    private static final java.util.Map<String, String> ROMANISED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int ROMANISED_MAX = 200_000;

    private static String transliterated(String word, char flap) {
        // ICU writes the inherent vowel of a final consonant, which Hindi does not say: ब्याज is byaj, not byaja
        char last = word.charAt(word.length() - 1);
        boolean endsInConsonant = last >= '\u0915' && last <= '\u0939' || last >= '\u0958' && last <= '\u095F' || last == '\u093C';
        String iso = dropSchwas(DEVANAGARI.get().transliterate(word), endsInConsonant);
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
                case 'c' -> {
                    // ISO "ch" is छ, which Hinglish writes chh; its h is written here, not again
                    boolean aspirate = i + 1 < iso.length() && iso.charAt(i + 1) == 'h';
                    s.append(aspirate ? "chh" : "ch");
                    i += aspirate ? 1 : 0;
                }
                case 'ś', 'ṣ' -> s.append("sh");
                case 'ṛ' -> s.append(flap);
                case '\'' -> {
                    // ICU separates letters that would otherwise read as one sound: nothing to keep
                }
                default -> s.append(c);
            }
        }
        return ASCII.get().transliterate(s.toString());
    }

    /** ISO 15919 vowels as ICU writes them; a plain "a" is the inherent vowel (ā is the written one). */
    private static final String VOWELS = "aāiīuūeēoōr̥";

    /**
     * Hindi does not say the inherent vowel at the end of a word, nor inside one between a vowel-consonant and a
     * consonant-vowel (कहता kahta, not kahata; समझना samajhna; अपना apna), the rule every Hindi reader applies; ICU
     * writes them all. Applied right to left, so that two neighbouring ones are not both dropped (बचपन bachpan).
     */
    static String dropSchwas(String iso, boolean endsInConsonant) {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < iso.length(); i++) {
            char c = iso.charAt(i);
            if (c == '\'') {
                continue;
            }
            if (Character.getType(c) == Character.NON_SPACING_MARK && !units.isEmpty()) {
                units.set(units.size() - 1, units.get(units.size() - 1) + c);
                continue;
            }
            boolean aspirate = c == 'h' && !units.isEmpty() && units.get(units.size() - 1).length() == 1
                    && "kgcjṭḍtdpbṛ".indexOf(units.get(units.size() - 1).charAt(0)) >= 0;
            boolean diphthong = (c == 'i' || c == 'u') && !units.isEmpty() && units.get(units.size() - 1).equals("a");
            if (aspirate || diphthong) {
                units.set(units.size() - 1, units.get(units.size() - 1) + c);
            } else {
                units.add(String.valueOf(c));
            }
        }
        if (endsInConsonant && units.size() > 2 && units.get(units.size() - 1).equals("a")) {
            units.remove(units.size() - 1);
        }
        for (int i = units.size() - 3; i >= 2; i--) {
            if (units.get(i).equals("a") && !vowel(units.get(i - 1)) && vowel(units.get(i - 2))
                    && !vowel(units.get(i + 1)) && vowel(units.get(i + 2))) {
                units.remove(i);
                i--;
            }
        }
        return String.join("", units);
    }

    private static boolean vowel(String unit) {
        return VOWELS.indexOf(unit.charAt(0)) >= 0 && !(unit.charAt(0) == 'r' && unit.length() == 1);
    }

    /**
     * Hindi verb and adjective endings as keys spell them, longest first: future (karega, milenge, bataunga), habitual
     * (kholta), infinitive (kholna), conjunctive (sochkar, sochke), polite imperative (batayiye), subjunctive and
     * perfective (kholu, kholo, khola, diya).
     */
    private static final List<String> ENDINGS = List.of(
            "yenge", "yengi", "enge", "engi", "unga", "ungi", "yega", "yegi", "iye", "ega", "egi", "oge", "ogi", "kar",
            "na", "ne", "ni", "ta", "ti", "te", "ke", "ya", "yi", "ye", "un", "en", "u", "o", "a", "i", "e");

    /**
     * A key ({@link #key}) without its Hindi inflection: "kholu", "kholna" and "kholenge" are one verb. The stem keeps
     * at least three letters, so short words stay themselves.
     */
    public static String stem(String key) {
        for (String ending : ENDINGS) {
            if (key.endsWith(ending) && key.length() - ending.length() >= 3) {
                return key.substring(0, key.length() - ending.length());
            }
        }
        return key;
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
