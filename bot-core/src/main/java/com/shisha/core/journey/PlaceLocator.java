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
}
