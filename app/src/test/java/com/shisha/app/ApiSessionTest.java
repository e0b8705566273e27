package com.shisha.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in with Firebase ID tokens (emulator format) and using the session token. */
class ApiSessionTest extends AbstractApiTest {

    @Test
    void aValidIdTokenCreatesThePartnerOnceAndSignsInAgainAsTheSamePartner() {
        String phone = freshPhone();
        String uid = "uid-" + phone.substring(1);
        Response first = call("POST", "/api/v1/session", null,
                Map.of("idToken", emulatorToken(Map.of("sub", uid, "user_id", uid, "phone_number", phone, "email", "a@example.test"))));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode session = first.json();
        assertThat(session.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(Instant.parse(session.get("expiresAt").asString())).isAfter(Instant.now().plusSeconds(3600));
        JsonNode partner = session.get("partner");
        assertThat(partner.get("phone").asString()).isEqualTo(phone);
        assertThat(partner.get("onboarded").asBoolean()).isFalse();
        assertThat(partner.get("email").asString()).isEqualTo("a@example.test");
        long id = partner.get("id").asLong();
        assertThat(jdbc.sql("select firebase_uid from partners where id = :id").param("id", id).query(String.class).single()).isEqualTo(uid);

        Response again = call("POST", "/api/v1/session", null, Map.of("idToken", phoneToken(phone)));
        assertThat(again.json().get("partner").get("id").asLong()).isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from partners where phone = :p").param("p", phone).query(Integer.class).single()).isEqualTo(1);

        Response me = get("/api/v1/partners/me", session.get("token").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asLong()).isEqualTo(id);
    }

    @Test
    void expiredWrongAudienceWrongIssuerUnsignedOrGarbageTokensAre401() {
        long now = Instant.now().getEpochSecond();
        String phone = freshPhone();
        Map<String, Object> expired = new HashMap<>(Map.of("phone_number", phone, "iat", now - 7200, "auth_time", now - 7200, "exp", now - 3600));
        call("POST", "/api/v1/session", null, Map.of("idToken", emulatorToken(expired))).error(401, "invalid_id_token");
        call("POST", "/api/v1/session", null, Map.of("idToken", emulatorToken(Map.of("phone_number", phone, "aud", "someone-else"))))
                .error(401, "invalid_id_token");
        call("POST", "/api/v1/session", null, Map.of("idToken", emulatorToken(Map.of("phone_number", phone,
                "iss", "https://securetoken.google.com/someone-else")))).error(401, "invalid_id_token");
        call("POST", "/api/v1/session", null, Map.of("idToken", "not.a.jwt")).error(401, "invalid_id_token");
        call("POST", "/api/v1/session", null, Map.of("idToken", "garbage")).error(401, "invalid_id_token");
        assertThat(jdbc.sql("select count(*) from partners where phone = :p").param("p", phone).query(Integer.class).single()).isZero();
    }

    @Test
    void usersTheEmulatorDoesNotKnowOrHasDisabledAre401() {
        String phone = freshPhone();
        call("POST", "/api/v1/session", null, Map.of("idToken", unsignedToken("uid-unknown-" + phone.substring(1),
                Map.of("phone_number", phone)))).error(401, "invalid_id_token");
        String disabled = "uid-disabled-" + phone.substring(1);
        FirebaseAuthEmulatorStandIn.addUser(disabled, phone, true);
        call("POST", "/api/v1/session", null, Map.of("idToken", unsignedToken(disabled, Map.of("sub", disabled, "phone_number", phone))))
                .error(401, "invalid_id_token");
        assertThat(jdbc.sql("select count(*) from partners where phone = :p").param("p", phone).query(Integer.class).single()).isZero();
    }

    @Test
    void aMissingIdTokenIsAValidationError() {
        JsonNode error = call("POST", "/api/v1/session", null, Map.of()).error(400, "validation_failed");
        assertThat(error.get("fields").get(0).get("field").asString()).isEqualTo("idToken");
        call("POST", "/api/v1/session", null, "{not json", "application/json", Map.of()).error(400, "bad_request");
        call("POST", "/api/v1/session", null, "idToken=x", "application/x-www-form-urlencoded", Map.of()).error(415, "unsupported_media_type");
    }

    @Test
    void aFirebaseAccountWithoutPhoneNumberCannotCreateAPartner() {
        call("POST", "/api/v1/session", null, Map.of("idToken", emulatorToken(Map.of("email", "no-phone@example.test"))))
                .error(403, "phone_required");
    }

    @Test
    void devSignInWorksOutsideProduction() {
        String phone = freshPhone();
        Response r = call("POST", "/api/v1/session/dev", null, Map.of("phone", phone));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("partner").get("phone").asString()).isEqualTo(phone);
        call("POST", "/api/v1/session/dev", null, Map.of("phone", "98123")).error(400, "validation_failed");
    }

    @Test
    void requestsWithoutAValidSessionTokenAre401() {
        get("/api/v1/dashboard", null).error(401, "unauthorized");
        get("/api/v1/dashboard", "not-a-token").error(401, "unauthorized");
        String token = tokenFor(freshPhone());
        // same claims, other key: a forged token
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        get("/api/v1/dashboard", forged).error(401, "unauthorized");
        // the emulator's unsigned Firebase token is not a session token
        get("/api/v1/dashboard", phoneToken(freshPhone())).error(401, "unauthorized");
        assertThat(get("/api/v1/dashboard", token).status()).isEqualTo(200);
        assertThat(get("/api/v1/dashboard", token).header("WWW-Authenticate")).isNull();
        assertThat(get("/api/v1/dashboard", null).header("WWW-Authenticate")).isEqualTo("Bearer");
    }
}
