package com.shisha.ai.llm;

import com.shisha.core.Language;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every caller of a model needs on the text it gets back: where the JSON object is in it, and whether a
 * text is written in the language the partner reads. Small models asked for JSON still wrap it in code fences or
 * chat around it, and still answer in English when told to write Hindi.
 */
public final class AnswerChecks {

    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\s*(.*?)\\s*```", Pattern.DOTALL);

    private AnswerChecks() {
    }

    /**
     * The first complete JSON object in a model's answer, with what had to be cut away to find it.
     *
     * @param fenced   the object sat inside a Markdown code fence
     * @param leading  there was text before the object
     * @param trailing there was text after the object
     */
    public record JsonObjectText(String json, boolean fenced, boolean leading, boolean trailing) {
    }

    /** Empty when the answer holds no balanced {...}: nothing a repair could start from. */
    public static Optional<JsonObjectText> jsonObjectIn(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        String text = answer;
        boolean fenced = false;
        Matcher fence = FENCE.matcher(text);
        if (fence.find() && fence.group(1).contains("{")) {
            text = fence.group(1);
            fenced = true;
        }
        int start = text.indexOf('{');
        if (start < 0) {
            return Optional.empty();
        }
        int end = closingBrace(text, start);
        if (end < 0) {
            return Optional.empty();
        }
        boolean leading = !text.substring(0, start).isBlank();
        boolean trailing = !text.substring(end + 1).isBlank();
        if (fenced) {
            // text around the fence is chat as well
            leading |= !answer.substring(0, fence.start()).isBlank();
            trailing |= !answer.substring(fence.end()).isBlank();
        }
        return Optional.of(new JsonObjectText(text.substring(start, end + 1), fenced, leading, trailing));
    }

    /** The index of the brace closing the one at {@code open}, skipping braces inside JSON strings; -1 if none. */
    private static int closingBrace(String text, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Hindi means mostly Devanagari letters (at least 40 %: product names like GroMo, EMI and CIBIL stay in Latin
     * letters); English means almost none (at most 5 %). Hinglish in Latin letters is not Hindi here: the partner
     * chose Hindi, and the catalogue and baseline tips they see are in Devanagari.
     */
    public static boolean isIn(String text, Language language) {
        int letters = 0;
        int devanagari = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                letters++;
                if (c >= '\u0900' && c <= '\u097F') {
                    devanagari++;
                }
            }
        }
        if (letters == 0) {
            return false;
        }
        double share = (double) devanagari / letters;
        return language == Language.HI ? share >= 0.4 : share <= 0.05;
    }
}
