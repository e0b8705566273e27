package com.shisha.ai.coach;

/** Shortens text to a channel's limit at a word boundary, never mid-word. */
final class Fit {

    static final String ELLIPSIS = "…";

    private Fit() {
    }

    /** The text itself when it fits, else its longest prefix ending at a word boundary, plus an ellipsis. */
    static String words(String text, int maxChars) {
        String t = text.strip();
        if (t.length() <= maxChars) {
            return t;
        }
        if (maxChars <= ELLIPSIS.length()) {
            return "";
        }
        int limit = maxChars - ELLIPSIS.length();
        int cut = limit;
        // cut at the last whitespace at or before the limit, so no word is split
        while (cut > 0 && !Character.isWhitespace(t.charAt(cut))) {
            cut--;
        }
        String head = t.substring(0, cut).stripTrailing();
        // a dangling separator before the ellipsis reads badly
        while (!head.isEmpty() && ",;:-–(".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head.isEmpty() ? "" : head + ELLIPSIS;
    }

    /**
     * A body and a tail that must survive (the sources): the body is shortened to leave room for the tail. When
     * even the tail does not fit, the tail is shortened the same way.
     */
    static String withTail(String body, String tail, int maxChars) {
        String full = body.strip() + tail;
        if (full.length() <= maxChars) {
            return full;
        }
        int room = maxChars - tail.length();
        String head = room > 0 ? words(body, room) : "";
        if (head.isEmpty()) {
            return words(tail.strip(), maxChars);
        }
        return head + tail;
    }
}
