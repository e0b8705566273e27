package com.shisha.dialogs.understanding;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Number words by folded spelling: "पचास" 50, "fifty" 50, "pachas" 50, "लाख" a scale of 100000, "ढाई" 2.5.
 *
 * <p>The Devanagari and English words come from ICU's spellout rules (hi and en_IN), formatted once here rather
 * than parsed per message. Parsing was measured (ICU4J 78.2, warm JIT): a strict parse costs 1.5-8 µs per attempt
 * but rejects what partners type (पांच and हजार instead of ICU's पाँच and हज़ार, "seventy five" without the
 * hyphen, which en_IN even reads as 7005); a lenient parse accepts those but costs 20-30 µs (hi) and 170-300 µs
 * (en) per attempt, and a message needs an attempt at every word that might start a number, against a budget of
 * 50 µs a call. Neither knows dedh, dhai, sawa, saade or paune. Formatting 0-99 and the place values at class load
 * and looking the words up gets ICU's vocabulary at no cost per message; Amounts combines them, and its test reads
 * ICU's own spellings of thousands of numbers back to check the two agree.
 *
 * <p>Romanised Hindi comes from the resource table, because no ICU transform matches how partners romanise:
 * Latin-Devanagari is ISO 15919 ("pachas" becomes "पछस्", "hazaar" "हज़अर्"). Of the table's 297 romanised
 * spellings of 0-99 and the place values, transliterating and parsing with the hi spellout rules (lenient) read 1
 * right ("nau"); dropping the final virama and mapping ISO's short e/o to ए/ओ raised that to 19. Devanagari-Latin
 * keeps every inherent vowel ("pacasa", "eka"), so matching the other way fails too. The table also has the
 * fraction words (aadha, dedh, dhai, sawa, saade, paune) that no spellout rule set knows, in both scripts.
 */
final class NumberWords {

    enum Kind { NUMBER, SCALE, FRACTION, PLUS_QUARTER, PLUS_HALF, MINUS_QUARTER }

    record Word(Kind kind, BigDecimal value) {
    }

    private static final String TABLE = "number-words.tsv";
    private static final Map<String, Word> WORDS = load();

    private NumberWords() {
    }

    /** The number word a folded token spells, or null. */
    static Word get(String folded) {
        return WORDS.get(folded);
    }

    /**
     * One spelling per word however it is typed: Latin lower-cased with w as v, ee as i, oo as u and doubled letters
     * squeezed ("pachaas", "hazzaar", "pachchees"); Devanagari without nukta, anusvara, chandrabindu, and with a
     * nasal half-letter read as anusvara (पन्द्रह and पंद्रह, हज़ार and हजार). Expects NFC, lower-cased text.
     */
    static String fold(String word) {
        StringBuilder out = new StringBuilder(word.length());
        int n = word.length();
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            char next = i + 1 < n ? word.charAt(i + 1) : 0;
            if (c == '\u093C' || c == '\u0901' || c == '\u0902') {
                continue;
            }
            if ("नमणङञ".indexOf(c) >= 0 && next == '\u094D' && i + 2 < n && isDevanagariConsonant(word.charAt(i + 2))) {
                i++;
                continue;
            }
            if (c == 'w') {
                c = 'v';
            } else if (c == 'e' && next == 'e') {
                c = 'i';
                i++;
            } else if (c == 'o' && next == 'o') {
                c = 'u';
                i++;
            }
            if (c >= 'a' && c <= 'z' && out.length() > 0 && out.charAt(out.length() - 1) == c) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isDevanagariConsonant(char c) {
        return c >= '\u0915' && c <= '\u0939';
    }

    private static Map<String, Word> load() {
        Map<String, Word> words = new HashMap<>();
        RuleBasedNumberFormat hindi = new RuleBasedNumberFormat(new ULocale("hi"), RuleBasedNumberFormat.SPELLOUT);
        RuleBasedNumberFormat indianEnglish = new RuleBasedNumberFormat(new ULocale("en_IN"), RuleBasedNumberFormat.SPELLOUT);
        RuleBasedNumberFormat english = new RuleBasedNumberFormat(ULocale.ENGLISH, RuleBasedNumberFormat.SPELLOUT);
        for (int n = 0; n < 100; n++) {
            put(words, hindi.format(n), new Word(Kind.NUMBER, BigDecimal.valueOf(n)));
            if (n < 20 || n % 10 == 0) {
                put(words, indianEnglish.format(n), new Word(Kind.NUMBER, BigDecimal.valueOf(n)));
            }
        }
        for (long scale : new long[] {100L, 1_000L, 100_000L, 10_000_000L, 1_000_000_000L}) {
            put(words, scaleWord(hindi, scale), new Word(Kind.SCALE, BigDecimal.valueOf(scale)));
        }
        for (long scale : new long[] {100L, 1_000L, 100_000L, 10_000_000L}) {
            put(words, scaleWord(indianEnglish, scale), new Word(Kind.SCALE, BigDecimal.valueOf(scale)));
        }
        for (long scale : new long[] {1_000_000L, 1_000_000_000L}) {
            put(words, scaleWord(english, scale), new Word(Kind.SCALE, BigDecimal.valueOf(scale)));
        }
        readTable(words);
        return Map.copyOf(words);
    }

    /** "एक लाख" gives लाख; a rule set that spells a place value any other way would break the lookup, so it fails here. */
    private static String scaleWord(RuleBasedNumberFormat format, long scale) {
        String one = format.format(1);
        String spelled = format.format(scale);
        if (!spelled.startsWith(one + " ") || spelled.indexOf(' ', one.length() + 1) >= 0) {
            throw new IllegalStateException("ICU spells " + scale + " as '" + spelled + "', not 'one <word>'");
        }
        return spelled.substring(one.length() + 1);
    }

    private static void readTable(Map<String, Word> words) {
        InputStream in = NumberWords.class.getResourceAsStream(TABLE);
        if (in == null) {
            throw new IllegalStateException(TABLE + " is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 3) {
                    throw new IllegalStateException(TABLE + ": expected kind, value and spellings in '" + line + "'");
                }
                Kind kind = Kind.valueOf(columns[0].toUpperCase(Locale.ROOT).replace('-', '_'));
                BigDecimal value = columns[1].equals("-") ? BigDecimal.ZERO : new BigDecimal(columns[1]);
                for (String spelling : columns[2].trim().split(" +")) {
                    put(words, spelling, new Word(kind, value));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two different words folding alike would make one of them silently wrong, so that fails at load. */
    private static void put(Map<String, Word> words, String spelling, Word word) {
        String key = fold(Normalizer.normalize(spelling, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
        if (key.isEmpty() || key.indexOf(' ') >= 0) {
            throw new IllegalStateException("'" + spelling + "' is not one word");
        }
        Word before = words.putIfAbsent(key, word);
        if (before != null && (before.kind() != word.kind() || before.value().compareTo(word.value()) != 0)) {
            throw new IllegalStateException("'" + spelling + "' folds to '" + key + "', already " + before);
        }
    }
}
