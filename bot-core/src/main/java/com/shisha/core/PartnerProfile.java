package com.shisha.core;

import java.util.List;

/**
 * What onboarding learns about a partner. Stored when the partner confirms it.
 *
 * @param city      the canonical name of the partner's city or town (the gazetteer's), or as another system gave it
 * @param state     the city's state; null when not known (a profile made elsewhere)
 * @param latitude  the city's coordinates (WGS84 degrees), for ranking leads by distance; null when not known
 */
public record PartnerProfile(String phone, String name, Language language, String city, List<Product> products,
                             String state, Double latitude, Double longitude) {

    public PartnerProfile {
        products = products == null ? List.of() : List.copyOf(products);
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("a place has both coordinates or neither");
        }
    }

    public PartnerProfile(String phone, String name, Language language, String city, List<Product> products) {
        this(phone, name, language, city, products, null, null, null);
    }
}
