package com.shisha.web.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import com.shisha.core.companion.SessionVersions;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The service's own session tokens: HS256 JWTs naming the partner id. Stateless, so any instance verifies a
 * token another issued, with the shared key. Only HS256 is accepted: a token announcing "none" or another
 * algorithm is refused before its signature is looked at. Each token carries the partner's session generation
 * ({@link SessionVersions}), so a password reset ends the sessions issued before it.
 */
public final class SessionTokens {

    static final String ISSUER = "shisha";
    static final String AUDIENCE = "shisha-app";
    static final String VERSION_CLAIM = "sv";

    private final ApiSettings settings;
    private final SessionVersions versions;
    private final Clock clock;
    private final MACSigner signer;
    private final MACVerifier verifier;

    public SessionTokens(ApiSettings settings, SessionVersions versions, Clock clock) {
        this.settings = settings;
        this.versions = versions;
        this.clock = clock;
        try {
            this.signer = new MACSigner(settings.jwtSecret());
            this.verifier = new MACVerifier(settings.jwtSecret());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable session key: " + e.getMessage(), e);
        }
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(long partnerId) {
        Instant now = clock.instant();
        Instant expires = now.plus(settings.sessionTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(Long.toString(partnerId))
                .issueTime(Date.from(now)).expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString())
                .claim(VERSION_CLAIM, versions.current(partnerId))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a session token", e);
        }
        return new Issued(jwt.serialize(), expires);
    }

    /** The partner id of a valid, unexpired token of ours; empty for anything else. */
    public Optional<Long> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (exp == null || !exp.toInstant().isAfter(clock.instant()) || !ISSUER.equals(claims.getIssuer())
                    || !List.of(AUDIENCE).equals(claims.getAudience()) || claims.getSubject() == null) {
                return Optional.empty();
            }
            long partnerId = Long.parseLong(claims.getSubject());
            // tokens from before generations existed carry none: they belong to generation 0
            Long version = claims.getLongClaim(VERSION_CLAIM);
            if ((version == null ? 0L : version) != versions.current(partnerId)) {
                return Optional.empty();
            }
            return Optional.of(partnerId);
        } catch (ParseException | JOSEException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
