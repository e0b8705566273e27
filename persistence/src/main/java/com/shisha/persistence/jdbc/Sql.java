package com.shisha.persistence.jdbc;

/** Small helpers for the hand-written statements. */
final class Sql {

    /**
     * The statement with each fragment replaced by the one after it. For a statement that has a second form for a
     * rarer case (a column more), so the common case keeps its exact statement and plan; fails at class loading if
     * a fragment is not found, so the two forms cannot drift apart silently.
     */
    static String variant(String sql, String... fragmentThenReplacement) {
        if (fragmentThenReplacement.length % 2 != 0) {
            throw new IllegalArgumentException("fragments and replacements come in pairs");
        }
        String result = sql;
        for (int i = 0; i < fragmentThenReplacement.length; i += 2) {
            String fragment = fragmentThenReplacement[i];
            int at = result.indexOf(fragment);
            if (at < 0 || result.indexOf(fragment, at + 1) >= 0) {
                throw new IllegalStateException("the statement does not hold '" + fragment + "' exactly once");
            }
            result = result.replace(fragment, fragmentThenReplacement[i + 1]);
        }
        return result;
    }

    private Sql() {
    }
}
