package com.shisha.core.journey;

import java.util.Locale;

/**
 * How reachable a lead is for a partner, best first. A partner meets customers in their own town and the towns
 * around it; farther away only what sells over the phone is worth offering. The scorer ranks leads within a band,
 * never across bands, so a hot lead 900 km away never pushes a good one next door off the list.
 */
public enum Nearness {
    SAME_CITY,
    /** Within {@link #NEAR_KM}: a day trip. */
    NEAR,
    /** Within {@link #REGION_KM}: reachable, if not every day. */
    REGION,
    /** Farther, or where it is unknown, but the product sells over the phone. */
    REMOTE_SALE,
    /** Farther, or unknown, and the product needs a visit. */
    FAR;

    public static final double SAME_CITY_KM = 15;
    public static final double NEAR_KM = 80;
    public static final double REGION_KM = 250;

    public static Nearness of(PartnerContext partner, Lead lead) {
        if (sameCity(partner, lead)) {
            return SAME_CITY;
        }
        if (partner.place() != null && lead.place() != null) {
            double km = partner.place().km(lead.place());
            if (km <= SAME_CITY_KM) {
                return SAME_CITY;
            }
            if (km <= NEAR_KM) {
                return NEAR;
            }
            if (km <= REGION_KM) {
                return REGION;
            }
        }
        return lead.product().sellsRemotely() ? REMOTE_SALE : FAR;
    }

    private static boolean sameCity(PartnerContext partner, Lead lead) {
        if (partner.city() == null || lead.city() == null) {
            return false;
        }
        boolean name = partner.city().trim().toLowerCase(Locale.ROOT).equals(lead.city().trim().toLowerCase(Locale.ROOT))
                || (lead.cityHi() != null && partner.city().trim().equals(lead.cityHi().trim()));
        // two Aurangabads: a known, different state is another town of the same name
        return name && (partner.state() == null || lead.state() == null || partner.state().equalsIgnoreCase(lead.state()));
    }
}
