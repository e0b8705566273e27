package com.shisha.core.companion;

import com.shisha.core.Language;
import com.shisha.core.Product;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Partners as the companion app sees them: an account found by phone number, so a partner who onboarded on
 * WhatsApp and signs in to the app with the same number is the same partner (same id, leads and progress).
 */
public interface PartnerAccounts {

    /**
     * The partner with this phone number, created (not yet onboarded) when there is none; the sign-in identity
     * (e.g. the Firebase uid) is stored on first sign-in and refreshed on later ones.
     *
     * @param phone E.164, e.g. +919812345678
     */
    Account signIn(String phone, Identity identity);

    Optional<Account> byId(long id);

    /** The partner who last signed in with this Firebase account. */
    Optional<Account> byFirebaseUid(String uid);

    /**
     * Applies the non-null fields of the change. A partner whose profile is then complete (name, city, at least
     * one product) counts as onboarded from that moment, as after WhatsApp's onboarding.
     */
    Account update(long id, ProfileChange change);

    /** @param provider e.g. firebase or dev; uid null for the dev sign-in */
    record Identity(String provider, String uid, String email) {
    }

    record Account(long id, String phone, String name, Language language, String city, List<Product> products,
                   String email, boolean onboarded, int points, Instant createdAt) {
        public Account {
            products = products == null ? List.of() : List.copyOf(products);
        }
    }

    /** Null fields are left as they are. */
    record ProfileChange(String name, String city, Language language, List<Product> products) {
        public ProfileChange {
            products = products == null ? null : List.copyOf(products);
        }
    }
}
