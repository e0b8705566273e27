package com.shisha.web.api;


import com.shisha.core.companion.SessionVersions;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The service's own session tokens: HS256 JWTs naming the partner id. Stateless, so any instance verifies a
 * token another issued, with the shared key. Only HS256 is accepted: a token announcing "none" or another
 * algorithm is refused before its signature is looked at. Each token carries the partner's session generation
 * ({@link SessionVersions}), so a password reset ends the sessions issued before it.
 */
public final class SessionTokens {

    static final String AUDIENCE = "shisha-app";

    private final ApiSettings settings;
    private final SessionVersions versions;
    private final VersionedJwt jwt;

    public SessionTokens(ApiSettings settings, SessionVersions versions, Clock clock) {
        this.settings = settings;
        this.versions = versions;
        this.jwt = new VersionedJwt(settings.jwtSecret(), AUDIENCE, clock);
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(long partnerId) {
        VersionedJwt.Issued issued = jwt.issue(partnerId, versions.current(partnerId), settings.sessionTtl());
        return new Issued(issued.token(), issued.expiresAt());
    }

    /** The partner id of a valid, unexpired token of ours; empty for anything else. */
    public Optional<Long> verify(String token) {
        return jwt.verify(token).filter(v -> v.version() == versions.current(v.subject())).map(VersionedJwt.Verified::subject);
    }
}
