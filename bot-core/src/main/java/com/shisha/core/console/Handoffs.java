package com.shisha.core.console;

import com.shisha.core.ConversationKey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Conversations a person has taken from the bot. While one is open the bot stays quiet for that partner (commands
 * like STOP still work); an agent answers from the console and hands the conversation back to the bot.
 */
public interface Handoffs {

    enum Reason {
        /** the partner asked for a person */
        PARTNER_ASKED,
        /** the coach routed a complaint or fraud report to a person */
        COACH_ESCALATION,
        /** an agent took the conversation over from the console */
        AGENT_TOOK_OVER
    }

    enum State {
        /** in the queue, nobody has it yet */
        WAITING,
        /** an agent has it */
        WITH_AGENT,
        /** back with the bot; final */
        RETURNED
    }

    record Handoff(long id, ConversationKey conversation, Reason reason, State state, String note, Long agentId,
                   Instant openedAt, Instant claimedAt, Instant closedAt, Long closedBy) {

        public boolean open() {
            return state != State.RETURNED;
        }
    }

    /**
     * Puts the conversation in the queue, or returns its open handoff if it has one (asking twice queues once).
     *
     * @param note why, in a few words, for the agent (no phone numbers)
     */
    Handoff request(ConversationKey conversation, Reason reason, String note);

    /** The conversation's open handoff: while there is one, the bot stays quiet. */
    Optional<Handoff> openFor(ConversationKey conversation);

    Optional<Handoff> find(long id);

    /**
     * An agent takes a waiting handoff (or one another agent has: an admin reassigning).
     *
     * @throws IllegalStateException if it was handed back already
     */
    Handoff claim(long id, long agentId);

    /**
     * Back to the bot.
     *
     * @throws IllegalStateException if it was handed back already
     */
    Handoff handBack(long id, long byStaffId);

    /** Open handoffs, the longest waiting first. */
    List<Handoff> queue();
}
