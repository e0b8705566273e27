package com.shisha.core.call;

import com.shisha.core.ConversationKey;
import com.shisha.core.dialog.Choices;
import com.shisha.core.dialog.ConversationState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Phone calls to and from SHISHA, and what was said on them. A call's turns are ordinary inbound messages of the
 * caller's chat conversation (so the dialog state is one, whether the partner speaks or types); this port keeps
 * which turns belong to which call, and whether their replies were heard before the call ended.
 */
public interface Calls {

    enum Direction { INBOUND, OUTBOUND }

    /**
     * @param conversation the chat conversation the call's turns belong to
     * @param endedAt      null while the call is live (as far as Twilio has told us)
     */
    record Call(String sid, ConversationKey conversation, Direction direction, Instant startedAt, Instant endedAt) {
    }

    /**
     * What a turn of a call answered, once the turn was processed.
     *
     * @param replies what the dialog said, in order (empty when it said nothing)
     * @param choices what the last reply offers to pick, or null
     * @param state   the conversation's state after the turn (its language, its step)
     */
    record Answer(List<String> replies, Choices choices, ConversationState state) {
        public Answer {
            replies = List.copyOf(replies);
        }
    }

    /**
     * Who is calling, as far as SHISHA knows them: an onboarded partner (with their name), someone whose chat
     * conversation has begun (name null), or empty for a stranger.
     */
    Optional<Caller> caller(ConversationKey conversation);

    record Caller(String name, com.shisha.core.Language language) {
    }

    /** Records a call at its first webhook; a retried webhook changes nothing. */
    void started(String sid, ConversationKey conversation, Direction direction, Instant at);

    Optional<Call> find(String sid);

    /** Records that a turn was taken on a call (before it enters the inbox, so its replies know their call). */
    void turnTaken(String sid, String turnId);

    /** The turn's answer, or empty while the turn waits to be processed. */
    Optional<Answer> answer(String turnId);

    /** The turn's replies were spoken on the call. */
    void heard(String turnId);

    /**
     * Whether the reply in this outbox row was heard on its call; empty when the row is no reply of a call's turn.
     * Decides where it goes: heard, nowhere more; the call over and not heard, to the conversation's own channel.
     */
    Optional<Heard> heardOf(long outboxId);

    record Heard(boolean heard, Call call) {
    }

    /** The call ended (Twilio's status callback); a repeated callback changes nothing. */
    void ended(String sid, Instant at);
}
