package com.shisha.ai.coach;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model answer before a partner sees it. A partner repeats what the coach says to customers, so an
 * answer that promises returns or approval, or quotes a rate or an amount the guide does not contain, is worse
 * than no answer: it is rejected and the coach answers from the passages instead.
 */
final class AnswerCheck {

    /** @param problem empty when the answer may be used */
    record Result(String problem, String text, List<String> cited) {
        boolean ok() {
            return problem.isEmpty();
        }
    }

    /** A citation as the prompt asks for it: [section.id] or [one.id, other.id]. */
    static final Pattern CITATION = Pattern.compile("\\[([a-z][a-z0-9-]*\\.[a-z0-9][a-z0-9-]*(?:\\s*,\\s*[a-z][a-z0-9-]*\\.[a-z0-9][a-z0-9-]*)*)]");
    private static final Pattern PROMISE = Pattern.compile(
            "\\bguarantee(d|s)?\\s+(returns?|approvals?|profits?|income|loans?|sanction|interest|returns)\\b"
                    + "|\\b(returns?|approval|sanction|profit|loan)\\s+(is|are|will be)\\s+(guaranteed|assured|certain|sure)\\b"
                    + "|\\bassured\\s+(returns?|approval|profit|income)\\b|\\bguaranteed\\b[^.?!]{0,30}\\b(returns?|approval|profit)"
                    + "|\\b100\\s*%\\s*(approval|safe|guaranteed|sure|returns?)|\\brisk[- ]free\\b|\\bdouble (your|the|his|her) money\\b"
                    + "|\\b(will|would)\\s+(definitely|surely|certainly)\\s+(get|be)\\s+(approved|sanctioned|the loan|a loan|returns)"
                    + "|गारंटीड|पक्का\\s*(रिटर्न|मुनाफ़ा|मुनाफा|लोन|अप्रूवल)|(रिटर्न|मुनाफ़े|मुनाफे|मंज़ूरी|मंजूरी|अप्रूवल|लोन)\\s*की\\s*(पूरी\\s*)?गारंटी\\s*(है|देते|देता|मिलेगी)"
                    + "|ज़रूर\\s*(मिलेगा|मिलेगी)\\s*(लोन|मंज़ूरी)|पैसा\\s*डबल",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%|percent|प्रतिशत|फ़ीसदी|फीसदी)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RUPEES = Pattern.compile(
            "(?:₹|\\brs\\.?|\\binr|रु\\.?)\\s*(\\d[\\d,]*(?:\\.\\d+)?)|(\\d[\\d,]*(?:\\.\\d+)?)\\s*(?:rupees?|रुपये|रुपए|lakhs?|लाख|crores?|करोड़|k\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");

    /** "no score guarantees approval", "approval is not guaranteed": the guide says these itself, and so may the coach. */
    private static final Pattern NEGATION_BEFORE = Pattern.compile(
            "\\b(no|not|never|nothing|cannot|can't|can not|doesn't|does not|don't|do not|won't|will not|isn't|without)\\b[^.?!]{0,20}$"
                    + "|(?<![\\p{L}\\p{M}])(नहीं|बिना|कोई भी)(?![\\p{L}\\p{M}])[^।.?!]{0,20}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NEGATION_AFTER = Pattern.compile("^\\s*(नहीं|not)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static boolean negated(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 40), start);
        String after = text.substring(end, Math.min(text.length(), end + 12));
        return NEGATION_BEFORE.matcher(before).find() || NEGATION_AFTER.matcher(after).find();
    }

    private AnswerCheck() {
    }

    /**
     * @param passages  the text the model was given, the only source of figures it may quote
     * @param retrieved section ids given to the model; citations of others are removed from the text
     */
    static Result check(String answer, String passages, List<String> retrieved) {
        String text = answer == null ? "" : answer.strip();
        if (text.length() < 12) {
            return reject("empty or too short", text);
        }
        if ((text.startsWith("{") && text.endsWith("}")) || (text.startsWith("[") && text.endsWith("]") && !CITATION.matcher(text).matches())
                || text.startsWith("```")) {
            return reject("a JSON or code block, not text", text);
        }
        if (looksLikeGarbage(text)) {
            return reject("garbage", text);
        }
        Matcher promise = PROMISE.matcher(text);
        while (promise.find()) {
            if (!negated(text, promise.start(), promise.end())) {
                return reject("promises '" + promise.group() + "'", text);
            }
        }
        Set<String> passageNumbers = numbers(NUMBER, passages, 0);
        Set<String> passagePercents = numbers(PERCENT, passages, 1);
        for (String p : numbers(PERCENT, text, 1)) {
            if (!passagePercents.contains(p)) {
                return reject("quotes " + p + "% which the passages do not contain", text);
            }
        }
        Matcher rupees = RUPEES.matcher(text);
        while (rupees.find()) {
            String amount = normal(rupees.group(1) != null ? rupees.group(1) : rupees.group(2));
            if (!passageNumbers.contains(amount)) {
                return reject("quotes the amount '" + rupees.group().strip() + "' which the passages do not contain", text);
            }
        }
        List<String> cited = new ArrayList<>();
        StringBuilder kept = new StringBuilder();
        Matcher m = CITATION.matcher(text);
        while (m.find()) {
            List<String> ids = new ArrayList<>();
            for (String id : m.group(1).split(",")) {
                if (retrieved.contains(id.strip())) {
                    ids.add(id.strip());
                }
            }
            cited.addAll(ids);
            // a citation of a section the model was not given is invented: drop it rather than mislead
            m.appendReplacement(kept, Matcher.quoteReplacement(ids.isEmpty() ? "" : "[" + String.join(", ", ids) + "]"));
        }
        m.appendTail(kept);
        String cleaned = kept.toString().replaceAll("[ \\t]+([.,;:!?।])", "$1").replaceAll("[ \\t]{2,}", " ").strip();
        return new Result("", cleaned, List.copyOf(new LinkedHashSet<>(cited)));
    }

    private static Result reject(String problem, String text) {
        return new Result(problem, text, List.of());
    }

    /** Few letters, one character or word over and over, or chat-template tokens leaking through. */
    static boolean looksLikeGarbage(String text) {
        long letters = text.codePoints().filter(c -> Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK).count();
        long nonSpace = text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        if (nonSpace == 0 || letters < nonSpace * 0.6) {
            return true;
        }
        if (text.contains("<|") || text.contains("|>") || text.contains("[INST]") || text.contains("<s>")) {
            return true;
        }
        if (Pattern.compile("(.)\\1{9,}").matcher(text).find()) {
            return true;
        }
        String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length >= 8) {
            long distinct = java.util.Arrays.stream(words).distinct().count();
            return distinct < words.length * 0.3;
        }
        return false;
    }

    private static Set<String> numbers(Pattern pattern, String text, int group) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(normal(m.group(group)));
        }
        return out;
    }

    /** 1,00,000 and 100000 are the same amount. */
    private static String normal(String number) {
        String n = number.replace(",", "");
        return n.contains(".") ? n.replaceAll("\\.?0+$", "") : n;
    }
}
