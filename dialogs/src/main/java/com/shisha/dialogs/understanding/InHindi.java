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
    static final String LETTERS = "/names/latin-letters.txt";

    /**
     * Abbreviations a Hindi reader meets in Latin letters on the forms and in the apps themselves, and so reads best
     * as they are printed there; every other one is written out in Devanagari.
     */
    static final java.util.Set<String> AS_PRINTED = java.util.Set.of("OTP", "PIN", "KYC", "EMI", "UPI", "PAN", "CIBIL",
            "SHISHA", "SMS");
    /** Abbreviations said as a word rather than letter by letter. */
    private static final Map<String, String> SAID_AS_WORDS = Map.of("SEBI", "सेबी", "ULIP", "यूलिप", "NABARD", "नाबार्ड");
    /** Capitals standing alone, possibly joined by an ampersand (F&O), and the e of eKYC. */
    private static final Pattern ABBREVIATION = Pattern.compile("(?<![\\p{Alnum}&])(e(?=[A-Z]{2}))?([A-Z]+(?:&[A-Z]+)*)(?![\\p{Alnum}&])");
    private static final Pattern LATIN_WORD = Pattern.compile("(?<![\\p{Alnum}])[A-Za-z]+(?![\\p{Alnum}])");

    private static final InHindi INSTANCE = new InHindi(Gazetteer.india());

    /** ICU documents no thread-safety for a shared rule-based instance; one per thread is cheap. */
    private static final ThreadLocal<Transliterator> ROMANISED = ThreadLocal.withInitial(() ->
            Transliterator.createFromRules("Romanised-Hindi", rules(RULES), Transliterator.FORWARD));
    private static final ThreadLocal<Transliterator> SPELLED = ThreadLocal.withInitial(() ->
            Transliterator.createFromRules("Latin-Letter-Names-Hindi", rules(LETTERS), Transliterator.FORWARD));

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

    /**
     * The abbreviations of {@code hindiText} in Devanagari (FD एफ़डी), but those printed in Latin on the forms
     * (EMI, KYC, PAN); other Latin words are left for the text's authors.
     */
    @Override
    public String abbreviations(String hindiText) {
        if (hindiText == null) {
            return null;
        }
        Matcher m = ABBREVIATION.matcher(hindiText);
        StringBuilder out = new StringBuilder(hindiText.length() + 16);
        Transliterator t = SPELLED.get();
        while (m.find()) {
            String letters = m.group(2);
            if (letters.length() < 2) {
                continue; // a single capital is an answer letter (A, B) or an initial, not an abbreviation
            }
            StringBuilder hi = new StringBuilder(m.group(1) == null ? "" : "ई-");
            for (String part : letters.split("&", -1)) {
                hi.append(hi.isEmpty() || hi.toString().endsWith("-") ? "" : " एंड ");
                hi.append(AS_PRINTED.contains(part) ? part : SAID_AS_WORDS.getOrDefault(part, t.transliterate(part)));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(hi.toString()));
        }
        m.appendTail(out);
        return out.toString();
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

    private static String rules(String resource) {
        try (InputStream in = InHindi.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
