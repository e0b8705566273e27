package com.shisha.web.console;

import java.time.Duration;

/**
 * @param sessionKey      signs staff sessions (the API's session key; a different audience keeps the two apart)
 * @param sessionTtl      how long a staff sign-in lasts
 * @param maxFailedLogins failures within {@code lockout} that lock an account for the rest of that window
 * @param secureCookie    the session cookie only over HTTPS (production)
 */
public record ConsoleSettings(byte[] sessionKey, Duration sessionTtl, int maxFailedLogins, Duration lockout,
                              boolean secureCookie) {

    public ConsoleSettings {
        if (sessionKey.length < 32) {
            throw new IllegalArgumentException("the session key needs at least 32 bytes");
        }
        if (maxFailedLogins < 1) {
            throw new IllegalArgumentException("maxFailedLogins must be at least 1");
        }
        sessionKey = sessionKey.clone();
    }
}
