package com.shisha.core;

/** Text that came from outside, made fit to store and show. */
public final class Text {

    private Text() {
    }

    /**
     * The text without control characters other than tab, line feed and carriage return. PostgreSQL refuses NUL in
     * text outright, so a message carrying one could never be stored and its sender's retries would never end;
     * the other controls mean nothing in a chat and only confuse what later reads or logs the text.
     * Unchanged (the same instance) when there is nothing to remove, the usual case on the hot path.
     */
    public static String withoutControls(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        int n = text.length();
        while (i < n && !removed(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder kept = new StringBuilder(n).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (!removed(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** Whether the text holds a character {@link #withoutControls} would remove. */
    public static boolean hasControls(String text) {
        return text != null && withoutControls(text) != text;
    }

    private static boolean removed(char c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
    }
}
