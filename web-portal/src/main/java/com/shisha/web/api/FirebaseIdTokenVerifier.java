package com.shisha.web.api;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.auth.FirebaseAuth;
import com.google.firebase.auth.FirebaseAuthException;
import com.google.firebase.auth.FirebaseToken;
import com.google.firebase.internal.FirebaseProcessEnvironment;

import java.util.Map;
import java.util.Optional;

/**
 * Firebase ID tokens verified with the Admin SDK: signature against Google's public keys, audience and issuer
 * of the configured project, expiry. With an Auth Emulator host the SDK accepts the emulator's unsigned tokens
 * instead (tests and the zero-setup run work offline); the app refuses that in production.
 */
public final class FirebaseIdTokenVerifier implements IdTokenVerifier, AutoCloseable {

    private final FirebaseApp app;
    private final FirebaseAuth auth;

    /**
     * @param emulatorHost host:port of the Auth Emulator, or null for real Firebase. The SDK reads it from the
     *                     process environment at every verification; it is handed over here so a configured value
     *                     (not only a real environment variable) takes effect. That setting is JVM-wide in the SDK,
     *                     so it is only ever set, never cleared: clearing it would switch another verifier of the
     *                     same JVM (tests run several app instances) out of emulator mode under its feet. A
     *                     production instance runs alone in its JVM and refuses the emulator at start-up.
     * @param credentials  the service account push uses, or null: verifying ID tokens needs only the project id and
     *                     Google's public keys, and a placeholder keeps the SDK from probing the cloud metadata server
     */
    public FirebaseIdTokenVerifier(String projectId, String emulatorHost, GoogleCredentials credentials) {
        if (emulatorHost != null) {
            FirebaseProcessEnvironment.setenv("FIREBASE_AUTH_EMULATOR_HOST", emulatorHost);
        }
        FirebaseOptions options = FirebaseOptions.builder().setProjectId(projectId).setCredentials(credentials != null ? credentials
                : GoogleCredentials.create(new AccessToken("unused-for-id-token-verification", null))).build();
        // a named app per verifier: several app contexts in one JVM (tests) must not share the default app
        this.app = FirebaseApp.initializeApp(options, "shisha-" + System.identityHashCode(this));
        this.auth = FirebaseAuth.getInstance(app);
    }

    @Override
    public VerifiedIdentity verify(String idToken) {
        FirebaseToken token;
        try {
            token = auth.verifyIdToken(idToken);
        } catch (FirebaseAuthException e) {
            throw new InvalidIdTokenException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidIdTokenException("the ID token is empty or malformed", e);
        }
        Map<String, Object> claims = token.getClaims();
        Optional<String> phone = Optional.ofNullable((String) claims.get("phone_number")).filter(p -> !p.isBlank());
        Object firebase = claims.get("firebase");
        String provider = firebase instanceof Map<?, ?> f && f.get("sign_in_provider") != null
                ? f.get("sign_in_provider").toString() : "unknown";
        return new VerifiedIdentity(token.getUid(), phone, Optional.ofNullable(token.getEmail()), provider);
    }

    @Override
    public void close() {
        app.delete();
    }
}
