package com.shisha.dialogs.understanding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The 28 states and 8 union territories by the names and short forms partners write after a city ("Lucknow UP",
 * "Indore MP", "Pune Maharashtra"). Hindi names come with the gazetteer data; Devanagari input is romanised before
 * it gets here, so मध्य प्रदेश arrives as "madhya pradesh".
 */
final class IndianStates {

    private IndianStates() {
    }

    /** English name as in the data file, then what else people call it. */
    static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("Andaman and Nicobar Islands", List.of("andaman and nicobar", "andaman nicobar", "andaman")),
            Map.entry("Andhra Pradesh", List.of("andhra", "ap")),
            Map.entry("Arunachal Pradesh", List.of("arunachal")),
            Map.entry("Assam", List.of()),
            Map.entry("Bihar", List.of()),
            Map.entry("Chandigarh", List.of()),
            Map.entry("Chhattisgarh", List.of("cg", "chhatisgarh")),
            Map.entry("Dadra and Nagar Haveli and Daman and Diu",
                    List.of("dadra and nagar haveli", "dadra nagar haveli", "dnh", "daman and diu")),
            Map.entry("Delhi", List.of("nct of delhi")),
            Map.entry("Goa", List.of()),
            Map.entry("Gujarat", List.of("gujrat", "gj")),
            Map.entry("Haryana", List.of("hariyana", "hr")),
            Map.entry("Himachal Pradesh", List.of("himachal", "hp")),
            Map.entry("Jammu and Kashmir", List.of("jammu kashmir", "jk", "kashmir")),
            Map.entry("Jharkhand", List.of()),
            Map.entry("Karnataka", List.of("karnatak")),
            Map.entry("Kerala", List.of("kl")),
            Map.entry("Ladakh", List.of()),
            Map.entry("Lakshadweep", List.of()),
            Map.entry("Madhya Pradesh", List.of("mp", "madhyapradesh")),
            Map.entry("Maharashtra", List.of("mh", "maharastra")),
            Map.entry("Manipur", List.of()),
            Map.entry("Meghalaya", List.of()),
            Map.entry("Mizoram", List.of()),
            Map.entry("Nagaland", List.of()),
            Map.entry("Odisha", List.of("orissa", "odisa")),
            Map.entry("Puducherry", List.of("pondicherry", "pondy")),
            Map.entry("Punjab", List.of("pb")),
            Map.entry("Rajasthan", List.of("rj")),
            Map.entry("Sikkim", List.of()),
            Map.entry("Tamil Nadu", List.of("tamilnadu", "tn")),
            Map.entry("Telangana", List.of("telengana", "ts", "tg")),
            Map.entry("Tripura", List.of()),
            Map.entry("Uttar Pradesh", List.of("up", "uttarpradesh")),
            Map.entry("Uttarakhand", List.of("uttaranchal", "uttrakhand")),
            Map.entry("West Bengal", List.of("bengal", "wb", "paschim bangal", "pashchim banga")));

    private static final Map<String, String> BY_LETTERS = new HashMap<>();
    private static final Map<String, String> BY_KEY = new HashMap<>();

    static {
        ALIASES.forEach((state, aliases) -> {
            index(state, state);
            aliases.forEach(a -> index(a, state));
        });
    }

    private static void index(String name, String state) {
        String letters = String.join("", PlaceKeys.words(name));
        BY_LETTERS.put(letters, state);
        // "mh" or "up" are read only as written; a key is for names long enough to be misspelt
        if (letters.length() >= 5) {
            BY_KEY.put(PlaceKeys.keyOfLetters(letters), state);
        }
    }

    /**
     * The state that {@code letters} (a phrase's words run together) names, or null. A misspelt state name is
     * not one when the letters spell a place exactly (Manikpur is a town, not Manipur).
     */
    static String find(String letters, Predicate<String> isPlaceKey) {
        String s = BY_LETTERS.get(letters);
        if (s != null || letters.length() < 5) {
            return s;
        }
        String key = PlaceKeys.keyOfLetters(letters);
        s = BY_KEY.get(key);
        if (s != null || key.length() < 8 || isPlaceKey.test(key)) {
            return s;
        }
        for (Map.Entry<String, String> e : BY_KEY.entrySet()) {
            if (e.getKey().charAt(0) == key.charAt(0) && PlaceKeys.distance(e.getKey(), key, 1) <= 1) {
                return e.getValue();
            }
        }
        return null;
    }
}
