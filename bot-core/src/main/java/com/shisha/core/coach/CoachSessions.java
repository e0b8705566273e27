package com.shisha.core.coach;

import com.shisha.core.ConversationKey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The coach's chat history, one conversation per partner: what the partner asked, what the coach answered, and
 * the partner's thumbs on those answers. Implementations keep only the most recent turns of a conversation.
 */
public interface CoachSessions {

    /** Appends the turns in order, in one write: a question and its answer are stored together or not at all. */
    void append(ConversationKey partner, List<Turn> turns);

    default void append(ConversationKey partner, Turn turn) {
        append(partner, List.of(turn));
    }

    /** At most {@code limit} turns, oldest first, ending with the latest. */
    List<Turn> recent(ConversationKey partner, int limit);

    /**
     * Stores a thumbs on one of the coach's answers; a second thumbs for the same answer replaces the first.
     *
     * @return false when this partner's conversation holds no answer with that id
     */
    boolean feedback(ConversationKey partner, String answerId, boolean helpful);

    enum Role { PARTNER, COACH }

    /**
     * @param answerId null for the partner's turns
     * @param sources  knowledge-base section ids a coach turn rests on; empty for the partner's turns
     * @param mode     null for the partner's turns
     */
    record Turn(Role role, String text, String answerId, List<String> sources, CoachReply.Mode mode, Instant at) {
        public Turn {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        public static Turn partner(String question, Instant at) {
            return new Turn(Role.PARTNER, question, null, List.of(), null, at);
        }

        public static Turn coach(CoachReply reply, Instant at) {
            return new Turn(Role.COACH, reply.text(), reply.answerId(), reply.sourceIds(), reply.mode(), at);
        }
    }
}
