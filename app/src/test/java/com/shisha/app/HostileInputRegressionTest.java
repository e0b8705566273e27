package com.shisha.app;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact inputs with which the input properties ({@link InputFuzzTest}) once got a 500 or an HTML page: each
 * must be refused (or taken) as a client's request, in the one JSON error shape.
 */
class HostileInputRegressionTest extends AbstractApiTest {

    private Response raw(String method, String path, Map<String, String> headers, String body) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("X-Forwarded-For", clientIp);
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.send("127.0.0.1", port, method, path, all, bytes == null ? -1 : bytes.length, bytes);
    }

    @Test
    void aStrayPercentInTheQueryIsABadRequestNotA500() {
        // Tomcat throws on the first parameter read; the error advice took it for a failure of ours
        raw("GET", "/api/v1/webchat/stream?%", Map.of(), null).error(400, "bad_request");
        raw("GET", "/api/v1/webchat/stream?phone=%2B919812345678&x=%E0%A4", Map.of(), null).error(400, "bad_request");
        String token = tokenFor(freshPhone());
        raw("GET", "/api/v1/community/top?city=%zz", Map.of("Authorization", "Bearer " + token), null).error(400, "bad_request");
    }

    @Test
    void whatTheContainerRefusesBeforeAnyFilterIsJsonToo() {
        // a request line over the header size limit, and an encoded slash: Tomcat answers these itself
        raw("GET", "/api/v1/partners/" + "%3F".repeat(3000), Map.of(), null).error(400, "bad_request");
        raw("GET", "/api/v1%2Fpartners/me", Map.of(), null).error(400, "bad_request");
        raw("GET", "/api/v1/dashboard", Map.of("X-Padding", "a".repeat(20_000)), null).error(400, "bad_request");
        raw("POST", "/webhooks/twilio/messaging", Map.of("X-Twilio-Signature", "a".repeat(20_000),
                "Content-Type", "application/x-www-form-urlencoded"), "a=b").error(400, "bad_request");
    }

    @Test
    void anEmailWithANulHasNoAccountRatherThanBreakingTheLookup() {
        // PostgreSQL refuses NUL in text even to compare it: every lookup by such an email answered 500
        Response forgot = call("POST", "/api/v1/portal/forgot-password", null, Map.of("email", "\u0000"));
        assertThat(forgot.status()).as(forgot.body()).isEqualTo(202);
        call("POST", "/api/v1/portal/login", null, Map.of("email", "a\u0000@example.com", "password", "a long password"))
                .error(401, "invalid_credentials");
        call("POST", "/api/v1/portal/verify-phone", null, Map.of("email", "a\u0000@example.com", "code", "123456"))
                .error(400, "invalid_code");
        call("POST", "/api/v1/portal/reset-password", null, Map.of("email", "a\u0000@example.com", "code", "123456",
                "newPassword", "another long password")).error(400, "invalid_code");
    }

    @Test
    void aJsonBodyAnnouncedAsMultipartIsABadRequest() {
        // the dispatcher parses every multipart request, though no endpoint takes one; its failure answered 500
        call("POST", "/api/v1/session", null, "{\"idToken\":\"a.b.c\"}", "multipart/form-data", Map.of()).error(400, "bad_request");
        String token = tokenFor(freshPhone());
        call("POST", "/api/v1/devices", token, "{\"token\":\"" + "a".repeat(40) + "\",\"platform\":\"ios\"}", "multipart/form-data",
                Map.of()).error(400, "bad_request");
    }

    @Test
    void aWildcardContentTypeIsRefusedWith415() {
        // Spring MVC throws copying such a header into HttpHeaders: endpoints without a consumes answered 500
        call("POST", "/api/v1/portal/login", null, "{\"email\":\"a@example.com\",\"password\":\"a long password\"}",
                "application/*", Map.of()).error(415, "unsupported_media_type");
        call("POST", "/api/v1/session", null, "{\"idToken\":\"x\"}", "*/*", Map.of()).error(415, "unsupported_media_type");
        String token = tokenFor(freshPhone());
        call("GET", "/api/v1/dashboard", token, "", "application/*", Map.of()).error(415, "unsupported_media_type");
        call("PATCH", "/api/v1/partners/me", token, "{\"name\":\"Asha\"}", "application/*", Map.of("Origin", ALLOWED_ORIGIN))
                .error(415, "unsupported_media_type");
    }
}
