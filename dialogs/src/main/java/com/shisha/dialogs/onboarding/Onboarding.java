package com.shisha.dialogs.onboarding;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.dialog.Choices;
import com.shisha.core.dialog.Choices.Choice;
import com.shisha.dialogs.Taps;
import com.shisha.dialogs.Turn;
import com.shisha.dialogs.understanding.Answers;
import com.shisha.dialogs.understanding.Gazetteer;
import com.shisha.dialogs.understanding.Intent;
import com.shisha.dialogs.understanding.Understanding;
import com.shisha.dialogs.understanding.Understood;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Onboarding: name, language, city, products, then a summary to confirm or edit. Each {@code read…} reads the
 * step's answer and stores it in the {@link Profile} (false: not an answer, the step says so and asks again); each
 * {@code ask…} says the question and offers its answers to tap.
 */
public final class Onboarding {

    private Onboarding() {
    }

    public static Profile profile(Turn turn) {
        return Profile.of(turn.slots());
    }

    private static void store(Turn turn, Profile profile) {
        profile.writeTo(turn.slots());
    }

    // ------------------------------------------------------------------ answers

    public static boolean readName(Turn turn) {
        Understood u = turn.understood();
        if (u == null || u.intent() != Intent.NAME || u.name() == null) {
            return false;
        }
        store(turn, profile(turn).withName(u.name()));
        return true;
    }

    public static boolean readLanguage(Turn turn) {
        Optional<Language> language = Answers.language(turn.input());
        language.ifPresent(l -> setLanguage(turn, l));
        return language.isPresent();
    }

    /** A language asked for at any step: set, and said in the new language. */
    public static void setLanguage(Turn turn, Language language) {
        store(turn, profile(turn).withLanguage(language));
        turn.switchLanguage(language);
        turn.say("language.set");
    }

    public static boolean readCity(Turn turn) {
        Understood u = turn.understood();
        if (u == null || u.intent() != Intent.CITY || u.place() == null) {
            return false;
        }
        store(turn, profile(turn).withCity(u.place()));
        return true;
    }

    public static boolean readProducts(Turn turn) {
        Optional<List<Product>> products = Answers.products(turn.input()).map(List::copyOf);
        products.ifPresent(p -> store(turn, profile(turn).withProducts(p)));
        return products.isPresent();
    }

    /** YES confirms the profile (it is saved to the partners table with the turn); NO asks what to change. */
    public static boolean readConfirmation(Turn turn) {
        Optional<Boolean> yes = Answers.yesNo(turn.input()).or(() -> understoodYesNo(turn));
        if (yes.isEmpty()) {
            return false;
        }
        Profile profile = profile(turn);
        if (yes.get()) {
            Profile confirmed = profile.confirm();
            store(turn, confirmed);
            turn.confirm(confirmed.toPartnerProfile(turn.phone(), turn.language()));
            turn.say("onboarding.done", confirmed.name());
            turn.say("onboarding.quiz_offer");
        } else {
            store(turn, profile.startEditing());
        }
        return true;
    }

    public static boolean readEdit(Turn turn) {
        Optional<Integer> n = Answers.choice(turn.input(), Profile.Field.values().length);
        n.ifPresent(i -> store(turn, profile(turn).edit(Profile.Field.values()[i - 1])));
        return n.isPresent();
    }

    /** "yes that's right", "haan ji bilkul sahi hai": a yes or no the understanding step read in a whole sentence. */
    private static Optional<Boolean> understoodYesNo(Turn turn) {
        Understood u = turn.understood();
        if (u == null || u.confidence() < Understanding.SURE) {
            return Optional.empty();
        }
        return switch (u.intent()) {
            case AFFIRM -> Optional.of(true);
            case DENY -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    // ------------------------------------------------------------------ questions

    public static void askName(Turn turn) {
        turn.say("prompt.name");
    }

    public static void askLanguage(Turn turn) {
        turn.say("prompt.language");
        turn.offer(Choices.buttons(List.of(new Choice("lang:1", "English"), new Choice("lang:2", "हिंदी"))));
    }

    public static void askCity(Turn turn) {
        turn.say("prompt.city", profile(turn).name());
    }

    public static void askProducts(Turn turn) {
        turn.say("prompt.products");
        List<Choice> items = new ArrayList<>();
        Product[] all = Product.values();
        for (int i = 0; i < all.length; i++) {
            items.add(new Choice("products:" + (i + 1), turn.text("product." + all[i].name())));
        }
        items.add(new Choice("products:all", turn.text("choice.products_all")));
        turn.offer(Choices.list(turn.text("choice.choose"), items));
    }

    public static void askConfirmation(Turn turn) {
        Profile p = profile(turn);
        turn.say("prompt.confirm", p.name(), turn.text("language.name." + turn.language().code()), cityName(turn, p),
                p.products().stream().map(product -> turn.text("product." + product.name())).collect(Collectors.joining(", ")));
        turn.offer(Taps.yesNo(turn, "confirm"));
    }

    public static void askEdit(Turn turn) {
        turn.say("prompt.edit");
        List<Choice> items = new ArrayList<>();
        for (int i = 1; i <= Profile.Field.values().length; i++) {
            items.add(new Choice("edit:" + i, turn.text("choice.edit." + i)));
        }
        turn.offer(Choices.list(turn.text("choice.choose"), items));
    }

    /** The partner's city as they read it: in Hindi with its Hindi name, and with its state. */
    static String cityName(Turn turn, Profile p) {
        if (p.city() == null) {
            return "";
        }
        // names repeat across states (two Aurangabads): the state tells them apart
        return Gazetteer.india().byName(p.state() == null ? p.city() : p.city() + ", " + p.state())
                .map(place -> turn.language() == Language.HI && place.nameHi() != null && !place.nameHi().isEmpty()
                        ? place.nameHi() + ", " + place.stateHi() : place.nameWithState())
                .orElse(p.city());
    }
}
