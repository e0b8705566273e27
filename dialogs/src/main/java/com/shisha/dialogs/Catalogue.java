package com.shisha.dialogs;

import com.shisha.core.Language;

import com.ibm.icu.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text the bot says, per language (i18n/messages_LANG.properties, UTF-8). ICU's MessageFormat, for its plural
 * rules: "1 day", "2 days" in English, and whatever Hindi needs, from one pattern per language.
 */
public final class Catalogue {

    static final String SPOKEN = "spoken.";

    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);

    public Catalogue() {
        for (Language language : Language.values()) {
            // Java 9+ reads .properties bundles as UTF-8, which the Devanagari texts need
            bundles.put(language, ResourceBundle.getBundle("i18n/messages", language.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
    }

    public String text(Language language, String key, Object... args) {
        return text(language, false, key, args);
    }

    /**
     * @param spoken the text is heard on a phone call: where the catalogue has a {@code spoken.} variant of the key
     *               (instructions for a keypad instead of a keyboard, lists said rather than shown), that one
     */
    public String text(Language language, boolean spoken, String key, Object... args) {
        String pattern;
        try {
            ResourceBundle bundle = bundles.get(language);
            pattern = spoken && bundle.containsKey(SPOKEN + key) ? bundle.getString(SPOKEN + key) : bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("message '" + key + "' is missing for " + language, e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }

    /** Every key of the language's texts. */
    java.util.Set<String> keys(Language language) {
        return bundles.get(language).keySet();
    }

    /** Fails fast at start-up if a key exists in one language and not in the other. */
    public void verifyComplete() {
        for (Language a : Language.values()) {
            for (Language b : Language.values()) {
                for (String key : bundles.get(a).keySet()) {
                    if (!bundles.get(b).containsKey(key)) {
                        throw new IllegalStateException("message '" + key + "' exists in " + a + " but not in " + b);
                    }
                }
            }
        }
    }
}
