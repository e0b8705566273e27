package com.shisha.core;

import java.sql.SQLException;

/** Exceptions as a log line may show them. */
public final class Failures {

    private Failures() {
    }

    /**
     * The chain of exception types, with the SQL state where there is one, and no messages: a storage exception's
     * message carries the whole statement and the values bound to it (a partner's text and number), which do not
     * belong in a log, least of all once per retry.
     */
    public static String withoutMessages(Throwable e) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(t.getClass().getName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                out.append(" (SQL state ").append(sql.getSQLState()).append(')');
            }
        }
        return out.toString();
    }
}
