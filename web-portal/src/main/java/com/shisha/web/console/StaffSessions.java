package com.shisha.web.console;

import com.shisha.core.console.StaffAccounts;
import com.shisha.web.api.VersionedJwt;

import java.time.Clock;
import java.util.Optional;

/**
 * Staff sessions: a signed token in an HttpOnly cookie. Its audience differs from the partner app's, so a partner's
 * token is never a staff session; it carries the account's session version, so a password change or switching the
 * account off ends every session at once, on every instance.
 */
final class StaffSessions {

    static final String COOKIE = "shisha_console";
    private static final String AUDIENCE = "shisha-console";

    private final ConsoleSettings settings;
    private final StaffAccounts staff;
    private final VersionedJwt jwt;

    StaffSessions(ConsoleSettings settings, StaffAccounts staff, Clock clock) {
        this.settings = settings;
        this.staff = staff;
        this.jwt = new VersionedJwt(settings.sessionKey(), AUDIENCE, clock);
    }

    VersionedJwt.Issued issue(StaffAccounts.Staff member) {
        return jwt.issue(member.id(), member.sessionVersion(), settings.sessionTtl());
    }

    /** The staff member of a valid session of an active account; empty for anything else. */
    Optional<StaffAccounts.Staff> verify(String token) {
        return jwt.verify(token).flatMap(v -> staff.find(v.subject())
                .filter(StaffAccounts.Staff::active)
                .filter(s -> v.version() == s.sessionVersion()));
    }
}
