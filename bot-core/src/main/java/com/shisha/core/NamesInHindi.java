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

    /** Each name in the language it is to be read in: as stored for English, in Devanagari for Hindi. */
    static String person(NamesInHindi names, Language language, String name) {
        return language == Language.HI && names != null ? names.person(name) : name;
    }
}
