package com.shisha.core.companion;

import java.time.Instant;
import java.util.Optional;

/**
 * The web portal's own sign-in (email and password), one per partner. It points at the partner row WhatsApp and
 * the app use, so all three see the same partner. Only hashes are stored: the password's (an adaptive hash made
 * by the caller) and the one-time codes' (keyed hashes). Emails are compared case-insensitively.
 */
public interface PortalAccounts {

    /**
     * Creates the web sign-in of a partner, phone not yet verified.
     *
     * @return empty, changing nothing, when the email or the partner already has one
     */
    Optional<PortalAccount> create(long partnerId, String email, String displayName, String passwordHash);

    Optional<PortalAccount> byEmail(String email);

    void setPassword(long accountId, String passwordHash);

    /** The partner proved the phone number by typing a code sent to its WhatsApp. */
    void markPhoneVerified(long accountId);

    /** Stores a one-time code (its hash) for the purpose, replacing an earlier one with its attempts. */
    void storeCode(long accountId, CodePurpose purpose, String codeHash, Instant expiresAt);

    /**
     * Counts one attempt at the code first, then answers it if it is still usable: unexpired and within
     * {@code maxAttempts}. Counting before comparing bounds guesses even when they arrive in parallel.
     */
    Optional<String> attemptCode(long accountId, CodePurpose purpose, int maxAttempts, Instant now);

    void deleteCode(long accountId, CodePurpose purpose);

    enum CodePurpose { VERIFY_PHONE, RESET_PASSWORD }

    /** @param phone the partner's phone number (E.164); language its code, e.g. en */
    record PortalAccount(long id, long partnerId, String email, String displayName, String passwordHash,
                         boolean phoneVerified, String phone, String language) {
    }
}
