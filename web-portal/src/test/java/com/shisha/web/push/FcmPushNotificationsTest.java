package com.shisha.web.push;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.shisha.core.companion.PushNotifications;
import com.shisha.core.companion.PushNotifications.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FCM adapter with the real Admin SDK and a real service-account key (a fresh RSA key): the SDK exchanges a
 * signed JWT grant at the key's token_uri (the stand-in) for an access token, and posts FCM HTTP v1 JSON with it.
 * Here, unlike the app tests, the Auth Emulator is off: in emulator mode the SDK sends every request with the
 * emulator's "owner" credentials instead of the service account's token.
 */
class FcmPushNotificationsTest {

    static final String PROJECT = "shisha-push-test";
    static final String SEND = "/v1/projects/" + PROJECT + "/messages:send";
    static final String ACCESS_TOKEN = "ya29.c.test-access-token";
    static WireMockServer google;
    FcmPushNotifications fcm;

    @BeforeAll
    static void standIn() {
        google = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        google.start();
    }

    @AfterAll
    static void stop() {
        google.stop();
    }

    @BeforeEach
    void adapter() throws Exception {
        google.resetAll();
        google.stubFor(post(urlEqualTo("/token")).withRequestBody(containing("assertion="))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\": \"" + ACCESS_TOKEN + "\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\\n" + Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\\n-----END PRIVATE KEY-----\\n";
        String json = """
                {"type": "service_account", "project_id": "%s", "private_key_id": "abc123", "private_key": "%s",
                 "client_email": "firebase-adminsdk@%s.iam.gserviceaccount.com", "client_id": "42", "token_uri": "%s"}"""
                .formatted(PROJECT, pem, PROJECT, google.baseUrl() + "/token");
        ServiceAccountCredentials credentials = (ServiceAccountCredentials) ServiceAccountCredentials
                .fromStream(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
                .createScoped(List.of("https://www.googleapis.com/auth/firebase.messaging"));
        fcm = new FcmPushNotifications(credentials, PROJECT, URI.create(google.baseUrl()), 5000);
    }

    @AfterEach
    void close() {
        fcm.close();
    }

    private static void answer(String token, int status, String body) {
        google.stubFor(post(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.message.token", equalTo(token)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body)));
    }

    private PushNotifications.Outcome send(String token) {
        return fcm.send(new PushNotifications.Push(token, "Badge unlocked! 🏅", "You earned \"First quiz\" (+20 points)",
                Map.of("type", "badge", "code", "FIRST_QUIZ")));
    }

    @Test
    void sendsFcmV1JsonWithTheServiceAccountsAccessToken() {
        answer("device-1", 200, "{\"name\": \"projects/" + PROJECT + "/messages/0:1500415314455276%31bd1c9631bd1c96\"}");

        PushNotifications.Outcome outcome = send("device-1");

        assertThat(outcome).isEqualTo(new PushNotifications.Outcome(Result.SENT, "projects/" + PROJECT + "/messages/0:1500415314455276%31bd1c9631bd1c96"));
        google.verify(1, postRequestedFor(urlEqualTo("/token"))
                .withRequestBody(containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")));
        google.verify(1, postRequestedFor(urlEqualTo(SEND))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withRequestBody(equalToJson("""
                        {"message": {"token": "device-1",
                                     "notification": {"title": "Badge unlocked! 🏅", "body": "You earned \\"First quiz\\" (+20 points)"},
                                     "data": {"type": "badge", "code": "FIRST_QUIZ"}}}""", false, false)));
    }

    @Test
    void unregisteredAndInvalidTokensAreDeadOutagesAreRetried() {
        answer("uninstalled", 404, """
                {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND",
                  "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNREGISTERED"}]}}""");
        answer("garbage", 400, """
                {"error": {"code": 400, "message": "The registration token is not a valid FCM registration token", "status": "INVALID_ARGUMENT",
                  "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "INVALID_ARGUMENT"}]}}""");
        answer("busy", 503, """
                {"error": {"code": 503, "message": "The service is currently unavailable.", "status": "UNAVAILABLE",
                  "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNAVAILABLE"}]}}""");

        assertThat(send("uninstalled").result()).isEqualTo(Result.INVALID_TOKEN);
        assertThat(send("uninstalled").detail()).startsWith("UNREGISTERED");
        assertThat(send("garbage").result()).isEqualTo(Result.INVALID_TOKEN);
        assertThat(send("busy").result()).isEqualTo(Result.RETRY);
    }

    @Test
    void onlyFcmsOwnHostIsRedirectedToTheStandIn() throws Exception {
        URI standIn = URI.create("http://127.0.0.1:9");
        assertThat(FcmPushNotifications.redirect(URI.create("https://fcm.googleapis.com/v1/projects/p/messages:send").toURL(), standIn))
                .hasToString("http://127.0.0.1:9/v1/projects/p/messages:send");
        assertThat(FcmPushNotifications.redirect(URI.create("https://oauth2.googleapis.com/token").toURL(), standIn))
                .hasToString("https://oauth2.googleapis.com/token");
    }
}
