package com.shisha.web.console;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.shisha.core.console.StaffAccounts;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Staff sessions: a signed token in an HttpOnly cookie. Its audience differs from the partner app's, so a partner's
 * token is never a staff session; it carries the account's session version, so a password change or switching the
 * account off ends every session at once, on every instance.
 */
final class StaffSessions {

    static final String COOKIE = "shisha_console";
    private static final String ISSUER = "shisha";
    private static final String AUDIENCE = "shisha-console";
    private static final String VERSION = "sv";

    private final ConsoleSettings settings;
    private final StaffAccounts staff;
    private final Clock clock;
    private final MACSigner signer;
    private final MACVerifier verifier;

    StaffSessions(ConsoleSettings settings, StaffAccounts staff, Clock clock) {
        this.settings = settings;
        this.staff = staff;
        this.clock = clock;
        try {
            this.signer = new MACSigner(settings.sessionKey());
            this.verifier = new MACVerifier(settings.sessionKey());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable session key: " + e.getMessage(), e);
        }
    }

    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(StaffAccounts.Staff member) {
        Instant now = clock.instant();
        Instant expires = now.plus(settings.sessionTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE)
                .subject(Long.toString(member.id())).issueTime(Date.from(now)).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).claim(VERSION, member.sessionVersion()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a staff session", e);
        }
        return new Issued(jwt.serialize(), expires);
    }

    /** The staff member of a valid session of an active account; empty for anything else. */
    Optional<StaffAccounts.Staff> verify(String token) {
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
            Long version = claims.getLongClaim(VERSION);
            return staff.find(Long.parseLong(claims.getSubject()))
                    .filter(StaffAccounts.Staff::active)
                    .filter(s -> version != null && version == s.sessionVersion());
        } catch (ParseException | JOSEException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
