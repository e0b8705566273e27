package com.shisha.dialogs.understanding;

import com.ibm.icu.text.Transliterator;
import com.shisha.core.Language;
import com.shisha.core.NamesInHindi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of people and places in Devanagari for Hindi replies. Places come from the gazetteer's Hindi names
 * (its data); a person's name, and a place it does not know, is transliterated from romanised Hindi by the ICU
 * rules of {@code names/romanised-hindi.txt}, since a Hindi reader would stumble over "Deepak" in a Hindi line.
 */
public final class InHindi implements NamesInHindi {

    static final String RULES = "/names/romanised-hindi.txt";
    private static final Pattern LATIN_WORD = Pattern.compile("(?<![\\p{Alnum}])[A-Za-z]+(?![\\p{Alnum}])");

    private static final InHindi INSTANCE = new InHindi(Gazetteer.india());

    /** ICU documents no thread-safety for a shared rule-based instance; one per thread is cheap. */
    private static final ThreadLocal<Transliterator> ROMANISED = ThreadLocal.withInitial(() ->
            Transliterator.createFromRules("Romanised-Hindi", rules(), Transliterator.FORWARD));

    private final Gazetteer gazetteer;
    private final Map<String, String> states = new HashMap<>();

    InHindi(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        for (Place p : gazetteer.places()) {
            if (p.stateHi() != null && !p.stateHi().isBlank()) {
                states.putIfAbsent(p.state().toLowerCase(Locale.ROOT), p.stateHi());
            }
        }
    }

    /** Over the gazetteer of India. */
    public static InHindi india() {
        return INSTANCE;
    }

    /** A person's name as a reader of {@code language} reads it: in Devanagari for Hindi, as stored otherwise. */
    public static String person(Language language, String name) {
        return language == Language.HI ? INSTANCE.person(name) : name;
    }

    /** A city as a reader of {@code language} reads it. */
    public static String place(Language language, String city, String state) {
        return language == Language.HI ? INSTANCE.place(city, state) : city;
    }

    /** A state as a reader of {@code language} reads it. */
    public static String state(Language language, String state) {
        return language == Language.HI ? INSTANCE.state(state) : state;
    }

    @Override
    public String person(String name) {
        return transliterate(name);
    }

    @Override
    public String place(String city, String state) {
        if (city == null || city.isBlank()) {
            return city;
        }
        Optional<Place> place = state == null || state.isBlank() ? Optional.empty() : gazetteer.byName(city.trim() + ", " + state.trim());
        return place.or(() -> gazetteer.byName(city.trim()))
                .map(Place::nameHi)
                .filter(hi -> !hi.isBlank())
                .orElseGet(() -> transliterate(city));
    }

    @Override
    public String state(String state) {
        if (state == null || state.isBlank()) {
            return state;
        }
        String hi = states.get(state.trim().toLowerCase(Locale.ROOT));
        return hi != null ? hi : transliterate(state);
    }

    /** Every Latin word of {@code text} in Devanagari; anything else (spaces, dots, Devanagari, "2nd") as it is. */
    static String transliterate(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = LATIN_WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 8);
        Transliterator t = ROMANISED.get();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(t.transliterate(m.group().toLowerCase(Locale.ROOT))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String rules() {
        try (InputStream in = InHindi.class.getResourceAsStream(RULES)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RULES);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
