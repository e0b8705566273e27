package com.shisha.web.api;

import com.shisha.core.companion.DeviceTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Push registrations (FCM tokens) of the partner's devices. */
@RestController
@RequestMapping(path = "/api/v1/devices", produces = "application/json")
@Tag(name = "devices")
class DeviceTokenController {

    /** FCM registration tokens are URL-safe base64 with ':' and are about 160-200 characters long. */
    static final String TOKEN = "[A-Za-z0-9_:\\-.]+";

    private final Me me;
    private final DeviceTokens tokens;

    DeviceTokenController(Me me, DeviceTokens tokens) {
        this.me = me;
        this.tokens = tokens;
    }

    record Registration(@NotBlank @Size(min = 20, max = 4096) @Pattern(regexp = TOKEN, message = "must be an FCM registration token") String token,
                        @NotBlank @Pattern(regexp = "android|ios|web", message = "must be android, ios or web") String platform) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Register this device for push; registering again is harmless")
    ResponseEntity<Void> register(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @Valid @RequestBody Registration body) {
        me.account(partnerId);
        tokens.register(partnerId, body.token(), body.platform());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{token}")
    @Operation(summary = "Stop push to this device (404 when the token is not one of this partner's)")
    ResponseEntity<Void> unregister(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @PathVariable String token) {
        if (!tokens.unregister(partnerId, token)) {
            throw ApiException.notFound("device token");
        }
        return ResponseEntity.noContent().build();
    }
}
