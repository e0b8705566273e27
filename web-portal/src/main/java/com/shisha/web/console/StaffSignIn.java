package com.shisha.web.console;

import com.shisha.core.companion.LoginLockout;
import com.shisha.core.console.AuditLog;
import com.shisha.core.console.StaffAccounts;
import com.shisha.web.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Staff sign-in, with the portal's rules: a failed sign-in says "email or password" and costs the same BCrypt check
 * whether the account exists or not; past the limit an account is locked for the window, even for the right
 * password. Every attempt, good or bad, goes in the audit log.
 */
public final class StaffSignIn {

    private static final Logger log = LoggerFactory.getLogger(StaffSignIn.class);
    static final int BCRYPT_COST = 12;
    /** A staff account reaches every partner's conversation: a longer password than a partner's. */
    public static final int MIN_PASSWORD_CHARS = 12;
    static final int MAX_PASSWORD_BYTES = 72;

    private final StaffAccounts staff;
    private final AuditLog audit;
    private final LoginLockout lockout;
    private final ConsoleSettings settings;
    private final PasswordEncoder passwords = new BCryptPasswordEncoder(BCRYPT_COST);
    private final java.util.concurrent.CompletableFuture<String> absentAccountHash;

    public StaffSignIn(StaffAccounts staff, AuditLog audit, LoginLockout lockout, ConsoleSettings settings) {
        this.staff = staff;
        this.audit = audit;
        this.lockout = lockout;
        this.settings = settings;
        // a BCrypt hash takes a quarter second: worked out beside the start, not in its way
        this.absentAccountHash = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                passwords.encode("no account has this password " + System.nanoTime()));
    }

    /** The reason a password is refused, or empty when it may be used. */
    public static Optional<String> weakness(String password) {
        if (password == null || password.length() < MIN_PASSWORD_CHARS) {
            return Optional.of("must have at least " + MIN_PASSWORD_CHARS + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("must be at most " + MAX_PASSWORD_BYTES + " bytes (BCrypt ignores the rest)");
        }
        return Optional.empty();
    }

    public String hash(String password) {
        return passwords.encode(password);
    }

    StaffAccounts.Staff signIn(String email, String password) {
        String key = "staff:" + emailKey(email);
        String who = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        if (lockout.failures(key) >= settings.maxFailedLogins()) {
            audit.record(null, who, "sign_in.locked", null, null);
            throw locked();
        }
        Optional<StaffAccounts.Credentials> account = staff.credentials(email == null ? "" : email);
        boolean matches = password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES
                && passwords.matches(password, account.map(StaffAccounts.Credentials::passwordHash).orElseGet(absentAccountHash::join));
        boolean usable = account.isPresent() && matches && account.get().staff().active();
        if (!usable) {
            int failures = lockout.recordFailure(key, settings.lockout());
            audit.record(account.map(a -> a.staff().id()).orElse(null), who, "sign_in.failed", null,
                    account.isPresent() && matches ? "account switched off" : null);
            if (failures >= settings.maxFailedLogins()) {
                log.warn("console sign-in locked for {} after {} failures", settings.lockout(), failures);
                throw locked();
            }
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_credentials", "the email or the password is not right");
        }
        lockout.clear(key);
        StaffAccounts.Staff member = account.get().staff();
        audit.record(member.id(), member.email(), "sign_in", null, null);
        log.info("staff {} ({}) signed in to the console", member.id(), member.role());
        return member;
    }

    private ApiException locked() {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "locked", "too many failed sign-ins: try again in "
                + settings.lockout().toMinutes() + " minutes");
    }

    private static String emailKey(String email) {
        try {
            String normal = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
