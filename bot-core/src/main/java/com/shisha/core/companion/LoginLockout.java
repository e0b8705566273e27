package com.shisha.core.companion;

import java.time.Duration;

/**
 * Failed sign-ins per key (an account's email, hashed), counted across all instances, so password guessing is
 * stopped however many instances an attacker spreads it over.
 */
public interface LoginLockout {

    /** Failures counted in the current window (0 once it has passed). */
    int failures(String key);

    /** Counts a failure; the window starts with the first one. @return the failures so far */
    int recordFailure(String key, Duration window);

    /** A successful sign-in forgets earlier failures. */
    void clear(String key);
}
