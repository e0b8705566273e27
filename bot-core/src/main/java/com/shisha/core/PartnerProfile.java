package com.shisha.core;

import java.util.List;

/** What onboarding learns about a partner. Stored when the partner confirms it. */
public record PartnerProfile(String phone, String name, Language language, String city, List<Product> products) {

    public PartnerProfile {
        products = products == null ? List.of() : List.copyOf(products);
    }
}
