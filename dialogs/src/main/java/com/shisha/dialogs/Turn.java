package com.shisha.dialogs;

import com.shisha.core.Language;
import com.shisha.core.PartnerProfile;
import com.shisha.core.Product;
import com.shisha.core.dialog.OptOutChange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The working memory of one turn: the input, the slots being filled, and the reply being composed. The state
 * machine's guards read it and its actions write it; the engine turns it into a TurnResult.
 */
final class Turn {

    static final String NAME = "name";
    static final String LANGUAGE = "language";
    static final String CITY = "city";
    /** The city's state and coordinates, from the gazetteer (leads are ranked by distance with them). */
    static final String CITY_STATE = "city.state";
    static final String CITY_LAT = "city.lat";
    static final String CITY_LON = "city.lon";
    static final String PRODUCTS = "products";
    static final String CONFIRMED = "confirmed";
    static final String EDITING = "editing";

    final String text;
    /** The message as typed (or heard), before normalising: the coach and call review want it whole. */
    String raw = "";
    /** Set when the input came from a voice note. */
    com.shisha.core.InboundMessage.Voice voice;
    final String phone;
    final com.shisha.core.Channel channel;
    final JourneyServices services;
    /** Journey changes of this turn, committed with it. */
    final List<com.shisha.core.journey.JourneyEffect> effects = new ArrayList<>();
    /** Set when the turn did journey work: counts as a day of activity (streaks) and evaluates the rules. */
    boolean journeyTouched;
    private java.util.Optional<com.shisha.core.journey.PartnerContext> partner;
    /** Parsed by guards, used by actions: one parse per turn however many guards ask. */
    int chosenOption;
    com.shisha.core.journey.Lead lead;
    boolean leadGone;
    com.shisha.core.journey.JourneyEffect.OutcomeKind outcome;
    java.math.BigDecimal amount;
    /** Answers offered with this turn's reply, to tap instead of type; the last step that offers any wins. */
    com.shisha.core.dialog.Choices choices;
    /** What the understanding step made of the message; null for turns decided before it (a digit on a menu). */
    com.shisha.dialogs.understanding.Understood understood;
    /** The argument of a journey command (TOP city, FOLLOW 2). */
    String argument;
    final Map<String, String> slots;
    private final Catalogue catalogue;
    private final List<String> parts = new ArrayList<>();
    Language language;
    OptOutChange optOutChange = OptOutChange.NONE;
    PartnerProfile confirmedProfile;

    Turn(String text, String phone, Map<String, String> slots, Language language, Catalogue catalogue) {
        this(text, phone, com.shisha.core.Channel.WHATSAPP, null, slots, language, catalogue);
    }

    Turn(String text, String phone, com.shisha.core.Channel channel, JourneyServices services, Map<String, String> slots,
         Language language, Catalogue catalogue) {
        this.text = text;
        this.phone = phone;
        this.channel = channel;
        this.services = services;
        this.slots = new LinkedHashMap<>(slots);
        this.language = language;
        this.catalogue = catalogue;
    }

    private final Map<Object, Boolean> parsed = new java.util.HashMap<>();

    /** Runs a parser at most once per turn, however many guards ask. */
    boolean parsedOnce(Object step, java.util.function.Function<Turn, Boolean> parser) {
        return parsed.computeIfAbsent(step, s -> parser.apply(this));
    }

    /** The onboarded partner, loaded once per turn and only by turns that need it. */
    java.util.Optional<com.shisha.core.journey.PartnerContext> partner() {
        if (partner == null) {
            partner = services == null ? java.util.Optional.empty() : services.journey().partner(phone);
        }
        return partner;
    }

    com.shisha.core.ConversationKey key() {
        return new com.shisha.core.ConversationKey(channel, phone);
    }

    String text(String key, Object... args) {
        return catalogue.text(language, key, args);
    }

    /** Adds text composed elsewhere (already in the partner's language). */
    void sayLine(String line) {
        parts.add(line);
    }

    String catalogueText(Language language, String key, Object... args) {
        return catalogue.text(language, key, args);
    }

    void say(String key, Object... args) {
        parts.add(catalogue.text(language, key, args));
    }

    boolean has(String slot) {
        return slots.containsKey(slot);
    }

    /** The reply: everything said this turn, as one message (one reply per inbound message). */
    List<String> replies() {
        return parts.isEmpty() ? List.of() : List.of(String.join("\n\n", parts));
    }

    List<Product> products() {
        String stored = slots.get(PRODUCTS);
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(Product::valueOf).toList();
    }

    void setCity(com.shisha.dialogs.understanding.Place place) {
        slots.put(CITY, place.name());
        slots.put(CITY_STATE, place.state());
        slots.put(CITY_LAT, Double.toString(place.latitude()));
        slots.put(CITY_LON, Double.toString(place.longitude()));
    }

    /** The partner's city as they read it: in Hindi with its Hindi name, and with its state. */
    String cityName() {
        String city = slots.get(CITY);
        if (city == null) {
            return "";
        }
        String state = slots.get(CITY_STATE);
        // names repeat across states (two Aurangabads): the state tells them apart
        var place = com.shisha.dialogs.understanding.Gazetteer.india().byName(state == null ? city : city + ", " + state);
        return place.map(p -> language == Language.HI && p.nameHi() != null && !p.nameHi().isEmpty()
                ? p.nameHi() + ", " + p.stateHi() : p.name() + ", " + p.state()).orElse(city);
    }

    String productNames() {
        return products().stream().map(p -> catalogue.text(language, "product." + p.name()))
                .collect(Collectors.joining(", "));
    }

    PartnerProfile profile() {
        return new PartnerProfile(phone, slots.get(NAME), language, slots.get(CITY), products());
    }
}
