package com.shisha.dialogs.understanding;

import java.util.Locale;
import java.util.Optional;

/** What a partner's message asks for. Names match the labels of the understanding data (lower case). */
public enum Intent {
    GREET, THANKS, MENU, HELP, LEADS, QUIZ, PROGRESS, TOP, TIPS, CALL_REVIEW, LANGUAGE, COACH, FOLLOW, UNFOLLOW, MORE,
    STOP, START, HUMAN,
    /** A question about selling or the products: the coach's. */
    QUESTION,
    /** Gibberish or off-topic chatter: one short line and a hint, never the coach. */
    NONSENSE,
    AFFIRM, DENY,
    /** Answers to the step's own question. */
    NAME, CITY, AMOUNT, OUTCOME;

    /** Asks for a feature or a global action, whatever the step: such an intent, understood clearly, leaves a step. */
    public boolean isCommand() {
        return switch (this) {
            case MENU, HELP, LEADS, QUIZ, PROGRESS, TOP, TIPS, CALL_REVIEW, LANGUAGE, COACH, FOLLOW, UNFOLLOW, MORE, STOP,
                 START, HUMAN -> true;
            default -> false;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Intent> ofLabel(String label) {
        try {
            return Optional.of(valueOf(label.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
