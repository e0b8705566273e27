package com.shisha.dialogs;

import com.shisha.core.Language;
import com.shisha.core.Product;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what partners type, in English, Hindi or Hinglish: Devanagari digits, a few spellings of each word,
 * stray punctuation and emoji. Everything here is pure and unit-tested.
 */
final class Input {

    private Input() {
    }

    enum Command { HELP, MENU, LANGUAGE, STOP, START }

    /** Twilio's opt-out words. They opt a number out whatever step the dialog is in. */
    private static final Set<String> STOP_WORDS = Set.of("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout");
    private static final Set<String> START_WORDS = Set.of("start", "unstop", "shuru", "शुरू");
    private static final Map<String, Command> COMMANDS = Map.ofEntries(
            Map.entry("help", Command.HELP), Map.entry("madad", Command.HELP), Map.entry("मदद", Command.HELP),
            Map.entry("menu", Command.MENU), Map.entry("मेनू", Command.MENU), Map.entry("मेन्यू", Command.MENU),
            Map.entry("language", Command.LANGUAGE), Map.entry("bhasha", Command.LANGUAGE), Map.entry("भाषा", Command.LANGUAGE));

    private static final Set<String> YES = Set.of("yes", "y", "yeah", "yep", "ok", "okay", "correct", "right", "sahi", "haan", "han",
            "haa", "ha", "hanji", "haanji", "ji", "theek", "thik", "1", "हाँ", "हां", "हा", "जी", "हाँजी", "सही", "ठीक");
    private static final Set<String> NO = Set.of("no", "n", "nope", "wrong", "nahi", "nahin", "nhi", "na", "galat", "change", "edit",
            "2", "नहीं", "नही", "ना", "गलत", "बदलें");

    private static final Map<String, Product> PRODUCT_WORDS = Map.ofEntries(
            Map.entry("loan", Product.LOANS), Map.entry("loans", Product.LOANS), Map.entry("karz", Product.LOANS),
            Map.entry("karza", Product.LOANS), Map.entry("rin", Product.LOANS), Map.entry("लोन", Product.LOANS),
            Map.entry("ऋण", Product.LOANS), Map.entry("कर्ज", Product.LOANS), Map.entry("कर्ज़", Product.LOANS),
            Map.entry("credit", Product.CREDIT_CARDS), Map.entry("card", Product.CREDIT_CARDS), Map.entry("cards", Product.CREDIT_CARDS),
            Map.entry("creditcard", Product.CREDIT_CARDS), Map.entry("क्रेडिट", Product.CREDIT_CARDS), Map.entry("कार्ड", Product.CREDIT_CARDS),
            Map.entry("insurance", Product.INSURANCE), Map.entry("bima", Product.INSURANCE), Map.entry("beema", Product.INSURANCE),
            Map.entry("बीमा", Product.INSURANCE), Map.entry("इंश्योरेंस", Product.INSURANCE),
            Map.entry("savings", Product.SAVINGS_ACCOUNTS), Map.entry("saving", Product.SAVINGS_ACCOUNTS),
            Map.entry("account", Product.SAVINGS_ACCOUNTS), Map.entry("bachat", Product.SAVINGS_ACCOUNTS),
            Map.entry("बचत", Product.SAVINGS_ACCOUNTS), Map.entry("सेविंग", Product.SAVINGS_ACCOUNTS), Map.entry("सेविंग्स", Product.SAVINGS_ACCOUNTS),
            Map.entry("खाता", Product.SAVINGS_ACCOUNTS),
            Map.entry("demat", Product.DEMAT), Map.entry("डीमैट", Product.DEMAT), Map.entry("डिमैट", Product.DEMAT),
            Map.entry("shares", Product.DEMAT), Map.entry("trading", Product.DEMAT));
    private static final Set<String> ALL_WORDS = Set.of("all", "sab", "sabhi", "saare", "sare", "सब", "सभी", "सारे");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    /** Trims, collapses spaces, turns Devanagari digits into ASCII and drops characters outside letters/digits/punctuation (emoji). */
    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp >= '०' && cp <= '९') {
                out.append((char) ('0' + (cp - '०')));
            } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK || Character.isWhitespace(cp)
                    || ".,'-&/()".indexOf(cp) >= 0) {
                out.appendCodePoint(cp);
            } else {
                out.append(' ');
            }
        });
        return out.toString().replaceAll("\\s+", " ").trim();
    }

    static List<String> words(String normalised) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(normalised.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    static Optional<Command> command(String normalised) {
        List<String> w = words(normalised);
        if (w.size() != 1) {
            return Optional.empty();
        }
        String word = w.get(0);
        if (STOP_WORDS.contains(word)) {
            return Optional.of(Command.STOP);
        }
        if (START_WORDS.contains(word)) {
            return Optional.of(Command.START);
        }
        return Optional.ofNullable(COMMANDS.get(word));
    }

    /** Twilio also accepts YES and UNSTOP to opt back in; YES counts only while opted out. */
    static boolean isOptIn(String normalised) {
        List<String> w = words(normalised);
        return w.size() == 1 && (START_WORDS.contains(w.get(0)) || w.get(0).equals("yes"));
    }

    static Optional<Boolean> yesNo(String normalised) {
        List<String> w = words(normalised);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        String joined = String.join("", w);
        if (YES.contains(joined) || YES.contains(w.get(0)) && w.size() <= 3 && w.stream().noneMatch(NO::contains)) {
            return Optional.of(true);
        }
        if (NO.contains(joined) || NO.contains(w.get(0)) && w.size() <= 3) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    static Optional<Language> language(String normalised) {
        List<String> w = words(normalised);
        if (w.size() != 1 && w.size() != 2) {
            return Optional.empty();
        }
        String first = w.get(0);
        switch (first) {
            case "1", "english", "eng", "en", "angrezi", "angreji", "अंग्रेज़ी", "अंग्रेजी", "इंग्लिश" -> {
                return Optional.of(Language.EN);
            }
            case "2", "hindi", "hi", "हिंदी", "हिन्दी" -> {
                return Optional.of(Language.HI);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** Products by number (1-5, any separators), by word, or "all". Empty when nothing valid, or an invalid number is given. */
    static Optional<Set<com.shisha.core.Product>> products(String normalised) {
        List<String> w = words(normalised);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        Set<Product> chosen = EnumSet.noneOf(Product.class); // menu order, however they were typed
        Product[] all = Product.values();
        for (String word : w) {
            if (ALL_WORDS.contains(word)) {
                chosen.addAll(EnumSet.allOf(Product.class));
            } else if (word.chars().allMatch(Character::isDigit)) {
                // "13" typed without a separator means 1 and 3
                for (char c : word.toCharArray()) {
                    int n = c - '0';
                    if (n < 1 || n > all.length) {
                        return Optional.empty();
                    }
                    chosen.add(all[n - 1]);
                }
            } else if (PRODUCT_WORDS.containsKey(word)) {
                chosen.add(PRODUCT_WORDS.get(word));
            }
        }
        return chosen.isEmpty() ? Optional.empty() : Optional.of(chosen);
    }

    /** A name: 1 to 60 characters with at least one letter, not a command-like single digit. */
    static Optional<String> name(String normalised) {
        String s = normalised.trim();
        if (s.isEmpty() || s.length() > 60 || !LETTER.matcher(s).find()) {
            return Optional.empty();
        }
        return Optional.of(capitalise(s));
    }

    static Optional<String> city(String normalised) {
        String s = normalised.trim();
        long letters = s.codePoints().filter(Character::isLetter).count();
        if (letters < 2 || s.length() > 60) {
            return Optional.empty();
        }
        return Optional.of(capitalise(s));
    }

    /** Menu choice 1..max, by digit. */
    static Optional<Integer> choice(String normalised, int max) {
        List<String> w = words(normalised);
        if (w.size() != 1 || !w.get(0).matches("[0-9]{1,2}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(w.get(0));
        return n >= 1 && n <= max ? Optional.of(n) : Optional.empty();
    }

    private static String capitalise(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return out.toString();
    }
}
