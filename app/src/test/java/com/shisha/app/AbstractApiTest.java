package com.shisha.app;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The companion API through real HTTP against the whole service. Firebase runs in emulator mode, so tests
 * sign in with emulator-format ID tokens (unsigned, but checked for project, issuer, subject and expiry).
 * Each test calls from its own client address (X-Forwarded-For, believed from loopback, which these tests name as
 * their proxy), so the per-address rate limit of one test never bleeds into another.
 */
@TestPropertySource(properties = {
        "FIREBASE_PROJECT_ID=" + AbstractApiTest.PROJECT,
        "SHISHA_JWT_SECRET=" + AbstractApiTest.JWT_SECRET,
        "SHISHA_CORS_ORIGINS=" + AbstractApiTest.ALLOWED_ORIGIN,
        "SHISHA_RATE_LIMIT_PARTNER_PER_MINUTE=" + AbstractApiTest.PARTNER_LIMIT,
        "SHISHA_RATE_LIMIT_IP_PER_MINUTE=" + AbstractApiTest.IP_LIMIT,
        "SHISHA_API_MAX_BODY_BYTES=4096",
        "SHISHA_INTEGRATION_KEYS=" + AbstractApiTest.INTEGRATION_KEY,
        // a properties line: the doubled backslashes arrive as the regex 127\.0\.0\.1
        "SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES=127\\\\.0\\\\.0\\\\.1"})
// the live-call tests' speech stand-in is in every API test's context: one context for all of them (a start costs
// ~20 s of the build), and no other API test opens a media stream
@org.springframework.context.annotation.Import(LiveTipsTest.Speech.class)
abstract class AbstractApiTest extends AbstractPipelineTest {

    static final String PROJECT = "shisha-test";
    static final String JWT_SECRET = "test-session-key-0123456789abcdef0123456789";
    static final String INTEGRATION_KEY = "test-integration-key-0123456789abcdef0123";
    static final String ALLOWED_ORIGIN = "https://app.shisha.test";
    static final int PARTNER_LIMIT = 60;
    static final int IP_LIMIT = 150;

    @DynamicPropertySource
    static void firebaseEmulator(DynamicPropertyRegistry registry) {
        registry.add("FIREBASE_AUTH_EMULATOR_HOST", FirebaseAuthEmulatorStandIn::host);
    }

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** This test's client address: documentation ranges, which Tomcat does not take for proxies. */
    final String clientIp = switch (ThreadLocalRandom.current().nextInt(3)) {
        case 0 -> "192.0.2.";
        case 1 -> "198.51.100.";
        default -> "203.0.113.";
    } + ThreadLocalRandom.current().nextInt(1, 255);

    record Response(int status, Map<String, java.util.List<String>> headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** Asserts the status and the API's one error shape. */
        JsonNode error(int expected, String code) {
            assertThat(status).as("status of %s", body).isEqualTo(expected);
            assertThat(header("Content-Type")).startsWith("application/json");
            JsonNode json = json();
            assertThat(json.get("status").asInt()).isEqualTo(expected);
            assertThat(json.get("message").asString()).isNotBlank();
            if (code != null) {
                assertThat(json.get("error").asString()).isEqualTo(code);
            }
            assertThat(body).doesNotContain("Exception").doesNotContain("\tat ");
            return json;
        }
    }

    Response call(String method, String path, String token, Object body) {
        return call(method, path, token, body == null ? null : JSON.writeValueAsString(body), "application/json", Map.of());
    }

    Response call(String method, String path, String token, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", clientIp)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A call to the console's API with the header its pages send; {@code cookie} null for none. */
    Response console(String method, String path, String cookie, Object body) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("X-Console-Request", "1"));
        if (cookie != null) {
            headers.put("Cookie", cookie);
        }
        return call(method, path, null, body == null ? null : JSON.writeValueAsString(body), "application/json", headers);
    }

    /** Signs in to the console; returns the session cookie as a Cookie header value. */
    String staffSignIn(String email, String password) {
        Response r = console("POST", "/console/api/session", null, Map.of("email", email, "password", password));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String setCookie = r.header("Set-Cookie");
        assertThat(setCookie).startsWith("shisha_console=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/console");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    String consoleAdmin() {
        return staffSignIn(ConsoleConfig.DEV_ADMIN_EMAIL, ConsoleConfig.DEV_ADMIN_PASSWORD);
    }

    Response get(String path, String token) {
        return call("GET", path, token, null);
    }

    /**
     * An ID token as the Firebase Auth Emulator issues it (alg none, no signature, the real claims), for a user
     * the emulator stand-in knows.
     */
    static String emulatorToken(Map<String, Object> overrides) {
        String uid = (String) overrides.getOrDefault("sub", "uid-" + UUID.randomUUID());
        FirebaseAuthEmulatorStandIn.addUser(uid, (String) overrides.get("phone_number"), false);
        return unsignedToken(uid, overrides);
    }

    static String unsignedToken(String uid, Map<String, Object> overrides) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://securetoken.google.com/" + PROJECT);
        claims.put("aud", PROJECT);
        claims.put("auth_time", now - 5);
        claims.put("user_id", uid);
        claims.put("sub", uid);
        claims.put("iat", now - 5);
        claims.put("exp", now + 3600);
        claims.put("firebase", Map.of("identities", Map.of(), "sign_in_provider", "phone"));
        claims.putAll(overrides);
        claims.values().removeIf(v -> v == null);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(JSON.writeValueAsBytes(claims)) + ".";
    }

    static String phoneToken(String phone) {
        return emulatorToken(Map.of("phone_number", phone));
    }

    /** Signs in through Firebase (emulator) and returns the session: token and partner. */
    JsonNode signIn(String phone) {
        Response r = call("POST", "/api/v1/session", null, Map.of("idToken", phoneToken(phone)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    String tokenFor(String phone) {
        return signIn(phone).get("token").asString();
    }

    /** A fresh partner with a complete profile (onboarded through the API), signed in. */
    String onboardedPartner(String city, String... products) {
        String token = tokenFor(freshPhone());
        ObjectNode patch = JSON.createObjectNode().put("name", "Api Partner").put("city", city).put("language", "en");
        var list = patch.putArray("products");
        for (String p : products) {
            list.add(p);
        }
        Response r = call("PATCH", "/api/v1/partners/me", token, patch);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("onboarded").asBoolean()).isTrue();
        return token;
    }
}
