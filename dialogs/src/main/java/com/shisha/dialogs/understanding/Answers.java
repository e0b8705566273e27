package com.shisha.dialogs.understanding;

import com.shisha.core.Language;
import com.shisha.core.Product;

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
 * Closed answers, read exactly: a quiz option, a yes or no, a language, products, a number from a list, Twilio's
 * opt-out and opt-in words. These need no classifier; open answers (names, cities, amounts, outcomes, commands)
 * are the {@link Understanding}'s.
 */
public final class Answers {

    private Answers() {
    }

    /** BACK from a lead to the list. */
    private static final Set<String> BACK_WORDS = Set.of("back", "wapas", "vapas", "वापस", "peeche", "पीछे");

    public static boolean isBack(String normalised) {
        List<String> w = words(normalised);
        return w.size() == 1 && BACK_WORDS.contains(w.get(0));
    }

    private static final Map<String, Integer> OPTION_LETTERS = Map.of("a", 0, "b", 1, "c", 2, "d", 3,
            "क", 0, "ख", 1, "ग", 2, "घ", 3);
    /** Words too common to tell options apart. */
    private static final Set<String> FILLER = Set.of("the", "a", "an", "of", "to", "and", "or", "is", "it", "in", "on", "for",
            "with", "at", "by", "be", "only", "all", "no", "not", "का", "की", "के", "को", "में", "से", "है", "और", "या", "पर");

    /**
     * A quiz answer: a letter (A-D, or क ख ग घ), a number 1-4, or the option's words. Words pick the option
     * sharing the most meaningful words with the input, only when exactly one option leads.
     */
    public static Optional<Integer> option(String normalised, List<String> options) {
        List<String> w = words(normalised);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        if (w.size() == 1) {
            String only = w.get(0);
            if (OPTION_LETTERS.containsKey(only)) {
                return Optional.of(OPTION_LETTERS.get(only));
            }
            if (only.matches("[1-4]")) {
                return Optional.of(only.charAt(0) - '1');
            }
        }
        Set<String> said = new java.util.HashSet<>(w);
        said.removeAll(FILLER);
        int best = -1;
        int bestScore = 0;
        boolean tie = false;
        for (int i = 0; i < options.size(); i++) {
            Set<String> optionWords = new java.util.HashSet<>(words(normalise(options.get(i))));
            optionWords.removeAll(FILLER);
            int size = optionWords.size();
            optionWords.retainAll(said);
            // one shared word ("not", "sure") is chance unless it is the whole option: "I am not sure" picks nothing
            int score = optionWords.size() >= 2 || optionWords.size() == size ? optionWords.size() : 0;
            if (score > bestScore) {
                best = i;
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        return best >= 0 && !tie ? Optional.of(best) : Optional.empty();
    }

    /** Twilio's opt-out words. They opt a number out whatever step the dialog is in. */
    private static final Set<String> STOP_WORDS = Set.of("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout");
    private static final Set<String> START_WORDS = Set.of("start", "unstop", "shuru", "शुरू");
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
    
    /** Trims, collapses spaces, turns Devanagari digits into ASCII and drops characters outside letters/digits/punctuation (emoji). */
    public static String normalise(String raw) {
        return Keys.fold(raw, (out, cp) -> {
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK || Character.isWhitespace(cp)
                    || ".,'-&/()".indexOf(cp) >= 0) {
                out.appendCodePoint(cp);
            } else {
                out.append(' ');
            }
        });
    }

    public static List<String> words(String normalised) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(normalised.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Numbers as a recogniser writes them ("two", "दो"): a spoken menu choice or option reads like a typed digit. */
    public static final List<String> NUMBER_WORDS_EN = List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
    public static final List<String> NUMBER_WORDS_HI = List.of("एक", "दो", "तीन", "चार", "पांच", "छह", "सात", "आठ", "नौ", "दस");

    public static Optional<String> spokenNumber(String normalised) {
        int en = NUMBER_WORDS_EN.indexOf(normalised.toLowerCase(Locale.ROOT));
        int hi = NUMBER_WORDS_HI.indexOf(normalised.replace("पाँच", "पांच"));
        int n = Math.max(en, hi);
        return n < 0 ? Optional.empty() : Optional.of(Integer.toString(n + 1));
    }

    /** One of Twilio's opt-out words, alone: it opts the number out whatever the step. */
    public static boolean isOptOut(String normalised) {
        List<String> w = words(normalised);
        return w.size() == 1 && STOP_WORDS.contains(w.get(0));
    }

    /** Twilio also accepts YES and UNSTOP to opt back in; YES counts only while opted out. */
    public static boolean isOptIn(String normalised) {
        List<String> w = words(normalised);
        return w.size() == 1 && (START_WORDS.contains(w.get(0)) || w.get(0).equals("yes"));
    }

    public static Optional<Boolean> yesNo(String normalised) {
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

    public static Optional<Language> language(String normalised) {
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
    public static Optional<Set<com.shisha.core.Product>> products(String normalised) {
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

    /** Menu choice 1..max, by digit. */
    public static Optional<Integer> choice(String normalised, int max) {
        List<String> w = words(normalised);
        if (w.size() != 1 || !w.get(0).matches("[0-9]{1,2}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(w.get(0));
        return n >= 1 && n <= max ? Optional.of(n) : Optional.empty();
    }
}
