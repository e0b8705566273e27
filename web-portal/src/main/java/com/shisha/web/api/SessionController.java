package com.shisha.web.api;

import com.shisha.core.NamesInHindi;
import com.shisha.core.PhoneMask;
import com.shisha.core.companion.PartnerAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in: a Firebase ID token (or, in the zero-setup run only, a bare phone number) for the service's own
 * session token. The partner is found by the verified phone number, so WhatsApp and the app share one partner.
 */
@RestController
@RequestMapping(path = "/api/v1/session", produces = "application/json")
@Tag(name = "session")
@SecurityRequirements
class SessionController {

    private static final Logger log = LoggerFactory.getLogger(SessionController.class);
    static final String E164 = "\\+[1-9][0-9]{7,14}";

    private final IdTokenVerifier verifier;
    private final PartnerAccounts accounts;
    private final SessionTokens tokens;
    private final ApiSettings settings;

    private final NamesInHindi names;

    SessionController(IdTokenVerifier verifier, PartnerAccounts accounts, SessionTokens tokens, ApiSettings settings,
                      NamesInHindi names) {
        this.names = names;
        this.verifier = verifier;
        this.accounts = accounts;
        this.tokens = tokens;
        this.settings = settings;
    }

    record SignIn(@NotBlank @Size(max = 8192) String idToken) {
    }

    record DevSignIn(@NotBlank @Pattern(regexp = E164, message = "must be an E.164 phone number, e.g. +919812345678") String phone) {
    }

    @PostMapping
    @Operation(summary = "Exchange a Firebase ID token for a session token; creates the partner on first sign-in")
    Views.SessionView signIn(@Valid @RequestBody SignIn body) {
        IdTokenVerifier.VerifiedIdentity identity;
        try {
            identity = verifier.verify(body.idToken());
        } catch (IdTokenVerifier.InvalidIdTokenException e) {
            log.info("sign-in refused: {}", e.getMessage());
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_id_token", "the Firebase ID token is not valid: " + e.getMessage());
        }
        PartnerAccounts.Account account;
        if (identity.phone().isPresent()) {
            account = accounts.signIn(identity.phone().get(),
                    new PartnerAccounts.Identity("firebase", identity.uid(), identity.email().orElse(null)));
        } else {
            // without a phone number the Firebase account cannot be matched to a WhatsApp partner; an account
            // that once signed in with its phone keeps working
            account = accounts.byFirebaseUid(identity.uid()).orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN,
                    "phone_required", "this Firebase account has no verified phone number; sign in with the phone number used on WhatsApp"));
        }
        log.info("partner {} signed in with firebase ({})", PhoneMask.mask(account.phone()), identity.provider());
        return session(account);
    }

    @PostMapping("/dev")
    @Operation(summary = "DEVELOPMENT ONLY: sign in by phone number alone (refused when SHISHA_DEV_SIGNIN is off; never in production)")
    Views.SessionView devSignIn(@Valid @RequestBody DevSignIn body) {
        if (!settings.devSignIn()) {
            throw ApiException.notFound("dev sign-in");
        }
        PartnerAccounts.Account account = accounts.signIn(body.phone(), new PartnerAccounts.Identity("dev", null, null));
        log.info("partner {} signed in with the DEV sign-in", PhoneMask.mask(account.phone()));
        return session(account);
    }

    private Views.SessionView session(PartnerAccounts.Account account) {
        return Views.SessionView.issue(tokens, account, names);
    }
}
