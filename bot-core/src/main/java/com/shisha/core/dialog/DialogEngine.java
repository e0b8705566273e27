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
}
