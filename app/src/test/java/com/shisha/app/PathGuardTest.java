package com.shisha.app;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths the gates would read differently from the container (path parameters, encoded separators, dot segments,
 * empty segments) are refused with 400 before any filter or controller acts on them.
 */
class PathGuardTest extends AbstractApiTest {

    private Response raw(String method, String path, String token, String body) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("X-Forwarded-For", clientIp));
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        if (bytes != null) {
            headers.put("Content-Type", "application/json");
        }
        return RawHttp.send("127.0.0.1", port, method, path, headers, bytes == null ? -1 : bytes.length, bytes);
    }

    @Test
    void aPathParameterIsRefusedWith400JsonAndTheNormalPathStillWorks() {
        String token = tokenFor(freshPhone());
        for (String path : new String[]{"/api/v1;x=1/partners/me", "/api/v1/partners/me;x=1", "/api;/v1/partners/me",
                "/api/v1%3Bx=1/partners/me", "/api/v1%2Fpartners/me", "/api/v1%5Cpartners/me", "/api/v1/../v1/partners/me",
                "/api/v1/./partners/me", "/api/v1/%2e%2e/v1/partners/me", "/api//v1/partners/me", "/api/v1%253Bx/partners/me",
                "/webhooks/twilio/messaging;x=1", "/partner;x=1/dashboard"}) {
            Response r = raw("GET", path, token, null);
            assertThat(r.status()).as("%s answered %s", path, r.body()).isEqualTo(400);
            // Tomcat itself refuses encoded slashes and backslashes before any filter: its 400, in the same JSON shape
            r.error(400, path.contains("%2F") || path.contains("%5C") ? "bad_request" : "invalid_path");
        }
        // no session: refused for the path, not let through to a controller without the token check
        raw("GET", "/api/v1;x=1/partners/me", null, null).error(400, "invalid_path");
        assertThat(raw("GET", "/api/v1/partners/me", token, null).status()).isEqualTo(200);
    }

    @Test
    void aBodySentToSuchAPathIsNotRead() {
        String token = tokenFor(freshPhone());
        Response refused = raw("PATCH", "/api/v1;x=1/partners/me", token, "{\"name\": \"Changed Name\"}");
        refused.error(400, "invalid_path");
        assertThat(get("/api/v1/partners/me", token).body()).as("the body was not applied").doesNotContain("Changed Name");

        // 30 MB declared, 256 KB sent: the answer comes without the body being waited for or parsed
        byte[] start = ("{\"name\": \"" + "x".repeat(256 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        long began = System.nanoTime();
        Response large = RawHttp.send("127.0.0.1", port, "PATCH", "/api/v1;x=1/partners/me",
                Map.of("X-Forwarded-For", clientIp, "Authorization", "Bearer " + token, "Content-Type", "application/json"),
                30L * 1024 * 1024, start);
        large.error(400, "invalid_path");
        assertThat((System.nanoTime() - began) / 1_000_000).as("ms to the answer").isLessThan(10_000);
    }

    @Test
    void plainPathsAreUntouched() {
        assertThat(get("/", null).status()).isEqualTo(200);
        assertThat(get("/ping", null).status()).isEqualTo(200);
        call("POST", "/api/v1/partners/me", null, null).error(401, "unauthorized");
    }
}
