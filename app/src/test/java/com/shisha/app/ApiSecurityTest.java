package com.shisha.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits, CORS, security headers and the OpenAPI document, through HTTP. */
class ApiSecurityTest extends AbstractApiTest {

    @Test
    void aPartnerOverTheLimitGets429WithRetryAfterAndOthersAreUnaffected() {
        String token = tokenFor(freshPhone());
        Response last = null;
        for (int i = 0; i < PARTNER_LIMIT; i++) {
            last = get("/api/v1/partners/me", token);
            assertThat(last.status()).as("request %d of %d", i + 1, PARTNER_LIMIT).isEqualTo(200);
        }
        Response refused = get("/api/v1/partners/me", token);
        refused.error(429, "too_many_requests");
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 60);
        // the limit is the partner's, not the address's: another partner from the same address still gets in
        assertThat(get("/api/v1/partners/me", tokenFor(freshPhone())).status()).isEqualTo(200);
    }

    @Test
    void anAddressOverTheLimitGets429EvenWithoutAToken() {
        // an address no other test uses (the benchmarking range; the others draw from the documentation ranges),
        // forwarded by the loopback proxy the app trusts: another test's calls in the same minute must not count
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String address = "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
        int accepted = 0;
        Response r;
        do {
            r = call("GET", "/api/v1/dashboard", null, null, null, Map.of("X-Forwarded-For", address));
            if (r.status() == 401) {
                accepted++;
            }
        } while (r.status() == 401 && accepted <= IP_LIMIT);
        assertThat(accepted).isEqualTo(IP_LIMIT);
        r.error(429, "too_many_requests");
        assertThat(r.header("Retry-After")).isNotNull();
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigin() {
        Response allowed = call("OPTIONS", "/api/v1/dashboard", null, null, null, Map.of("Origin", ALLOWED_ORIGIN,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("GET");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");

        Response refused = call("OPTIONS", "/api/v1/dashboard", null, null, null, Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET"));
        refused.error(403, "cors_origin_refused");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();

        String token = tokenFor(freshPhone());
        Response actual = call("GET", "/api/v1/dashboard", token, null, null, Map.of("Origin", ALLOWED_ORIGIN));
        assertThat(actual.status()).isEqualTo(200);
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        call("GET", "/api/v1/dashboard", token, null, null, Map.of("Origin", "https://evil.example")).error(403, "cors_origin_refused");
    }

    @Test
    void securityHeadersOnApiAnswersAndPages() {
        Response api = get("/api/v1/dashboard", null);
        assertThat(api.header("Content-Security-Policy")).contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(api.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(api.header("Cache-Control")).isEqualTo("no-store");
        assertThat(api.header("Strict-Transport-Security")).as("plain HTTP: no HSTS").isNull();

        Response page = get("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");

        Response behindTls = call("GET", "/api/v1/dashboard", null, null, null, Map.of("X-Forwarded-Proto", "https"));
        assertThat(behindTls.header("Strict-Transport-Security")).startsWith("max-age=");
    }

    @Test
    void theOpenApiDocumentListsTheEndpointsAndSwaggerUiIsServed() {
        Response docs = get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        for (String path : new String[]{"/api/v1/session", "/api/v1/session/dev", "/api/v1/partners/me", "/api/v1/partners/{id}",
                "/api/v1/dashboard", "/api/v1/achievements", "/api/v1/quests", "/api/v1/community/top",
                "/api/v1/community/following/{followeeId}", "/api/v1/community/tips", "/api/v1/leads", "/api/v1/leads/{leadId}",
                "/api/v1/leads/{leadId}/outcome", "/api/v1/quiz/runs", "/api/v1/quiz/runs/{runId}", "/api/v1/quiz/runs/{runId}/answers",
                "/api/v1/quiz/results", "/api/v1/coach/questions", "/api/v1/coach/feedback", "/api/v1/devices", "/api/v1/devices/{token}"}) {
            assertThat(paths.has(path)).as("OpenAPI lists %s", path).isTrue();
        }
        assertThat(docs.json().get("components").get("securitySchemes").has("session")).isTrue();
        assertThat(docs.body()).as("the partner id comes from the token, never from the client").doesNotContain("shisha.partnerId");
        Response ui = get("/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger");
    }
}
