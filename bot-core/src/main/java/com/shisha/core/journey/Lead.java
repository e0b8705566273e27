package com.shisha.core.journey;

import com.shisha.core.Product;

import java.time.Instant;

/**
 * A prospective customer a partner can contact. Personal data: never log name or phone.
 *
 * @param place where the lead's city is; null when the city is not in the gazetteer
 */
public record Lead(long id, String name, String phone, char gender, int age, String city, String cityHi, String state,
                   int cityTier, Product product, IncomeBand income, CreditBand credit, String source,
                   String noteEn, String noteHi, Instant createdAt, boolean open, Long assignedTo, GeoPoint place) {

    /** A lead whose city has not been placed on the map (yet). */
    public Lead(long id, String name, String phone, char gender, int age, String city, String cityHi, String state,
                int cityTier, Product product, IncomeBand income, CreditBand credit, String source, String noteEn,
                String noteHi, Instant createdAt, boolean open, Long assignedTo) {
        this(id, name, phone, gender, age, city, cityHi, state, cityTier, product, income, credit, source, noteEn, noteHi,
                createdAt, open, assignedTo, null);
    }

    public enum IncomeBand { LOW, MID, HIGH }

    public enum CreditBand { NEW, POOR, FAIR, GOOD, EXCELLENT }

    public String firstName() {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    @Override
    public String toString() {
        return "Lead[" + id + ", " + product + ", " + city + "]";
    }
}
