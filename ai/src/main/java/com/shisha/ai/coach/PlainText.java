package com.shisha.ai.coach;

import java.util.regex.Pattern;

/**
 * A model's answer as plain text. Models write Markdown or WhatsApp markup however the prompt asks; the app shows
 * text as it is and WhatsApp renders only part of Markdown, so markup is taken out everywhere, and the section ids the
 * model cites are taken out too: sources travel beside the text, by title.
 */
final class PlainText {

    private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s+");
    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\n?");
    private static final Pattern STAR_BULLET = Pattern.compile("(?m)^(\\s*)[*•]\\s+");
    /** *bold*, **bold**, _italic_, __x__, ~strike~, `code`: the marks only when they wrap a word on both sides. */
    private static final Pattern WRAPPED = Pattern.compile("(?<![\\p{L}\\p{N}])(\\*{1,2}|_{1,2}|~{1,2}|`)(?=\\S)(.+?)(?<=\\S)\\1(?![\\p{L}\\p{N}])");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("[ \\t]+([.,;:!?।])");

    private PlainText() {
    }

    static String of(String answer) {
        String text = AnswerCheck.CITATION.matcher(answer).replaceAll("");
        text = FENCE.matcher(text).replaceAll("");
        text = HEADING.matcher(text).replaceAll("");
        text = STAR_BULLET.matcher(text).replaceAll("$1- ");
        String before;
        do {
            before = text;
            text = WRAPPED.matcher(text).replaceAll("$2");
        } while (!text.equals(before));
        text = SPACE_BEFORE_PUNCTUATION.matcher(text).replaceAll("$1");
        return text.replaceAll("[ \\t]{2,}", " ").replaceAll("(?m)[ \\t]+$", "").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
