package com.shisha.core.console;

import java.time.Instant;
import java.util.List;

/** Every staff action, kept: who did what, when, and to which partner. Nothing here is ever changed or deleted. */
public interface AuditLog {

    /**
     * @param staffId   who, or null when nobody was signed in (a failed sign-in)
     * @param who       the staff member's email as typed, so a failed sign-in still says whose account was tried
     * @param action    what, as a short code ("sign_in", "handoff.claim", "staff.create" ...)
     * @param partnerId which partner, or null
     * @param detail    anything else an auditor needs, without phone numbers
     */
    void record(Long staffId, String who, String action, Long partnerId, String detail);

    record Entry(long id, Instant at, Long staffId, String who, String action, Long partnerId, String detail) {
    }

    /** The newest first. */
    List<Entry> recent(int limit);
}
