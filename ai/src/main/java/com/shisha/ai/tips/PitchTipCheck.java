package com.shisha.ai.tips;

import com.shisha.ai.llm.AnswerChecks;
import com.shisha.core.Language;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a generated tip may reach a partner. A tip is refused when it is empty or longer than
 * {@link #MAX_CHARS}, names a section it was not given, is not in the partner's language, promises what no one
 * may promise (approval, returns, "guaranteed") unless it says the opposite, or states any number that none of
 * its sections states: a rate or an amount the model made up is worse than no tip.
 */
final class PitchTipCheck {

    static final int MAX_CHARS = 300;
    static final int MIN_CHARS = 20;

    // "ज़रूर पूछें" (do ask) is advice, "ज़रूर मिलेगा" (you will surely get it) a promise: only the latter is listed
    private static final Pattern PROMISE = Pattern.compile("(?iu)(guarantee|assured|100\\s*%|sure[- ]shot|pakka|"
            + "risk[- ]free|no risk|double your|definitely (get|approv)|zaroor mil|गारंटी|पक्का|ज़रूर मिल|जरूर मिल|"
            + "बिना जोखिम|पैसा डबल)");
    // "no" is not here: "no risk" is itself a promise
    private static final Pattern NEGATION = Pattern.compile("(?iu)(\\bnot\\b|\\bnever\\b|\\bcan'?t\\b|\\bcannot\\b|"
            + "\\bnahi\\b|\\bnahin\\b|नहीं|न करें|ना करें|कभी न)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

    private PitchTipCheck() {
    }

    /** @return why the tip is refused; empty when it may be used */
    static Optional<String> problem(String text, String source, Set<String> offeredIds, String sectionsText,
                                    Language language) {
        if (text == null || text.isBlank()) {
            return Optional.of("empty tip");
        }
        String t = text.strip();
        if (t.length() < MIN_CHARS) {
            return Optional.of("tip under " + MIN_CHARS + " characters");
        }
        if (t.length() > MAX_CHARS) {
            return Optional.of("tip over " + MAX_CHARS + " characters");
        }
        if (source == null || !offeredIds.contains(source.strip())) {
            return Optional.of("source '" + source + "' is not one of the sections given");
        }
        if (!AnswerChecks.isIn(t, language)) {
            return Optional.of("tip not in " + language.code());
        }
        for (String sentence : t.split("(?<=[.!?।])\\s+")) {
            if (PROMISE.matcher(sentence).find() && !NEGATION.matcher(sentence).find()) {
                return Optional.of("tip promises: " + sentence);
            }
        }
        Set<String> grounded = numbers(sectionsText);
        Matcher m = NUMBER.matcher(digits(t));
        while (m.find()) {
            if (!grounded.contains(m.group())) {
                return Optional.of("number " + m.group() + " is in no section given");
            }
        }
        return Optional.empty();
    }

    private static Set<String> numbers(String text) {
        Set<String> numbers = new java.util.HashSet<>();
        Matcher m = NUMBER.matcher(digits(text));
        while (m.find()) {
            numbers.add(m.group());
        }
        return numbers;
    }

    /** Devanagari digits as ASCII, so "१५ दिन" and "15 days" are the same number. */
    private static String digits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= '\u0966' && c <= '\u096F' ? (char) ('0' + (c - '\u0966')) : c);
        }
        return b.toString();
    }
}
