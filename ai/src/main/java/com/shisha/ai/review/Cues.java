package com.shisha.ai.review;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A list of phrases that count as one kind of evidence, in English, Hinglish (Hindi in Latin letters) and Hindi
 * (Devanagari). Latin phrases match whole words, or as a prefix when written with a trailing {@code *}
 * ("explain*" matches "explained"); Devanagari phrases match anywhere, because Hindi inflects by suffix and
 * Devanagari vowel signs are not letters to a regex word boundary.
 */
final class Cues {

    private static final Pattern LATIN = Pattern.compile("[a-z0-9]");

    private final List<String> phrases;
    private final Pattern pattern;

    private Cues(List<String> phrases) {
        this.phrases = phrases;
        StringBuilder alternatives = new StringBuilder();
        for (String phrase : phrases) {
            boolean prefix = phrase.endsWith("*");
            String p = normalise(prefix ? phrase.substring(0, phrase.length() - 1) : phrase);
            if (!alternatives.isEmpty()) {
                alternatives.append('|');
            }
            if (LATIN.matcher(p).find()) {
                alternatives.append("(?<![\\p{L}\\p{M}\\p{N}])").append(Pattern.quote(p))
                        .append(prefix ? "" : "(?![\\p{L}\\p{M}\\p{N}])");
            } else {
                alternatives.append(Pattern.quote(p));
            }
        }
        this.pattern = Pattern.compile(alternatives.toString());
    }

    static Cues of(String... phrases) {
        return new Cues(List.of(phrases));
    }

    /** @param normalised text passed through {@link #normalise(String)} */
    boolean in(String normalised) {
        return pattern.matcher(normalised).find();
    }

    List<String> phrases() {
        return phrases;
    }

    /**
     * Lower case, straight quotes, and the Devanagari spelling variants speech recognisers and typists mix
     * (nukta dropped, chandrabindu as anusvara), so "ज़रूरत" and "जरूरत", "महँगा" and "महंगा" are one word.
     */
    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replace("\u093C", "");
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        return s.replace('\u0901', '\u0902').replace('’', '\'').replace('‘', '\'')
                .replace('“', '"').replace('”', '"').replaceAll("\\s+", " ");
    }
}
