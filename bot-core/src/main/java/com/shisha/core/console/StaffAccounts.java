package com.shisha.core.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * GroMo's staff who run SHISHA from the console: separate from partners, with their own sign-in. Emails are kept
 * in lower case, so one person cannot hold two accounts by case.
 */
public interface StaffAccounts {

    enum Role {
        /** everything an agent does, plus staff accounts, broadcasts and the knowledge base */
        ADMIN,
        /** handoffs, the transcript and profile of a partner in one, leads import */
        AGENT
    }

    /** @param sessionVersion raised when the password changes or the account is switched off: older sessions end */
    record Staff(long id, String email, String name, Role role, boolean active, long sessionVersion, Instant createdAt) {
    }

    /** The account and its password hash, for checking a sign-in; the hash never leaves the sign-in code. */
    record Credentials(Staff staff, String passwordHash) {
    }

    Optional<Staff> find(long id);

    Optional<Credentials> credentials(String email);

    /** @throws IllegalArgumentException if the email already has an account */
    Staff create(String email, String name, Role role, String passwordHash);

    /** Sets a new password and ends the account's sessions. */
    Staff changePassword(long id, String passwordHash);

    /** Switches the account on or off; off ends its sessions. */
    Staff setActive(long id, boolean active);

    List<Staff> all();

    long count();
}
