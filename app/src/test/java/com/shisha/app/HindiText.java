package com.shisha.app;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What text written for a Hindi reader may carry in Latin script: the partner reads Devanagari, so every other Latin
 * word is an English leftover (a name not transliterated, a catalogue text not translated). Shared by the checks of
 * the conversations, the portal's Hindi pages and the API's Hindi text fields.
 */
final class HindiText {

    private HindiText() {
    }

    /**
     * Names that are written in Latin script in Hindi too: the product, the company, the channels, and the services
     * the privacy text must name exactly.
     */
    static final Set<String> BRANDS = Set.of("SHISHA", "GroMo", "WhatsApp", "SMS", "Twilio", "Firebase");

    /** Abbreviations printed in Latin letters on Indian forms, apps and bank messages, and read out as such. */
    static final Set<String> FORM_ABBREVIATIONS = Set.of("OTP", "PIN", "KYC", "EMI", "UPI", "PAN", "CIBIL");

    /**
     * What the partner is asked to type: the commands the bot reads in Latin on every screen (a Hindi phone
     * keyboard types them too), the quiz's answer letters, and the other language offered by its own name.
     */
    static final Set<String> TYPED = Set.of("MENU", "QUIZ", "LEADS", "PROGRESS", "TOP", "TIPS", "FOLLOW", "UNFOLLOW",
            "COACH", "REVIEW", "HELP", "MORE", "YES", "NO", "STOP", "START", "LANGUAGE", "BACK", "AGENT",
            "A", "B", "C", "D", "English");

    static final Set<String> ALLOWED = union(BRANDS, FORM_ABBREVIATIONS, TYPED);

    /** The name an English text gives the Hindi option, in its own script: it alone does not make a text Hindi. */
    private static final String HINDI_BY_ITS_NAME = "हिंदी";

    /** A Latin word standing alone: letters glued to digits are an amount as typed ("25k"), not a word. */
    private static final Pattern LATIN_WORD = Pattern.compile("(?<![\\p{Alnum}])[A-Za-z][A-Za-z']*(?![\\p{Alnum}])");
    /** Addresses, not words: links, tel: and mailto: targets, e-mail addresses. */
    private static final Pattern ADDRESS = Pattern.compile("(?:https?://|tel:|mailto:|wa\\.me/)\\S+|\\S+@\\S+\\.\\S+");

    /** Whether {@code text} is written in Hindi: it has Devanagari besides the name English texts give Hindi. */
    static boolean isHindi(String text) {
        if (text == null) {
            return false;
        }
        return text.replace(HINDI_BY_ITS_NAME, "").codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.DEVANAGARI && Character.isLetter(c));
    }

    /** The Latin words of {@code text} outside the allow-list and outside {@code alsoAllowed}, sorted. */
    static Set<String> latinWords(String text, Collection<String> alsoAllowed) {
        Set<String> found = new TreeSet<>();
        if (text == null) {
            return found;
        }
        Matcher m = LATIN_WORD.matcher(ADDRESS.matcher(text).replaceAll(" "));
        while (m.find()) {
            if (!ALLOWED.contains(m.group()) && !alsoAllowed.contains(m.group())) {
                found.add(m.group());
            }
        }
        return found;
    }

    static Set<String> latinWords(String text) {
        return latinWords(text, List.of());
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
