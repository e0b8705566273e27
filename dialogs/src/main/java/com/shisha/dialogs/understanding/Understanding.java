package com.shisha.dialogs.understanding;

import com.shisha.core.Language;
import com.shisha.core.journey.JourneyEffect.OutcomeKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The understanding step: every message a partner sends (typed, or heard in a voice note) becomes an intent with a
 * confidence and typed slots, in English, Hindi in Devanagari and Hinglish. The intent comes from a classifier
 * trained on the understanding data (resources understanding/training.md); the step's own answers (a name, a
 * city, an amount, a call's outcome) are read by their slot readers, and a clear command wins over them only when
 * its words are ones the classifier knows. Thread-safe; one instance serves every turn.
 */
public final class Understanding {

    /**
     * The training data: the first set, and two written later to widen it (Indian English, regional words, voice
     * typing; partners the first set under-represented).
     */
    public static final List<String> TRAINING = List.of("understanding/training.md", "understanding/training-more.md",
            "understanding/training-third.md");

    /** A command this sure, in words the classifier knows, leaves the step's own question. */
    static final double CLEAR_COMMAND = 0.6;
    /** An outcome read less surely than this is no outcome: the step asks again rather than record a guess. */
    static final double MIN_OUTCOME = 0.5;
    /** Below this the dialog offers the likeliest choices instead of acting. */
    public static final double SURE = 0.45;

    private static final Set<Intent> STEP_INTENTS = EnumSet.of(Intent.NAME, Intent.CITY, Intent.AMOUNT, Intent.OUTCOME);
    private static final Set<Intent> ALWAYS = EnumSet.complementOf(EnumSet.of(Intent.NAME, Intent.CITY, Intent.AMOUNT,
            Intent.OUTCOME));

    private static volatile java.util.concurrent.CompletableFuture<Understanding> standard;

    private final IntentClassifier intents;
    private final IntentClassifier outcomes;

    Understanding(List<Examples.Example> training) {
        List<IntentClassifier.Sample> samples = new ArrayList<>();
        List<IntentClassifier.Sample> outcomeSamples = new ArrayList<>();
        for (Examples.Example e : training) {
            if (Intent.ofLabel(e.intent()).isEmpty()) {
                throw new IllegalArgumentException("understanding data line " + e.line() + ": unknown intent " + e.intent());
            }
            List<String> keys = Keys.keys(Keys.clean(e.text()));
            samples.add(new IntentClassifier.Sample(e.intent(), keys, asks(e.text()), slotWords(e)));
            String outcome = e.slots().get("outcome");
            if (outcome != null) {
                outcomeSamples.add(new IntentClassifier.Sample(outcome, keys, false, Set.of()));
            }
        }
        this.intents = IntentClassifier.train(samples, 30, 16);
        this.outcomes = IntentClassifier.train(outcomeSamples, 30, 16);
    }

    /** Trained once from the data on the class path, on first use or on {@link #prepare}'s thread. */
    public static Understanding standard() {
        java.util.concurrent.CompletableFuture<Understanding> trained = standard;
        if (trained != null && trained.isDone() && !trained.isCompletedExceptionally()) {
            return trained.join(); // without the class's lock, once trained
        }
        try {
            return preparing().join();
        } catch (java.util.concurrent.CompletionException e) {
            synchronized (Understanding.class) {
                if (standard != null && standard.isCompletedExceptionally()) {
                    standard = null; // the next caller trains again
                }
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Starts training the standard instance on a thread of its own (a second or so), so a start need not wait for it. */
    public static void prepare() {
        preparing();
    }

    private static synchronized java.util.concurrent.CompletableFuture<Understanding> preparing() {
        if (standard == null) {
            standard = java.util.concurrent.CompletableFuture.supplyAsync(Understanding::train, task -> {
                Thread thread = new Thread(task, "understanding-training");
                thread.setDaemon(true);
                thread.start();
            });
        }
        return standard;
    }

    /** A new instance trained from the data on the class path (the benchmark measures one whose caches are cold). */
    public static Understanding train() {
        List<Examples.Example> examples = new ArrayList<>();
        TRAINING.forEach(resource -> examples.addAll(Examples.read(resource)));
        return new Understanding(examples);
    }

    public Understood understand(String message, Expect expect) {
        String cleaned = Keys.clean(message);
        List<String> keys = Keys.keys(cleaned);
        if (keys.isEmpty()) {
            return Understood.of(Intent.NONSENSE, 1, List.of());
        }
        // the step's own answer, when nothing else can win over it, is read without classifying (the common case)
        boolean stepAnswerWins = (expect == Expect.NAME || expect == Expect.CITY) && !mostlyKnown(keys);
        if (stepAnswerWins && expect == Expect.NAME) {
            Optional<Names.Name> name = Names.read(cleaned);
            if (name.isPresent()) {
                return Understood.of(Intent.NAME, name.get().sure() ? 0.9 : 0.5, List.of())
                        .withName(name.get().text(), name.get().sure());
            }
        }
        if (stepAnswerWins && expect == Expect.CITY) {
            Optional<Place> place = Gazetteer.india().find(cleaned);
            return place.map(p -> Understood.of(Intent.CITY, 0.9, List.of()).withPlace(p, List.of()))
                    .orElseGet(() -> Understood.of(Intent.CITY, 0.3, List.of()).withPlace(null, Gazetteer.india().suggestions(cleaned, 3)));
        }
        if (expect == Expect.AMOUNT) {
            Optional<BigDecimal> amount = Amounts.parse(message);
            if (amount.isPresent()) {
                return Understood.of(Intent.AMOUNT, 0.95, List.of()).withAmount(amount.get());
            }
        }
        boolean asks = asks(message);
        List<String> corrected = keys.stream().map(k -> intents.nearest(k).orElse(k)).toList();
        List<Understood.Alternative> ranked = rank(corrected, asks, expect);
        Understood.Alternative top = ranked.get(0);
        // a step's answer (a name, a city) gives way only to words known as they are: spelling correction would
        // turn "Asha" into "bhasha" and "Indore" into "income"
        boolean known = expect == Expect.MENU || expect == Expect.YES_NO || expect == Expect.QUIZ_ANSWER
                ? known(corrected) : mostlyKnown(keys);
        switch (expect) {
            case NAME -> {
                Optional<Names.Name> name = Names.read(cleaned);
                if (name.isPresent() && !clearlyElse(top, known)) {
                    return Understood.of(Intent.NAME, name.get().sure() ? 0.9 : 0.5, ranked)
                            .withName(name.get().text(), name.get().sure());
                }
            }
            case CITY -> {
                Optional<Place> place = Gazetteer.india().find(cleaned);
                if (place.isPresent() && !clearlyElse(top, known)) {
                    return Understood.of(Intent.CITY, 0.9, ranked).withPlace(place.get(), List.of());
                }
                if (!clearlyElse(top, known)) {
                    return Understood.of(Intent.CITY, 0.3, ranked).withPlace(null, Gazetteer.india().suggestions(cleaned, 3));
                }
            }
            case OUTCOME -> {
                Optional<OutcomeKind> outcome = outcome(corrected);
                double outcomeLikely = ranked.stream().filter(a -> a.intent() == Intent.OUTCOME).mapToDouble(Understood.Alternative::confidence)
                        .findFirst().orElse(0);
                if (outcome.isPresent() && (top.intent() == Intent.OUTCOME || outcomeLikely >= 0.2 && !clearlyElse(top, known))) {
                    return Understood.of(Intent.OUTCOME, Math.max(top.intent() == Intent.OUTCOME ? top.confidence() : 0, 0.6), ranked)
                            .withOutcome(outcome.get());
                }
            }
            case COACH -> {
                boolean nonsense = !known(corrected) && !hasDigit(keys)
                        || top.intent() == Intent.NONSENSE && top.confidence() >= 0.5;
                if (!nonsense && !clearlyElse(top, known)) {
                    return Understood.of(Intent.QUESTION, 0.9, ranked);
                }
            }
            case CALL -> {
                // a pasted transcript is long, and may hold any word: only a short, clear command leaves
                if (keys.size() > 12 || !clearlyElse(top, known)) {
                    return Understood.of(Intent.QUESTION, 0.9, ranked);
                }
            }
            default -> {
            }
        }
        if (!known && !hasDigit(keys) && top.intent() != Intent.QUESTION) {
            // not one word the classifier has seen: keyboard mashes, another language, or a name out of place
            return Understood.of(Intent.NONSENSE, 0.9, ranked);
        }
        Understood u = Understood.of(top.intent(), top.confidence(), ranked);
        return switch (top.intent()) {
            case TOP -> u.withPlace(Gazetteer.india().find(cleaned).orElse(null), List.of());
            case LANGUAGE -> u.withLanguage(language(corrected));
            case FOLLOW, UNFOLLOW -> u.withTarget(target(cleaned, keys));
            default -> u;
        };
    }

    /** The intents in play at this step, most likely first, their probabilities summing to one. */
    private List<Understood.Alternative> rank(List<String> keys, boolean asks, Expect expect) {
        Set<Intent> allowed = EnumSet.copyOf(ALWAYS);
        switch (expect) {
            case NAME -> allowed.add(Intent.NAME);
            case CITY -> allowed.add(Intent.CITY);
            case AMOUNT -> allowed.add(Intent.AMOUNT);
            case OUTCOME -> allowed.add(Intent.OUTCOME);
            default -> {
            }
        }
        List<IntentClassifier.Scored> scored = intents.classify(keys, asks);
        double total = 0;
        List<Understood.Alternative> out = new ArrayList<>();
        for (IntentClassifier.Scored s : scored) {
            Intent intent = Intent.ofLabel(s.label()).orElseThrow();
            if (allowed.contains(intent)) {
                out.add(new Understood.Alternative(intent, s.probability()));
                total += s.probability();
            }
        }
        double sum = total;
        return out.stream().map(a -> new Understood.Alternative(a.intent(), a.confidence() / sum)).toList();
    }

    /** A step's answer gives way only to something else said clearly, in words the classifier knows. */
    private static boolean clearlyElse(Understood.Alternative top, boolean known) {
        return known && !STEP_INTENTS.contains(top.intent()) && top.confidence() >= CLEAR_COMMAND
                && top.intent() != Intent.NONSENSE;
    }

    /** At least half the words known as they are: "Ram Prakash Singh Yadav" is a name with one greeting word in it. */
    private boolean mostlyKnown(List<String> keys) {
        long known = keys.stream().filter(k -> intents.seen(k) >= 1).count();
        return known * 2 >= keys.size() && known > 0;
    }

    private boolean known(List<String> keys) {
        return keys.stream().anyMatch(k -> intents.seen(k) >= 1);
    }

    private Optional<OutcomeKind> outcome(List<String> keys) {
        if (keys.size() == 1 && keys.get(0).matches("[1-5]")) {
            return Optional.of(OutcomeKind.values()[keys.get(0).charAt(0) - '1']);
        }
        IntentClassifier.Scored best = outcomes.classify(keys, false).get(0);
        if (best.probability() < MIN_OUTCOME) {
            return Optional.empty(); // "maybe later", "pata nahi": the outcome question is asked again
        }
        try {
            return Optional.of(OutcomeKind.valueOf(best.label()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static final Set<String> HINDI = Set.of("hindi", "hindee", "hindhi");
    private static final Set<String> ENGLISH = Set.of("english", "inglish", "inglis", "engish", "eng", "angreji",
            "angrji", "angrej", "engilsh");

    /** The language named last: "english nahi aati, hindi me bolo" asks for Hindi. */
    private static Language language(List<String> keys) {
        Language named = null;
        for (String k : keys) {
            if (HINDI.contains(k)) {
                named = Language.HI;
            } else if (ENGLISH.contains(k)) {
                named = Language.EN;
            }
        }
        return named;
    }

    /** FOLLOW 2, "Sunita ko follow karo": a list number, else the words the classifier does not know (a name). */
    private String target(String cleaned, List<String> keys) {
        for (String k : keys) {
            java.util.regex.Matcher number = NUMBERED.matcher(k);
            if (number.matches()) {
                return number.group(1);
            }
            Integer ordinal = ORDINALS.get(k);
            if (ordinal != null) {
                return Integer.toString(ordinal);
            }
        }
        List<String> name = new ArrayList<>();
        for (String w : cleaned.split(" ")) {
            String k = Keys.key(Keys.latin(w));
            if (!w.isEmpty() && intents.seen(k) == 0 && !Names.isHonorific(k)) {
                name.add(w);
            }
        }
        return name.isEmpty() ? null : String.join(" ", name);
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("([0-9]{1,2})(?:st|nd|rd|th|va|vala|vale)?");
    /** "the first one", "pehle wale ko", "दूसरे को": a place on the list said as a word. */
    private static final java.util.Map<String, Integer> ORDINALS = ordinals(
            "first pehla pehle pehli pahla pahle pahli पहला पहले पहली", "second dusra dusre dusri doosra doosre दूसरा दूसरे दूसरी",
            "third tisra tisre tisri teesra teesre teesri तीसरा तीसरे तीसरी", "fourth chautha chauthe chauthi चौथा चौथे चौथी",
            "fifth panchva panchve panchvi paanchva paanchve पाँचवा पाँचवें पांचवा पांचवें पांचवे", "sixth chhatha chhathe छठा छठे",
            "seventh satva satve सातवाँ सातवें", "eighth athva athve आठवाँ आठवें");

    private static java.util.Map<String, Integer> ordinals(String... places) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        for (int i = 0; i < places.length; i++) {
            for (String word : places[i].split(" ")) {
                out.put(Keys.key(Keys.latin(Keys.clean(word))), i + 1);
            }
        }
        return out;
    }

    private static boolean hasDigit(List<String> keys) {
        return keys.stream().anyMatch(k -> k.chars().anyMatch(Character::isDigit));
    }

    static boolean asks(String message) {
        return message.indexOf('?') >= 0 || message.indexOf('？') >= 0;
    }

    /** Words that are a slot's value (a name, a city, a target) are not what makes the intent. */
    private static Set<String> slotWords(Examples.Example e) {
        Set<String> words = new java.util.HashSet<>();
        for (String slot : List.of("name", "city", "target")) {
            String v = e.slots().get(slot);
            if (v != null) {
                words.addAll(Keys.keys(Keys.clean(v)));
            }
        }
        return words;
    }
}
