package com.shisha.dialogs.understanding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spellings of one Indian place name reduce to one key, so that a lookup forgives what romanising Hindi leaves
 * open: aspirates (Bhopal, Bopal), doubled letters (Jabbalpur), v/w, s/sh, ee/i, oo/u, z/j, c/k, ph/f, the ढ़ of
 * garh/gadh, au/ou/o, and a nasal written m or n before a consonant. What is left is spelled out by edit distance.
 */
final class PlaceKeys {

    private PlaceKeys() {
    }

    /** Lower-case ASCII words, Devanagari romanised, everything that is not a letter a separator. */
    static List<String> words(String text) {
        String s = Devanagari.toLatin(text);
        // "J&K" is how Jammu and Kashmir is written; keep it one word before '&' becomes a separator
        s = s.replace("&", "");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                w.append(c);
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    /** The key of a name or phrase: its words run together, spelled the one way this class settles on. */
    static String key(String text) {
        List<String> w = words(text);
        return w.size() == 1 ? keyOfLetters(w.get(0)) : keyOfLetters(String.join("", w));
    }

    /** {@code letters} is lower-case a–z only. */
    static String keyOfLetters(String letters) {
        int n = letters.length();
        StringBuilder b = new StringBuilder(n + 2);
        for (int i = 0; i < n; i++) {
            char c = letters.charAt(i);
            char next = i + 1 < n ? letters.charAt(i + 1) : 0;
            switch (c) {
                case 'x' -> b.append("ks");
                case 'q' -> b.append('k');
                case 'z' -> b.append('j');
                case 'w' -> b.append('v');
                case 'c' -> {
                    b.append(next == 'h' ? 'c' : 'k');
                    while (i + 1 < n && letters.charAt(i + 1) == 'h') {
                        i++;
                    }
                }
                case 'p' -> {
                    if (next == 'h') {
                        b.append('f');
                        i++;
                    } else {
                        b.append('p');
                    }
                }
                case 'r' -> {
                    // ढ़ is written rh, dh or d (Chhattisgarh, Chattisgadh)
                    if (next == 'h' && i > 0) {
                        b.append('d');
                        i++;
                    } else {
                        b.append('r');
                    }
                }
                case 'h' -> {
                    // an aspirate's h after a consonant goes; a word's own h (Hubli, Rohtak) stays
                    char prev = b.length() > 0 ? b.charAt(b.length() - 1) : 0;
                    if (prev == 0 || isVowel(prev)) {
                        b.append('h');
                    }
                }
                case 'e' -> {
                    if (next == 'e') {
                        b.append('i');
                        i++;
                    } else {
                        b.append('e');
                    }
                }
                case 'o' -> {
                    if (next == 'o') {
                        b.append('u');
                        i++;
                    } else if (next == 'u' || (next == 'w' && (i + 2 >= n || !isVowel(letters.charAt(i + 2))))) {
                        b.append('o');
                        i++;
                    } else {
                        b.append('o');
                    }
                }
                case 'a' -> {
                    if (next == 'u') {
                        b.append('o');
                        i++;
                    } else {
                        b.append('a');
                    }
                }
                case 'y' -> {
                    char prev = b.length() > 0 ? b.charAt(b.length() - 1) : 0;
                    // Ooty, Ooti; Trichy, Trichi
                    b.append(i == n - 1 && prev != 0 && !isVowel(prev) ? 'i' : 'y');
                }
                default -> b.append(c);
            }
        }
        // the anusvara before b or p is written m or n (Sambhal, Sanbhal, संभल); before others English writes n
        for (int i = 0; i + 1 < b.length(); i++) {
            char next = b.charAt(i + 1);
            if (b.charAt(i) == 'm' && (next == 'b' || next == 'p' || next == 'f')) {
                b.setCharAt(i, 'n');
            }
        }
        // Indore and इंदौर (indaur, indor): a silent final e after -or
        int len = b.length();
        if (len > 4 && b.charAt(len - 1) == 'e' && b.charAt(len - 2) == 'r' && b.charAt(len - 3) == 'o') {
            b.setLength(len - 1);
        }
        StringBuilder out = new StringBuilder(b.length());
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    /**
     * Edit distance with adjacent transpositions (typing "Lucknwo"), or {@code max + 1} as soon as it must exceed
     * {@code max}: most comparisons end after a row or two.
     */
    static int distance(String a, String b, int max) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > max) {
            return max + 1;
        }
        if (la == 0 || lb == 0) {
            return Math.max(la, lb);
        }
        int[] prev2 = new int[lb + 1];
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                if (v < rowMin) {
                    rowMin = v;
                }
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[lb], max + 1);
    }
}
