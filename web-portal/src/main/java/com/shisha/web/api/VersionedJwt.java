package com.shisha.web.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * HS256 session tokens for one audience: a subject id and a session version, signed with the shared key. Only HS256
 * is accepted, so a token announcing "none" or another algorithm is refused before its signature is looked at; the
 * audience keeps a partner's token from being a staff session and the other way round.
 */
public final class VersionedJwt {

    private static final String ISSUER = "shisha";
    private static final String VERSION_CLAIM = "sv";

    private final String audience;
    private final Clock clock;
    private final MACSigner signer;
    private final MACVerifier verifier;

    public VersionedJwt(byte[] key, String audience, Clock clock) {
        this.audience = audience;
        this.clock = clock;
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable session key: " + e.getMessage(), e);
        }
    }

    public record Issued(String token, Instant expiresAt) {
    }

    /** @param version null: tokens from before versions existed belong to version 0 */
    public record Verified(long subject, long version) {
    }

    public Issued issue(long subject, long version, Duration ttl) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience).subject(Long.toString(subject))
                .issueTime(Date.from(now)).expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString())
                .claim(VERSION_CLAIM, version).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a session token", e);
        }
        return new Issued(jwt.serialize(), expires);
    }

    /** The subject and version of a valid, unexpired token of ours for this audience; empty for anything else. */
    public Optional<Verified> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (exp == null || !exp.toInstant().isAfter(clock.instant()) || !ISSUER.equals(claims.getIssuer())
                    || !List.of(audience).equals(claims.getAudience()) || claims.getSubject() == null) {
                return Optional.empty();
            }
            Long version = claims.getLongClaim(VERSION_CLAIM);
            return Optional.of(new Verified(Long.parseLong(claims.getSubject()), version == null ? 0L : version));
        } catch (ParseException | JOSEException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
