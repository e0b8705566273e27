package com.shisha.dialogs.onboarding;

import com.shisha.core.Language;
import com.shisha.core.PartnerProfile;
import com.shisha.core.Product;
import com.shisha.dialogs.understanding.Place;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What onboarding has learnt about the partner so far, kept in the conversation's slots. It guards its own moves:
 * a profile is confirmed only when complete, a city only comes from the gazetteer (with its state and coordinates),
 * and editing a field clears it and the confirmation together.
 *
 * @param city  the gazetteer's canonical name; {@code state}, {@code latitude}, {@code longitude} come with it
 */
public record Profile(String name, Language language, String city, String state, Double latitude, Double longitude,
                      List<Product> products, boolean confirmed, boolean editing) {

    /** The onboarding questions, in the order they are asked. */
    public enum Field { NAME, LANGUAGE, CITY, PRODUCTS }

    static final String NAME = "name";
    static final String LANGUAGE = "language";
    static final String CITY = "city";
    static final String CITY_STATE = "city.state";
    static final String CITY_LAT = "city.lat";
    static final String CITY_LON = "city.lon";
    static final String PRODUCTS = "products";
    static final String CONFIRMED = "confirmed";
    static final String EDITING = "editing";

    public Profile {
        products = products == null ? List.of() : List.copyOf(products);
    }

    public static Profile of(Map<String, String> slots) {
        String products = slots.get(PRODUCTS);
        return new Profile(slots.get(NAME), slots.containsKey(LANGUAGE) ? Language.fromCode(slots.get(LANGUAGE)) : null,
                slots.get(CITY), slots.get(CITY_STATE), number(slots.get(CITY_LAT)), number(slots.get(CITY_LON)),
                products == null || products.isEmpty() ? List.of()
                        : Arrays.stream(products.split(",")).map(Product::valueOf).toList(),
                "true".equals(slots.get(CONFIRMED)), "true".equals(slots.get(EDITING)));
    }

    /** A profile set up elsewhere (the app, the portal, another channel), taken over as confirmed. */
    public static Profile adopted(String name, Language language, String city, List<Product> products) {
        return new Profile(name, language, city, null, null, null, products, true, false);
    }

    public void writeTo(Map<String, String> slots) {
        put(slots, NAME, name);
        put(slots, LANGUAGE, language == null ? null : language.code());
        put(slots, CITY, city);
        put(slots, CITY_STATE, state);
        put(slots, CITY_LAT, latitude == null ? null : latitude.toString());
        put(slots, CITY_LON, longitude == null ? null : longitude.toString());
        put(slots, PRODUCTS, products.isEmpty() ? null : products.stream().map(Enum::name).collect(Collectors.joining(",")));
        put(slots, CONFIRMED, confirmed ? "true" : null);
        put(slots, EDITING, editing ? "true" : null);
    }

    public Profile withName(String to) {
        return new Profile(to, language, city, state, latitude, longitude, products, confirmed, editing);
    }

    public Profile withLanguage(Language to) {
        return new Profile(name, to, city, state, latitude, longitude, products, confirmed, editing);
    }

    public Profile withCity(Place place) {
        return new Profile(name, language, place.name(), place.state(), place.latitude(), place.longitude(), products,
                confirmed, editing);
    }

    public Profile withProducts(List<Product> to) {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a partner sells at least one product");
        }
        return new Profile(name, language, city, state, latitude, longitude, to, confirmed, editing);
    }

    /** The first question still unanswered. */
    public Optional<Field> missing() {
        if (name == null) {
            return Optional.of(Field.NAME);
        }
        if (language == null) {
            return Optional.of(Field.LANGUAGE);
        }
        if (city == null) {
            return Optional.of(Field.CITY);
        }
        return products.isEmpty() ? Optional.of(Field.PRODUCTS) : Optional.empty();
    }

    public Profile confirm() {
        if (missing().isPresent()) {
            throw new IllegalStateException("a profile without " + missing().get() + " cannot be confirmed");
        }
        return new Profile(name, language, city, state, latitude, longitude, products, true, false);
    }

    /** NO at the summary: which field to change is asked next. */
    public Profile startEditing() {
        if (confirmed) {
            throw new IllegalStateException("a confirmed profile is changed in the app or the portal, not here");
        }
        return new Profile(name, language, city, state, latitude, longitude, products, false, true);
    }

    /** Clears the field to change; the question is asked again, then the summary. */
    public Profile edit(Field field) {
        if (!editing) {
            throw new IllegalStateException("not editing");
        }
        return new Profile(field == Field.NAME ? null : name, field == Field.LANGUAGE ? null : language,
                field == Field.CITY ? null : city, field == Field.CITY ? null : state,
                field == Field.CITY ? null : latitude, field == Field.CITY ? null : longitude,
                field == Field.PRODUCTS ? List.of() : products, false, false);
    }

    public PartnerProfile toPartnerProfile(String phone, Language fallback) {
        return new PartnerProfile(phone, name, language == null ? fallback : language, city, products, state, latitude,
                longitude);
    }

    private static Double number(String s) {
        return s == null ? null : Double.valueOf(s);
    }

    private static void put(Map<String, String> slots, String key, String value) {
        if (value == null) {
            slots.remove(key);
        } else {
            slots.put(key, value);
        }
    }
}
