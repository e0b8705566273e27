package com.shisha.core.journey;

import java.util.Optional;

/**
 * Where a city is, so leads and partners stored with only a city name can be placed on the map. The gazetteer
 * (dialogs) answers it; the seeders and the back-fill (persistence) ask it, without either module knowing the other.
 */
@FunctionalInterface
public interface PlaceLocator {

    /** @param state may be null; when given it tells apart towns that share a name */
    Optional<GeoPoint> locate(String city, String state);

    /**
     * A town as the gazetteer writes it (spelling, state, Hindi name, size), for leads brought in with a city typed any
     * which way. Without a gazetteer behind it: the point alone, names as given, size unknown (0).
     */
    default Optional<Town> town(String city, String state) {
        return locate(city, state).map(point -> new Town(city, null, state, point, 0));
    }

    /** @param population 0 when unknown */
    record Town(String name, String nameHi, String state, GeoPoint point, long population) {

        /**
         * India's city classes by population (X: 50 lakh and more, Y: 5 lakh and more, Z: the rest, as used for
         * house-rent allowance), as the lead scorer's tiers 1-3; an unknown size counts as the smallest class.
         */
        public int tier() {
            return population >= 5_000_000 ? 1 : population >= 500_000 ? 2 : 3;
        }
    }
}
