package com.shisha.core.dialog;

import com.shisha.core.InboundMessage;

/**
 * Runs one turn: the conversation's state plus the user's message in, the next state and the replies out.
 * Implementations do no I/O of their own; the pipeline loads and commits state around them.
 */
public interface DialogEngine {

    TurnResult handle(ConversationState state, InboundMessage message);

    /**
     * The answer when {@link #handle} failed on a message (a bug, not bad input): an apology and the current
     * question again, state unchanged. The message is marked processed so it cannot block the conversation.
     */
    TurnResult apologise(ConversationState state);

    /**
     * What the dialog listens for in this state, asked only when a voice note arrives: a closed set of phrases
     * lets the recogniser use a grammar, which hears "two" or "quiz" far more reliably than free speech.
     */
    default Listening listening(ConversationState state) {
        return Listening.FREE_SPEECH;
    }

    /** As {@link #listening(ConversationState)}, for this message: one may bring a recording whatever the state. */
    default Listening listening(ConversationState state, InboundMessage message) {
        return listening(state);
    }

    /**
     * @param grammar   phrases expected here; empty for free speech
     * @param recording the dialog waits for a sales-call recording (long, free speech, reviewed not obeyed)
     * @param mode      what kind of answer the dialog waits for, which a phone line asks for in its own way
     */
    record Listening(java.util.List<String> grammar, boolean recording, Mode mode) {
        public static final Listening FREE_SPEECH = new Listening(java.util.List.of(), false, Mode.ANSWER);

        public Listening {
            grammar = java.util.List.copyOf(grammar);
        }

        public Listening(java.util.List<String> grammar, boolean recording) {
            this(grammar, recording, recording ? Mode.RECORDING : Mode.ANSWER);
        }
    }

    enum Mode {
        /** At rest at the main menu: a phone keypad's own menu applies. */
        MENU,
        /** An answer to the question just asked (a name, a number, one of the choices offered). */
        ANSWER,
        /** A question in the partner's own words, for the coach. */
        QUESTION,
        /** A sales call to review. */
        RECORDING
    }
}
