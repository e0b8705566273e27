package com.shisha.web.api;

import java.util.List;

/**
 * The one page envelope of list endpoints. {@code page} counts from 0; {@code hasMore} says whether asking for
 * the next page is worth it (some lists, like the leaderboard, have no cheap total).
 */
public record PageView<T>(List<T> items, int page, int size, boolean hasMore) {

    public static final int MAX_SIZE = 50;
    /** Deep pages cost the database more than any app screen needs. */
    public static final int MAX_ITEMS = 1000;

    public PageView {
        items = List.copyOf(items);
    }

    /** Validates page/size as the list endpoints take them; answers 400 in the API's error shape. */
    static void check(int page, int size) {
        if (page < 0) {
            throw ApiException.badRequest("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("size must be from 1 to " + MAX_SIZE);
        }
        if ((long) (page + 1) * size > MAX_ITEMS) {
            throw ApiException.badRequest("pages reach at most the first " + MAX_ITEMS + " items");
        }
    }

    /** A page cut from the first (page + 1) * size + 1 items of a list. */
    static <T> PageView<T> slice(List<T> firstItems, int page, int size) {
        int from = Math.min(firstItems.size(), page * size);
        int to = Math.min(firstItems.size(), from + size);
        return new PageView<>(firstItems.subList(from, to), page, size, firstItems.size() > to);
    }
}
