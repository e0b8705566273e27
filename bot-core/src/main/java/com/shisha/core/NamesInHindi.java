package com.shisha.core;

/**
 * Names of people and places written for a partner who reads Hindi: what is stored in English ("Deepak Sandhu",
 * "Kanpur", "Uttar Pradesh") shown in Devanagari. The gazetteer's data and a transliteration answer it (dialogs);
 * the API asks it, without knowing either.
 */
public interface NamesInHindi {

    /** A person's name in Devanagari; a name already in Devanagari, or empty, comes back as it is. */
    String person(String name);

    /** A city or town; {@code state} may be null and tells apart towns that share a name. */
    String place(String city, String state);

    /** A state or union territory by its English name. */
    String state(String state);

    /** A catalogue text written in Hindi with the abbreviations of its English source in Devanagari (FD एफ़डी). */
    String abbreviations(String hindiText);

    /** Each text as a reader of {@code language} reads it: as stored for English, as above for Hindi. */
    default String person(Language language, String name) {
        return language == Language.HI ? person(name) : name;
    }

    default String place(Language language, String city, String state) {
        return language == Language.HI ? place(city, state) : city;
    }

    default String state(Language language, String state) {
        return language == Language.HI ? state(state) : state;
    }

    default String abbreviations(Language language, String text) {
        return language == Language.HI ? abbreviations(text) : text;
    }
}
