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

    /** Journey commands; TOP, FOLLOW and UNFOLLOW take an argument (a city, a list number or a name). */
    enum JourneyCommand { QUIZ, LEADS, PROGRESS, TOP, TIPS, FOLLOW, UNFOLLOW, MORE, BACK, COACH, REVIEW }

    record Journey(JourneyCommand command, String argument) {
    }

    private static final Map<String, JourneyCommand> JOURNEY_WORDS = Map.ofEntries(
            Map.entry("quiz", JourneyCommand.QUIZ), Map.entry("क्विज़", JourneyCommand.QUIZ), Map.entry("क्विज", JourneyCommand.QUIZ),
            Map.entry("test", JourneyCommand.QUIZ), Map.entry("टेस्ट", JourneyCommand.QUIZ),
            Map.entry("leads", JourneyCommand.LEADS), Map.entry("lead", JourneyCommand.LEADS), Map.entry("लीड", JourneyCommand.LEADS),
            Map.entry("लीड्स", JourneyCommand.LEADS),
            Map.entry("progress", JourneyCommand.PROGRESS), Map.entry("pragati", JourneyCommand.PROGRESS),
            Map.entry("प्रगति", JourneyCommand.PROGRESS), Map.entry("score", JourneyCommand.PROGRESS), Map.entry("स्कोर", JourneyCommand.PROGRESS),
            Map.entry("top", JourneyCommand.TOP), Map.entry("टॉप", JourneyCommand.TOP), Map.entry("leaderboard", JourneyCommand.TOP),
            Map.entry("tips", JourneyCommand.TIPS), Map.entry("tip", JourneyCommand.TIPS), Map.entry("टिप्स", JourneyCommand.TIPS),
            Map.entry("सुझाव", JourneyCommand.TIPS),
            Map.entry("follow", JourneyCommand.FOLLOW), Map.entry("फ़ॉलो", JourneyCommand.FOLLOW), Map.entry("फॉलो", JourneyCommand.FOLLOW),
            Map.entry("unfollow", JourneyCommand.UNFOLLOW), Map.entry("अनफ़ॉलो", JourneyCommand.UNFOLLOW),
            Map.entry("अनफॉलो", JourneyCommand.UNFOLLOW),
            Map.entry("more", JourneyCommand.MORE), Map.entry("aur", JourneyCommand.MORE), Map.entry("और", JourneyCommand.MORE),
            Map.entry("aage", JourneyCommand.MORE), Map.entry("आगे", JourneyCommand.MORE),
            Map.entry("coach", JourneyCommand.COACH), Map.entry("कोच", JourneyCommand.COACH),
            Map.entry("review", JourneyCommand.REVIEW), Map.entry("रिव्यू", JourneyCommand.REVIEW),
            Map.entry("समीक्षा", JourneyCommand.REVIEW),
            Map.entry("back", JourneyCommand.BACK), Map.entry("wapas", JourneyCommand.BACK), Map.entry("vapas", JourneyCommand.BACK),
            Map.entry("वापस", JourneyCommand.BACK), Map.entry("peeche", JourneyCommand.BACK), Map.entry("पीछे", JourneyCommand.BACK));
    private static final Set<JourneyCommand> WITH_ARGUMENT = EnumSet.of(JourneyCommand.TOP, JourneyCommand.FOLLOW, JourneyCommand.UNFOLLOW);

    /** "QUIZ", "top indore", "follow 2", "FOLLOW Sunita Verma": the first word decides, the rest is the argument. */
    static Optional<Journey> journey(String normalised) {
        List<String> w = words(normalised);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        JourneyCommand command = JOURNEY_WORDS.get(w.get(0));
        if (command == null || w.size() > 1 && !WITH_ARGUMENT.contains(command) || w.size() > 5) {
            return Optional.empty();
        }
        String argument = w.size() == 1 ? "" : normalised.substring(normalised.indexOf(' ') + 1).trim();
        return Optional.of(new Journey(command, argument));
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
    static Optional<Integer> option(String normalised, List<String> options) {
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
            optionWords.retainAll(said);
            int score = optionWords.size();
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

    private static final Map<String, com.shisha.core.journey.JourneyEffect.OutcomeKind> OUTCOME_WORDS = Map.ofEntries(
            Map.entry("called", com.shisha.core.journey.JourneyEffect.OutcomeKind.CALLED),
            Map.entry("call", com.shisha.core.journey.JourneyEffect.OutcomeKind.CALLED),
            Map.entry("कॉल", com.shisha.core.journey.JourneyEffect.OutcomeKind.CALLED),
            Map.entry("interested", com.shisha.core.journey.JourneyEffect.OutcomeKind.INTERESTED),
            Map.entry("ruchi", com.shisha.core.journey.JourneyEffect.OutcomeKind.INTERESTED),
            Map.entry("रुचि", com.shisha.core.journey.JourneyEffect.OutcomeKind.INTERESTED),
            Map.entry("sold", com.shisha.core.journey.JourneyEffect.OutcomeKind.SOLD),
            Map.entry("sale", com.shisha.core.journey.JourneyEffect.OutcomeKind.SOLD),
            Map.entry("bik", com.shisha.core.journey.JourneyEffect.OutcomeKind.SOLD),
            Map.entry("becha", com.shisha.core.journey.JourneyEffect.OutcomeKind.SOLD),
            Map.entry("बिक", com.shisha.core.journey.JourneyEffect.OutcomeKind.SOLD),
            Map.entry("बेचा", com.shisha.core.journey.JourneyEffect.OutcomeKind.SOLD),
            Map.entry("wrong", com.shisha.core.journey.JourneyEffect.OutcomeKind.WRONG_NUMBER),
            Map.entry("galat", com.shisha.core.journey.JourneyEffect.OutcomeKind.WRONG_NUMBER),
            Map.entry("गलत", com.shisha.core.journey.JourneyEffect.OutcomeKind.WRONG_NUMBER));
    private static final Set<String> NEGATIONS = Set.of("not", "no", "nahi", "nahin", "nhi", "नहीं", "नही");

    /** How a lead went: 1-5 or words ("not interested", "bik gaya", "galat number"). */
    static Optional<com.shisha.core.journey.JourneyEffect.OutcomeKind> outcome(String normalised) {
        var kinds = com.shisha.core.journey.JourneyEffect.OutcomeKind.values();
        List<String> w = words(normalised);
        if (w.size() == 1 && w.get(0).matches("[1-5]")) {
            return Optional.of(kinds[w.get(0).charAt(0) - '1']);
        }
        boolean negated = w.stream().anyMatch(NEGATIONS::contains);
        for (String word : w) {
            var kind = OUTCOME_WORDS.get(word);
            if (kind == com.shisha.core.journey.JourneyEffect.OutcomeKind.INTERESTED && negated) {
                return Optional.of(com.shisha.core.journey.JourneyEffect.OutcomeKind.NOT_INTERESTED);
            }
            if (kind != null) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static final Pattern AMOUNT = Pattern.compile("(?:rs|inr|rupees?|रुपये|रुपए)?\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(k|thousand|hazar|hazaar|हज़ार|हजार|l|lakh|lac|lakhs|लाख|cr|crore|करोड़)?\\s*(?:rs|rupees?|रुपये|रुपए)?");

    /** A rupee amount: "25000", "25,000", "Rs 25000", "25k", "2.5 lakh", "1 करोड़". Between 1 rupee and 100 crore. */
    static Optional<java.math.BigDecimal> amount(String normalised) {
        Matcher m = AMOUNT.matcher(normalised.toLowerCase(Locale.ROOT).trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        java.math.BigDecimal value;
        try {
            value = new java.math.BigDecimal(m.group(1).replace(",", ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String unit = m.group(2);
        if (unit != null) {
            value = value.multiply(java.math.BigDecimal.valueOf(switch (unit) {
                case "k", "thousand", "hazar", "hazaar", "हज़ार", "हजार" -> 1_000L;
                case "cr", "crore", "करोड़" -> 10_000_000L;
                default -> 100_000L;
            }));
        }
        value = value.setScale(2, java.math.RoundingMode.HALF_UP);
        return value.signum() > 0 && value.compareTo(java.math.BigDecimal.valueOf(1_000_000_000L)) <= 0
                ? Optional.of(value) : Optional.empty();
    }

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

    /** Numbers as a recogniser writes them ("two", "दो"): a spoken menu choice or option reads like a typed digit. */
    static final List<String> NUMBER_WORDS_EN = List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
    static final List<String> NUMBER_WORDS_HI = List.of("एक", "दो", "तीन", "चार", "पांच", "छह", "सात", "आठ", "नौ", "दस");

    static Optional<String> spokenNumber(String normalised) {
        int en = NUMBER_WORDS_EN.indexOf(normalised.toLowerCase(Locale.ROOT));
        int hi = NUMBER_WORDS_HI.indexOf(normalised.replace("पाँच", "पांच"));
        int n = Math.max(en, hi);
        return n < 0 ? Optional.empty() : Optional.of(Integer.toString(n + 1));
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
