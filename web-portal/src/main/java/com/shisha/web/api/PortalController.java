package com.shisha.web.api;

import com.shisha.core.IndianMobile;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * The web portal's own accounts (email and password), for partners without the app. Signing in answers the
 * same session token as the app's sign-in, so the portal's pages use the companion API like the app does.
 */
@RestController
@RequestMapping(path = "/api/v1/portal", produces = "application/json")
@Tag(name = "portal")
@SecurityRequirements
class PortalController {

    static final String INDIAN_MOBILE = "\\+91[6-9][0-9]{9}";
    static final String EMAIL_SHAPE = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    static final int FORGOT_PER_ADDRESS_PER_HOUR = 20;

    private final PortalSignIn signIn;
    private final PortalSettings settings;
    private final com.shisha.core.companion.RequestLimiter limiter;

    PortalController(PortalSignIn signIn, PortalSettings settings, com.shisha.core.companion.RequestLimiter limiter) {
        this.signIn = signIn;
        this.settings = settings;
        this.limiter = limiter;
    }

    record Register(@NotBlank @Size(max = 60) @Pattern(regexp = PartnerController.NAME, message = "must be letters, spaces, . ' or -") String name,
                    @NotBlank @Size(max = 254) @Email @Pattern(regexp = EMAIL_SHAPE, message = "must be an email address") String email,
                    @NotNull @Size(min = 10, max = 72, message = "must be 10 to 72 characters") String password,
                    @NotBlank @Pattern(regexp = INDIAN_MOBILE, message = "must be a 10-digit Indian mobile number, e.g. 98123 45678 or +919812345678") String phone,
                    @Pattern(regexp = "en|hi", message = "must be en or hi") String language) {
        Register {
            phone = IndianMobile.normalise(phone);
        }
    }

    record VerifyPhone(@NotBlank @Size(max = 254) String email, @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits we sent") String code) {
    }

    record Login(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {
    }

    record Forgot(@NotBlank @Size(max = 254) String email, @Pattern(regexp = "en|hi", message = "must be en or hi") String language) {
    }

    record Reset(@NotBlank @Size(max = 254) String email,
                 @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits we sent") String code,
                 @NotNull @Size(min = 10, max = 72, message = "must be 10 to 72 characters") String newPassword) {
    }

    /** @param devCode only in the zero-setup run (dev sign-in open): the code that was sent to WhatsApp */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Accepted(String status, String message, String devCode) {
    }

    /** @param whatsappNumber digits for https://wa.me/...; null when WhatsApp is not configured */
    record PortalConfigView(String whatsappNumber, String whatsappUrl, String appUrl, String simulatorUrl) {
    }

    @GetMapping("/config")
    @Operation(summary = "What the pages link to: our WhatsApp number (wa.me) and the partner app")
    PortalConfigView config() {
        String number = settings.whatsappNumber();
        return new PortalConfigView(number, number == null ? null : "https://wa.me/" + number + "?text=hi", settings.appUrl(), "/simulator");
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a portal account; a code goes to the phone's WhatsApp. Answers the same whether or not the email or phone has an account")
    Accepted register(@Valid @RequestBody Register body) {
        PortalSignIn.Registered registered = signIn.register(body.name(), body.email(), body.password(), body.phone(), body.language());
        return new Accepted("verification_sent", "If these details are new, we sent a 6-digit code to the WhatsApp of "
                + body.phone() + ": type it in to finish. If you already have an account, sign in or reset your password.",
                registered.devCode().orElse(null));
    }

    @PostMapping("/verify-phone")
    @Operation(summary = "Finish registering with the code sent to WhatsApp; answers a session")
    Views.SessionView verifyPhone(@Valid @RequestBody VerifyPhone body) {
        return signIn.verifyPhone(body.email(), body.code());
    }

    @PostMapping("/login")
    @Operation(summary = "Email and password for a session token (the same token as POST /api/v1/session)")
    Views.SessionView login(@Valid @RequestBody Login body) {
        return signIn.login(body.email(), body.password());
    }

    @PostMapping("/forgot-password")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a reset code to the account's WhatsApp; always 202, whether or not the email has an account")
    Accepted forgotPassword(@Valid @RequestBody Forgot body, HttpServletRequest request) {
        var decision = limiter.acquire("portal-forgot:" + request.getRemoteAddr(), FORGOT_PER_ADDRESS_PER_HOUR, Duration.ofHours(1));
        if (!decision.allowed()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", "too many reset requests from this address; try again later");
        }
        String devCode = signIn.forgotPassword(body.email(), body.language()).orElse(null);
        return new Accepted("accepted", "If this email has an account, a reset code is on its way to the account's WhatsApp.", devCode);
    }

    @PostMapping("/reset-password")
    @Operation(summary = "Set a new password with the code sent to WhatsApp; answers a session")
    Views.SessionView resetPassword(@Valid @RequestBody Reset body) {
        return signIn.resetPassword(body.email(), body.code(), body.newPassword());
    }
}
