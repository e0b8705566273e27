package com.shisha.core.pipeline;

import com.shisha.core.ConversationKey;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.TurnResult;

import java.util.List;
import java.util.Optional;

public interface ConversationStore {

    ConversationState load(ConversationKey key);

    /**
     * The state and the oldest unprocessed messages of a conversation (at most {@code limit}, in arrival order),
     * read together: a turn starts with one round trip to the database instead of two.
     */
    Opened open(ConversationKey key, int limit);

    record Opened(ConversationState state, List<StoredInbound> pending) {

        public Opened {
            pending = List.copyOf(pending);
        }
    }

    /**
     * Commits one turn atomically: marks the inbound message processed, saves the new state (checking the
     * version it was loaded at), applies opt-out changes and the confirmed profile, and queues the replies.
     *
     * @param replyFrom our address the replies go out from (the number the user wrote to)
     * @param claim     claim the replies for sending if nothing older of the conversation is unsent (see {@link
     *                  Queued}); false when they would wait in a backlog here and their lease could run out
     * @return the queued replies, or empty if the message had already been processed or the state changed
     * underneath (another worker won); then nothing was written
     */
    Optional<Queued> commitTurn(StoredInbound inbound, ConversationState before, TurnResult result, String replyFrom,
                                boolean claim);

    /**
     * The outbox rows a committed turn queued, oldest first. When nothing older of the conversation was still
     * unsent, the commit also claimed them for this instance (as {@link Outbox#claim} would, lease included), so
     * the dispatcher sends them without a claim of its own: one statement and one disk flush less per reply.
     * Otherwise {@code claimed} is empty and the dispatcher claims each id in turn.
     *
     * @param claimedAtNanos {@link System#nanoTime()} taken before the commit went to the database, so no later than
     *                       the start of the claims' lease. The turn hands its replies over only after the commit, and
     *                       on a loaded machine that can be later than the lease: the dispatcher tells the age of the
     *                       claims by this, as a sweep may have taken them over meanwhile. Unused without claims
     */
    record Queued(List<Long> ids, List<Outbox.ClaimedMessage> claimed, long claimedAtNanos) {

        public Queued {
            ids = List.copyOf(ids);
            claimed = List.copyOf(claimed);
            if (!claimed.isEmpty() && claimed.size() != ids.size()) {
                throw new IllegalArgumentException("a turn's replies are claimed all together or not at all");
            }
        }

        /** Rows the commit did not claim: the dispatcher claims each in turn. */
        public static Queued unclaimed(List<Long> ids) {
            return new Queued(ids, List.of(), 0);
        }

        public boolean isEmpty() {
            return ids.isEmpty();
        }
    }
}
