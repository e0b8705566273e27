package com.shisha.core.journey;

/** A place on the map, in degrees. */
public record GeoPoint(double latitude, double longitude) {

    private static final double EARTH_KM = 6371.0;

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a place on earth: " + latitude + ", " + longitude);
        }
    }

    /** Null when either coordinate is missing, as for profiles and leads stored before coordinates were kept. */
    public static GeoPoint ofNullable(Double latitude, Double longitude) {
        return latitude == null || longitude == null ? null : new GeoPoint(latitude, longitude);
    }

    /** Great-circle distance (haversine): straight-line km, which is what "near" means for choosing leads. */
    public double km(GeoPoint other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
