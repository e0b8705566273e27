package com.shisha.web.api;

import java.time.Duration;
import java.util.List;

/**
 * The companion API's settings, read and checked by {@link com.shisha.web.WebSettings} (docs/configuration.md).
 *
 * @param jwtSecret        HS256 key of the service's own session tokens, at least 32 bytes
 * @param sessionTtl       how long a session token is valid
 * @param devSignIn        whether POST /api/v1/session/dev (sign in by phone number alone) is open
 * @param corsOrigins      browser origins allowed to call the API; empty: none
 * @param partnerPerMinute requests per partner per minute, across all instances
 * @param ipPerMinute      requests per client address per minute, across all instances
 * @param maxBodyBytes     the largest request body the API reads
 */
public record ApiSettings(byte[] jwtSecret, Duration sessionTtl, boolean devSignIn, List<String> corsOrigins,
                          int partnerPerMinute, int ipPerMinute, long maxBodyBytes) {

    public static final int MIN_SECRET_BYTES = 32;

    public ApiSettings {
        if (jwtSecret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the session key needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        jwtSecret = jwtSecret.clone();
        corsOrigins = List.copyOf(corsOrigins);
    }
}
