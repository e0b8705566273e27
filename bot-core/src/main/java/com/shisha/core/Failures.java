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

    /**
     * Whether the failure says the store could not be reached or could not finish just then (a connection lost or
     * refused, the server shutting down or out of resources, a deadlock, a timeout) rather than that it refused this
     * particular item: the same write may well succeed a moment later.
     */
    public static boolean passing(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 12; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.sql.SQLNonTransientConnectionException || t instanceof java.net.SocketException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.io.EOFException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08 connection exception, 53 insufficient resources, 57P0x shutdown/crash/not yet accepting,
                // 40001 serialization failure, 40P01 deadlock
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P0") || state.equals("40001")
                        || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }
}
