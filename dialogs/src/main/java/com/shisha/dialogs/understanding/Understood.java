package com.shisha.dialogs.understanding;

import com.shisha.core.Language;
import com.shisha.core.journey.JourneyEffect.OutcomeKind;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a message was understood to say: the intent, how sure, the next likeliest intents (for "did you mean"),
 * and the typed slots the intent carries. Slots not read for this intent are null.
 *
 * @param name        NAME: the name without its frame, in the script typed
 * @param nameSure    NAME: false when the words may be something else (the dialog reads them back)
 * @param place       CITY, TOP: the place named; null when none was recognised
 * @param suggestions CITY: the nearest known places when none was recognised ("did you mean")
 * @param amount      AMOUNT: rupees
 * @param outcome     OUTCOME: how the call went
 * @param language    LANGUAGE: the language asked for, if one was named
 * @param target      FOLLOW, UNFOLLOW: a list number or a partner's name
 */
public record Understood(Intent intent, double confidence, List<Alternative> alternatives, String name, boolean nameSure,
                         Place place, List<Place> suggestions, BigDecimal amount, OutcomeKind outcome,
                         Language language, String target) {

    public record Alternative(Intent intent, double confidence) {
    }

    public Understood {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    public static Understood of(Intent intent, double confidence, List<Alternative> alternatives) {
        return new Understood(intent, confidence, alternatives, null, false, null, null, null, null, null, null);
    }

    public Understood withName(String name, boolean sure) {
        return new Understood(intent, confidence, alternatives, name, sure, place, suggestions, amount, outcome, language, target);
    }

    public Understood withPlace(Place place, List<Place> suggestions) {
        return new Understood(intent, confidence, alternatives, name, nameSure, place, suggestions, amount, outcome, language, target);
    }

    public Understood withAmount(BigDecimal amount) {
        return new Understood(intent, confidence, alternatives, name, nameSure, place, suggestions, amount, outcome, language, target);
    }

    public Understood withOutcome(OutcomeKind outcome) {
        return new Understood(intent, confidence, alternatives, name, nameSure, place, suggestions, amount, outcome, language, target);
    }

    public Understood withLanguage(Language language) {
        return new Understood(intent, confidence, alternatives, name, nameSure, place, suggestions, amount, outcome, language, target);
    }

    public Understood withTarget(String target) {
        return new Understood(intent, confidence, alternatives, name, nameSure, place, suggestions, amount, outcome, language, target);
    }
}
