package com.shisha.web.api;

import java.util.Optional;

/** Checks an identity provider's ID token (Firebase Authentication) and says who it proves. */
public interface IdTokenVerifier {

    /** @throws InvalidIdTokenException when the token is not valid (expired, wrong project, bad signature, garbage) */
    VerifiedIdentity verify(String idToken);

    /**
     * @param phone E.164 phone number the provider verified; empty for e-mail accounts
     * @param provider the sign-in method, e.g. phone or password
     */
    record VerifiedIdentity(String uid, Optional<String> phone, Optional<String> email, String provider) {
    }

    class InvalidIdTokenException extends RuntimeException {
        public InvalidIdTokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
