package com.shisha.web.api;

import com.shisha.core.NamesInHindi;
import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.PhoneMask;
import com.shisha.core.Text;
import com.shisha.core.companion.LoginLockout;
import com.shisha.core.companion.PartnerAccounts;
import com.shisha.core.companion.PortalAccounts;
import com.shisha.core.companion.PortalAccounts.CodePurpose;
import com.shisha.core.companion.PortalAccounts.PortalAccount;
import com.shisha.core.companion.RequestLimiter;
import com.shisha.core.companion.SessionVersions;
import com.shisha.core.pipeline.Outbox;
import com.shisha.core.pipeline.OutboxDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The portal's email-and-password accounts. Rules that keep them safe:
 * <ul>
 *   <li>A phone number is linked only once it is proven: registering sends a code to that number's WhatsApp,
 *       and the account signs in only after the code comes back. Otherwise anyone could register with a
 *       WhatsApp partner's number and read their leads.</li>
 *   <li>No answer tells whether an email has an account: register and forgot-password answer the same either
 *       way, and a failed login says "email or password" and costs the same BCrypt check either way.</li>
 *   <li>Passwords are BCrypt hashes; codes are HMAC-SHA256 under the session key, compared in constant time,
 *       usable {@link #CODE_ATTEMPTS} times and for {@link PortalSettings#codeTtl()}.</li>
 *   <li>Failed logins per account are counted in Redis; past the limit the account is locked for the window,
 *       even for the right password. Codes are limited per account (and the API per address).</li>
 * </ul>
 */
@Component
class PortalSignIn {

    private static final Logger log = LoggerFactory.getLogger(PortalSignIn.class);

    static final int CODE_ATTEMPTS = 5;
    static final int CODES_PER_HOUR = 3;
    static final int BCRYPT_COST = 12;
    static final int MAX_PASSWORD_BYTES = 72;

    private final PortalAccounts portal;
    private final PartnerAccounts partners;
    private final LoginLockout lockout;
    private final RequestLimiter limiter;
    private final Outbox outbox;
    private final OutboxDispatcher dispatcher;
    private final PortalSettings settings;
    private final SessionTokens tokens;
    private final SessionVersions versions;
    private final Clock clock;
    private final NamesInHindi names;
    private final SecretKeySpec codeKey;
    private final PasswordEncoder passwords = new BCryptPasswordEncoder(BCRYPT_COST);
    private final SecureRandom random = new SecureRandom();
    /** Checked against when the email has no account, so both cases take one BCrypt check. */
    private final java.util.concurrent.CompletableFuture<String> absentAccountHash;

    PortalSignIn(PortalAccounts portal, PartnerAccounts partners, LoginLockout lockout, RequestLimiter limiter, Outbox outbox,
                 OutboxDispatcher dispatcher, PortalSettings settings, ApiSettings api, SessionTokens tokens,
                 SessionVersions versions, Clock clock, NamesInHindi names) {
        this.names = names;
        this.portal = portal;
        this.partners = partners;
        this.lockout = lockout;
        this.limiter = limiter;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.tokens = tokens;
        this.versions = versions;
        this.clock = clock;
        this.codeKey = new SecretKeySpec(api.jwtSecret(), "HmacSHA256");
        // a BCrypt hash takes a quarter second: worked out beside the start, not in its way
        this.absentAccountHash = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                passwords.encode("no account has this email " + random.nextLong()));
    }

    /** @param devCode the code, only while dev codes are on and a code was actually sent */
    record Registered(Optional<String> devCode) {
    }

    Registered register(String name, String email, String password, String phone, String language) {
        checkPasswordBytes("password", password);
        // hashed before anything is looked up, so an existing email does not answer faster
        String hash = passwords.encode(password);
        if (account(email).isPresent()) {
            log.info("portal registration for an email that has an account: answered as usual, nothing sent");
            return new Registered(Optional.empty());
        }
        PartnerAccounts.Account partner = partners.signIn(phone, new PartnerAccounts.Identity("portal", null, null));
        Optional<PortalAccount> created = portal.create(partner.id(), email.trim(), name.trim(), hash);
        if (created.isEmpty()) {
            log.info("portal registration for partner {}, who has an account already: answered as usual, nothing sent",
                    PhoneMask.mask(phone));
            return new Registered(Optional.empty());
        }
        log.info("portal account {} registered for partner {}; phone to be verified", created.get().id(), PhoneMask.mask(phone));
        return new Registered(sendCode(created.get(), CodePurpose.VERIFY_PHONE, languageOf(partner, language)));
    }

    Views.SessionView verifyPhone(String email, String code) {
        PortalAccount account = account(email).orElseThrow(PortalSignIn::invalidCode);
        useCode(account, CodePurpose.VERIFY_PHONE, code);
        portal.markPhoneVerified(account.id());
        log.info("portal account {} verified the phone of partner {}", account.id(), PhoneMask.mask(account.phone()));
        return session(account.partnerId());
    }

    /** Locked accounts answer 429 before the password is looked at, so guessing stops at the limit. */
    Views.SessionView login(String email, String password) {
        String key = emailKey(email);
        if (lockout.failures(key) >= settings.maxFailedLogins()) {
            throw locked();
        }
        Optional<PortalAccount> account = account(email);
        boolean matches = passwords.matches(password, account.map(PortalAccount::passwordHash).orElseGet(absentAccountHash::join));
        if (account.isEmpty() || !matches) {
            if (lockout.recordFailure(key, settings.lockout()) >= settings.maxFailedLogins()) {
                log.warn("portal sign-in locked for {} after {} failures", settings.lockout(), settings.maxFailedLogins());
                throw locked();
            }
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_credentials", "the email or the password is not right");
        }
        lockout.clear(key);
        PortalAccount a = account.get();
        if (!a.phoneVerified()) {
            Optional<String> devCode = sendCode(a, CodePurpose.VERIFY_PHONE, a.language());
            throw new ApiException(HttpStatus.FORBIDDEN, "phone_not_verified", "confirm your phone number first: we sent a code to its WhatsApp"
                    + devCode.map(c -> " (development mode: the code is " + c + ")").orElse(""));
        }
        log.info("partner {} signed in on the portal", PhoneMask.mask(a.phone()));
        return session(a.partnerId());
    }

    /** Sends a reset code if the email has an account and it has codes left this hour; says nothing either way. */
    Optional<String> forgotPassword(String email, String language) {
        Optional<PortalAccount> account = account(email);
        if (account.isEmpty()) {
            log.info("password reset asked for an email without an account: nothing sent");
            return Optional.empty();
        }
        return sendCode(account.get(), CodePurpose.RESET_PASSWORD, account.get().language() == null ? language : account.get().language());
    }

    /** The code came from the partner's WhatsApp, so it proves the phone too. */
    Views.SessionView resetPassword(String email, String code, String newPassword) {
        checkPasswordBytes("newPassword", newPassword);
        String hash = passwords.encode(newPassword);
        PortalAccount account = account(email).orElseThrow(PortalSignIn::invalidCode);
        useCode(account, CodePurpose.RESET_PASSWORD, code);
        // first, so a failure after it leaves old sessions ended rather than a new password beside them
        versions.revokeAll(account.partnerId());
        portal.setPassword(account.id(), hash);
        portal.markPhoneVerified(account.id());
        lockout.clear(emailKey(email));
        log.info("portal account {} reset its password; every earlier session of partner {} is ended", account.id(),
                PhoneMask.mask(account.phone()));
        return session(account.partnerId());
    }

    private void useCode(PortalAccount account, CodePurpose purpose, String code) {
        Optional<String> stored = portal.attemptCode(account.id(), purpose, CODE_ATTEMPTS, clock.instant());
        byte[] given = codeHash(account.id(), purpose, code).getBytes(StandardCharsets.US_ASCII);
        if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.US_ASCII), given)) {
            throw invalidCode();
        }
        portal.deleteCode(account.id(), purpose);
    }

    private Optional<String> sendCode(PortalAccount account, CodePurpose purpose, String language) {
        RequestLimiter.Decision allowed = limiter.acquire("portal-code:" + account.id(), CODES_PER_HOUR, Duration.ofHours(1));
        if (!allowed.allowed()) {
            log.info("portal account {}: no {} code sent, {} codes in the last hour already", account.id(), purpose, CODES_PER_HOUR);
            return Optional.empty();
        }
        String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        portal.storeCode(account.id(), purpose, codeHash(account.id(), purpose, code), clock.instant().plus(settings.codeTtl()));
        if (settings.whatsappNumber() == null) {
            log.warn("portal account {}: {} code not sent, WhatsApp is off{}", account.id(), purpose,
                    settings.devCodes() ? " (development mode answers it instead)" : "");
        } else {
            ConversationKey to = new ConversationKey(Channel.WHATSAPP, account.phone());
            String body = codeMessage(purpose, code, language);
            long id = settings.codeTemplateSid() == null
                    ? outbox.enqueueProactive(to, null, body)
                    : outbox.enqueueProactive(to, null, body, settings.codeTemplateSid(), Map.of("1", code));
            dispatcher.submit(to, List.of(id));
            log.info("portal account {}: {} code sent to {} on WhatsApp", account.id(), purpose, PhoneMask.mask(account.phone()));
        }
        return settings.devCodes() ? Optional.of(code) : Optional.empty();
    }

    private String codeMessage(CodePurpose purpose, String code, String language) {
        long minutes = settings.codeTtl().toMinutes();
        boolean hindi = "hi".equals(language);
        if (purpose == CodePurpose.VERIFY_PHONE) {
            return hindi
                    ? "आपका SHISHA पोर्टल कोड " + code + " है। यह " + minutes + " मिनट तक चलेगा। इसे किसी को न बताएं, GroMo स्टाफ़ को भी नहीं।"
                    : "Your SHISHA portal code is " + code + ". It works for " + minutes + " minutes. Never share it, not even with GroMo staff.";
        }
        return hindi
                ? "SHISHA पासवर्ड बदलने का कोड: " + code + " (" + minutes + " मिनट तक)। अगर आपने नहीं माँगा, तो इस संदेश को अनदेखा करें।"
                : "Your SHISHA password reset code is " + code + " (valid " + minutes + " minutes). If you did not ask for it, ignore this message.";
    }

    private String codeHash(long accountId, CodePurpose purpose, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(codeKey);
            byte[] digest = mac.doFinal((accountId + ":" + purpose + ":" + code.trim()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * The account with this email. None for an email with a control character in it: no account can have one
     * (registering checks the address), and PostgreSQL refuses a NUL in text, even just to compare it.
     */
    private Optional<PortalAccount> account(String email) {
        return Text.hasControls(email) ? Optional.empty() : portal.byEmail(email);
    }

    /** Counters are keyed by a digest, so Redis holds no email addresses. */
    private static String emailKey(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** BCrypt reads only the first 72 bytes; a longer password would silently be a shorter one. */
    private static void checkPasswordBytes(String field, String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", "some fields are not valid",
                    List.of(new ApiProblem.FieldProblem(field, "must be at most " + MAX_PASSWORD_BYTES + " bytes (about 24 Hindi letters)")));
        }
    }

    private static String languageOf(PartnerAccounts.Account partner, String requested) {
        return partner.onboarded() || requested == null ? partner.language().code() : requested;
    }

    private ApiException locked() {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts", "too many failed sign-ins; try again in "
                + settings.lockout().toMinutes() + " minutes or reset your password");
    }

    private static ApiException invalidCode() {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_code", "the code is wrong or has expired; ask for a new one");
    }

    private Views.SessionView session(long partnerId) {
        return Views.SessionView.issue(tokens, partners.byId(partnerId).orElseThrow(), names);
    }
}
