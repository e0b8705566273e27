package com.shisha.core.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Cuts a text that does not fit one message into pages that each do. A cut goes at the last paragraph break
 * that fits, else the last line break, else the last space; never inside a word, unless one word alone is
 * longer than a page. Every page but the last ends with the footer, and still fits.
 *
 * <p>The budget must be monotone: if a text does not fit, no longer text starting with it fits. Both budgets
 * we have are (characters; SMS segments, where adding a character never lowers the count).
 */
final class Pager {

    /** A page and what is left for the next ones; {@code rest} is null when the page is the whole text. */
    record Split(String page, String rest) {
    }

    static final String FOOTER_SEPARATOR = "\n\n";

    private final Predicate<String> fits;
    /** No text longer than this fits; bounds the search for the longest fitting prefix. */
    private final int maxChars;

    Pager(Predicate<String> fits, int maxChars) {
        this.fits = fits;
        this.maxChars = maxChars;
    }

    boolean fits(String text) {
        return fits.test(text);
    }

    List<String> pages(String text, String footer) {
        List<String> pages = new ArrayList<>();
        Split split = first(text, footer);
        while (split.rest() != null) {
            pages.add(split.page());
            split = first(split.rest(), footer);
        }
        if (!split.page().isEmpty() || pages.isEmpty()) {
            pages.add(split.page());
        }
        return pages;
    }

    /** The first page of the text (with the footer when more follows) and the rest, or null when it all fits. */
    Split first(String text, String footer) {
        if (fits.test(text)) {
            return new Split(text, null);
        }
        String suffix = footer == null || footer.isEmpty() ? "" : FOOTER_SEPARATOR + footer;
        String rest = text.strip();
        int cut = cut(rest, suffix);
        return new Split(rest.substring(0, cut).stripTrailing() + suffix, rest.substring(cut).stripLeading());
    }

    /** Where to end the next page of {@code rest}, which starts with a non-space and does not fit whole. */
    private int cut(String rest, String suffix) {
        int limit = longestFittingPrefix(rest, suffix);
        if (limit == 0) {
            throw new IllegalArgumentException("the footer leaves no room for text on a page: " + suffix.strip());
        }
        // a paragraph or line break wins only if it keeps the page at least half full: on SMS every page is paid for
        int half = limit / 2;
        int paragraph = rest.lastIndexOf("\n\n", limit);
        if (paragraph > 0 && paragraph >= half) {
            return paragraph;
        }
        int line = rest.lastIndexOf('\n', limit);
        if (line > 0 && line >= half) {
            return line;
        }
        for (int i = limit; i > 0; i--) {
            if (Character.isWhitespace(rest.charAt(i))) {
                return i;
            }
        }
        return limit; // one word longer than a page; limit never falls inside a surrogate pair
    }

    /** The largest n, not inside a surrogate pair, such that the first n chars of {@code rest} plus the suffix fit. */
    private int longestFittingPrefix(String rest, String suffix) {
        int low = 0;
        int high = Math.min(rest.length(), maxChars);
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (fits.test(rest.substring(0, mid) + suffix)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (low > 0 && Character.isHighSurrogate(rest.charAt(low - 1)) && low < rest.length()
                && Character.isLowSurrogate(rest.charAt(low))) {
            low--;
        }
        return low;
    }
}
