package com.shisha.dialogs.understanding;

import com.ibm.icu.text.Transliterator;

/**
 * Devanagari to plain Latin the way a Hindi speaker would spell it in Hinglish: भोपाल gives "bhopal", not the
 * letter-by-letter "bhopala", because ICU writes every inherent vowel and Hindi drops most of them when spoken.
 */
final class Devanagari {

    private static final char VIRAMA = '\u094D';
    private static final char NUKTA = '\u093C';
    private static final char ANUSVARA = '\u0902';

    private static final Object LOCK = new Object();
    /** ICU documents no thread-safety for a shared instance, and Devanagari input is rare enough to queue. */
    private static Transliterator toLatin;

    private Devanagari() {
    }

    static boolean contains(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isDevanagari(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Every run of Devanagari in {@code text} in lower-case ASCII; anything else is left as it is. */
    static String toLatin(String text) {
        if (!contains(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isDevanagari(c) || isDanda(c)) {
                out.append(isDanda(c) ? ' ' : c);
                i++;
                continue;
            }
            int j = i;
            while (j < text.length() && isDevanagari(text.charAt(j)) && !isDanda(text.charAt(j))) {
                j++;
            }
            out.append(romanise(dropSchwas(text.substring(i, j))));
            i = j;
        }
        return out.toString();
    }

    private static String romanise(String devanagariWord) {
        String latin;
        synchronized (LOCK) {
            if (toLatin == null) {
                toLatin = Transliterator.getInstance("Devanagari-Latin; Latin-ASCII; Lower");
            }
            latin = toLatin.transliterate(devanagariWord);
        }
        // ICU separates vowels that would otherwise read as a diphthong (लखनऊ: "lakhana'u"); Hinglish does not.
        return latin.replace("'", "");
    }

    /**
     * Marks with a virama each inherent vowel that Hindi does not pronounce, so that ICU leaves it out: the last
     * one of a word (unless a cluster precedes it, as in मित्र), and a medial one between a vowel-bearing syllable
     * and a consonant that keeps its vowel, scanning right to left (रामगढ़: rām-gaṛh, लखनऊ: lakh-naū).
     */
    static String dropSchwas(String word) {
        int n = word.length();
        // per syllable: start and end index in word, and what follows the consonant
        int[] start = new int[n];
        int[] end = new int[n];
        int[] kind = new int[n]; // 0 independent vowel, 1 consonant + inherent vowel, 2 consonant + sign, 3 consonant + virama
        boolean[] marked = new boolean[n]; // carries anusvara, chandrabindu or visarga
        int count = 0;
        int i = 0;
        while (i < n) {
            char c = word.charAt(i);
            int s = i;
            int k;
            if (isConsonant(c)) {
                i++;
                if (i < n && word.charAt(i) == NUKTA) {
                    i++;
                }
                if (i < n && word.charAt(i) == VIRAMA) {
                    i++;
                    k = 3;
                } else if (i < n && isVowelSign(word.charAt(i))) {
                    i++;
                    k = 2;
                } else {
                    k = 1;
                }
            } else if (isIndependentVowel(c)) {
                i++;
                k = 0;
            } else {
                // a stray sign or digit: keep it, it is no syllable of its own
                i++;
                if (count > 0) {
                    end[count - 1] = i;
                }
                continue;
            }
            boolean m = false;
            while (i < n && isModifier(word.charAt(i))) {
                i++;
                m = true;
            }
            start[count] = s;
            end[count] = i;
            kind[count] = k;
            marked[count] = m;
            count++;
        }
        if (count < 2) {
            return word;
        }
        boolean[] drop = new boolean[count];
        int last = count - 1;
        if (kind[last] == 1 && !marked[last] && kind[last - 1] != 3) {
            drop[last] = true;
        }
        for (int s = last - 1; s >= 1; s--) {
            if (kind[s] != 1 || marked[s]) {
                continue;
            }
            boolean vowelBefore = kind[s - 1] != 3 && !drop[s - 1];
            boolean consonantWithVowelAfter = (kind[s + 1] == 1 && !drop[s + 1]) || kind[s + 1] == 2;
            if (vowelBefore && consonantWithVowelAfter) {
                drop[s] = true;
            }
        }
        StringBuilder out = new StringBuilder(n + count);
        for (int s = 0; s < count; s++) {
            // the anusvara before a consonant is that consonant's own nasal (चंडीगढ़ is chandigarh, not camdigarh)
            if (s + 1 < count && kind[s + 1] != 0 && word.charAt(end[s] - 1) == ANUSVARA) {
                out.append(word, start[s], end[s] - 1).append(nasalBefore(word.charAt(start[s + 1]))).append(VIRAMA);
                continue;
            }
            out.append(word, start[s], end[s]);
            if (drop[s]) {
                out.append(VIRAMA);
            }
        }
        if (count > 0 && end[count - 1] < n) {
            out.append(word, end[count - 1], n);
        }
        return out.toString();
    }

    /** The nasal of the consonant's place of articulation: ङ for क-ङ, ञ for च-ञ, ण for ट-ण, म for प-म, else न. */
    private static char nasalBefore(char consonant) {
        if (consonant >= '\u0915' && consonant <= '\u0919') {
            return '\u0919';
        }
        if (consonant >= '\u091A' && consonant <= '\u091E') {
            return '\u091E';
        }
        if (consonant >= '\u091F' && consonant <= '\u0923') {
            return '\u0923';
        }
        if (consonant >= '\u092A' && consonant <= '\u092E') {
            return '\u092E';
        }
        return '\u0928';
    }

    private static boolean isDevanagari(char c) {
        return c >= '\u0900' && c <= '\u097F';
    }

    private static boolean isDanda(char c) {
        return c == '\u0964' || c == '\u0965';
    }

    private static boolean isConsonant(char c) {
        return (c >= '\u0915' && c <= '\u0939') || (c >= '\u0958' && c <= '\u095F') || (c >= '\u0978' && c <= '\u097F');
    }

    private static boolean isIndependentVowel(char c) {
        return (c >= '\u0904' && c <= '\u0914') || c == '\u0960' || c == '\u0961' || (c >= '\u0972' && c <= '\u0977');
    }

    private static boolean isVowelSign(char c) {
        return (c >= '\u093E' && c <= '\u094C') || c == '\u0962' || c == '\u0963' || (c >= '\u094E' && c <= '\u094F')
                || (c >= '\u0955' && c <= '\u0957') || c == '\u093A' || c == '\u093B';
    }

    private static boolean isModifier(char c) {
        return c == '\u0900' || c == '\u0901' || c == '\u0902' || c == '\u0903';
    }
}
