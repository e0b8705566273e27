package com.shisha.web.api;

import com.shisha.core.companion.PartnerAccounts;
import com.shisha.core.journey.Journey;
import com.shisha.core.journey.PartnerContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The signed-in partner, loaded the way each endpoint needs it. */
@Component
class Me {

    private final PartnerAccounts accounts;
    private final Journey journey;

    Me(PartnerAccounts accounts, Journey journey) {
        this.accounts = accounts;
        this.journey = journey;
    }

    /** A token outlives nothing: a partner removed since it was issued is answered like a bad token. */
    PartnerAccounts.Account account(long partnerId) {
        return accounts.byId(partnerId).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
                "the partner of this session no longer exists; sign in again"));
    }

    /** The journey's view of an onboarded partner; 409 until the profile is complete (name, city, products). */
    PartnerContext onboarded(long partnerId) {
        PartnerAccounts.Account account = account(partnerId);
        return journey.partner(account.phone()).filter(p -> p.id() == partnerId).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
                "profile_incomplete", "complete the profile first (PATCH /api/v1/partners/me with name, city and products)"));
    }
}
