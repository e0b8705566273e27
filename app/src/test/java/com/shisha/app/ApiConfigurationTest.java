package com.shisha.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static com.shisha.app.ConfigurationValidationTest.PRODUCTION;
import static com.shisha.app.ConfigurationValidationTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The companion API's configuration: the production profile refuses the default session key, the dev
 * sign-in and the Auth Emulator; bad values name their variable (put to the settings loader, as in
 * {@link ConfigurationValidationTest}); a production instance, started for real, has no dev sign-in.
 */
class ApiConfigurationTest {

    private static final String SECRET = "SHISHA_JWT_SECRET=production-secret-0123456789abcdef0123";
    private static final String PROJECT = "FIREBASE_PROJECT_ID=shisha-prod";

    @Test
    void productionRefusesTheDevelopmentShortcuts() {
        assertRefused("SHISHA_JWT_SECRET", PRODUCTION, PROJECT);
        assertRefused("SHISHA_JWT_SECRET", PRODUCTION, PROJECT, "SHISHA_JWT_SECRET=" + com.shisha.web.WebSettings.DEV_JWT_SECRET);
        assertRefused("SHISHA_DEV_SIGNIN", PRODUCTION, PROJECT, SECRET, "SHISHA_DEV_SIGNIN=true");
        assertRefused("SHISHA_WEBCHAT_OPEN", PRODUCTION, PROJECT, SECRET, "SHISHA_WEBCHAT_OPEN=true");
        assertRefused("FIREBASE_AUTH_EMULATOR_HOST", PRODUCTION, PROJECT, SECRET, "FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:9099");
        assertRefused("FIREBASE_PROJECT_ID", PRODUCTION, SECRET);
    }

    @Test
    void invalidValuesNameTheirVariable() {
        assertRefused("SHISHA_JWT_SECRET", "SHISHA_JWT_SECRET=too-short");
        assertRefused("SHISHA_DEV_SIGNIN", "SHISHA_DEV_SIGNIN=maybe");
        assertRefused("SHISHA_WEBCHAT_OPEN", "SHISHA_WEBCHAT_OPEN=maybe");
        assertRefused("SHISHA_CORS_ORIGINS", "SHISHA_CORS_ORIGINS=*");
        assertRefused("SHISHA_CORS_ORIGINS", "SHISHA_CORS_ORIGINS=https://app.example.com/path");
        assertRefused("SHISHA_RATE_LIMIT_PARTNER_PER_MINUTE", "SHISHA_RATE_LIMIT_PARTNER_PER_MINUTE=0");
        assertRefused("SHISHA_RATE_LIMIT_IP_PER_MINUTE", "SHISHA_RATE_LIMIT_IP_PER_MINUTE=lots");
        assertRefused("SHISHA_API_MAX_BODY_BYTES", "SHISHA_API_MAX_BODY_BYTES=100");
        assertRefused("SHISHA_SESSION_TTL_MINUTES", "SHISHA_SESSION_TTL_MINUTES=1");
        assertRefused("FIREBASE_AUTH_EMULATOR_HOST", "FIREBASE_AUTH_EMULATOR_HOST=http://localhost:9099/");
        assertRefused("FIREBASE_PROJECT_ID", "FIREBASE_PROJECT_ID=Not A Project");
    }

    @Test
    void aProductionInstanceHasNoDevSignIn() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ShishaApplication.class)
                .properties(ConfigurationValidationTest.properties(PRODUCTION, SECRET, PROJECT, "SHISHA_MANAGEMENT_PORT=0",
                        // production needs its first admin when the database has no staff yet (this JVM's may not)
                        "SHISHA_ADMIN_EMAIL=ops@shisha.example", "SHISHA_ADMIN_PASSWORD=correct-horse-battery-staple-41")).run()) {
            String port = app.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/session/dev"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"phone\": \"" + AbstractPipelineTest.freshPhone() + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("\"error\":\"not_found\"");
            // what is for operators is not on the public port
            for (String path : List.of("/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html", "/ops/turns",
                    "/actuator/health", "/actuator/metrics", "/actuator/info")) {
                HttpResponse<String> operators = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(operators.statusCode()).as(path).isEqualTo(404);
            }
            String management = app.getEnvironment().getProperty("local.management.port");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + management + "/actuator/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("health on the management port").isIn(200, 503);
        }
    }
}
