package com.shisha.app;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * WireMock speaking the Firebase Auth Emulator's accounts:lookup
 * (POST /identitytoolkit.googleapis.com/v1/projects/{project}/accounts:lookup {"localId": [uid]}). In emulator
 * mode the Admin SDK skips the signature but always looks the user up (disabled? tokens revoked?), so a token
 * is accepted only for a user the emulator knows, as with the real emulator. One per test JVM.
 */
final class FirebaseAuthEmulatorStandIn {

    private static WireMockServer server;

    static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            // unknown users: the emulator answers without a users array, which the SDK reports as USER_NOT_FOUND
            server.stubFor(post(urlPathMatching("/identitytoolkit.googleapis.com/v1/projects/[^/]+/accounts:lookup"))
                    .atPriority(10)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"kind\": \"identitytoolkit#GetAccountInfoResponse\"}")));
        }
        return server;
    }

    /** host:port, as FIREBASE_AUTH_EMULATOR_HOST takes it. */
    static String host() {
        return "127.0.0.1:" + server().port();
    }

    /** Makes the emulator know this user. */
    static void addUser(String uid, String phone, boolean disabled) {
        String phoneField = phone == null ? "" : ", \"phoneNumber\": \"" + phone + "\"";
        server().stubFor(post(urlPathMatching("/identitytoolkit.googleapis.com/v1/projects/" + AbstractApiTest.PROJECT + "/accounts:lookup"))
                .withRequestBody(matchingJsonPath("$.localId[0]", equalTo(uid)))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"kind": "identitytoolkit#GetAccountInfoResponse", "users": [{"localId": "%s"%s,
                                 "disabled": %s, "createdAt": "1700000000000", "lastLoginAt": "1700000000000", "providerUserInfo": []}]}"""
                                .formatted(uid, phoneField, disabled))));
    }

    private FirebaseAuthEmulatorStandIn() {
    }
}
