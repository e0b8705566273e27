package com.shisha.core.pipeline;

import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.dialog.ConversationState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The durable inbox. Deduplicates on the provider's message id, whoever and however often it is delivered. */
public interface Inbox {

    /**
     * Stores the message durably.
     *
     * @return what was stored, or empty if that provider id was stored before (a duplicate)
     */
    Optional<Stored> store(InboundMessage message);

    /**
     * Stores several messages as {@link #store} would, one conversation's in their order. One message failing
     * does not fail the others.
     *
     * @return one attempt per message, in the order given
     */
    default List<Attempt> storeAll(List<InboundMessage> messages) {
        return messages.stream().map(m -> Attempt.of(() -> store(m))).toList();
    }

    /**
     * @param stored  what was stored; empty for a duplicate or a failure
     * @param failure why the message could not be stored; null when it is in the inbox (now or from before)
     */
    record Attempt(Optional<Stored> stored, RuntimeException failure) {

        /** Runs one store; what it throws becomes the attempt's failure. */
        public static Attempt of(Supplier<Optional<Stored>> store) {
            try {
                return new Attempt(store.get(), null);
            } catch (RuntimeException e) {
                return new Attempt(Optional.empty(), e);
            }
        }
    }

    /**
     * A newly stored message. When no older message of its conversation was waiting, {@code stateIfNext} is the
     * conversation's state as of the store (else null): its turn can start from it without reading the
     * conversation again. It is a hint, not a promise: the turn's commit checks the state's version and that
     * the message is next in line, so a hint overtaken by events (the state changed since) fails there and
     * changes nothing.
     */
    record Stored(StoredInbound message, ConversationState stateIfNext) {

        public boolean next() {
            return stateIfNext != null;
        }
    }

    /** Unprocessed messages of one conversation, oldest first. */
    List<StoredInbound> pending(ConversationKey key, int limit);

    /** Conversations that still have unprocessed messages received before the given time (crash recovery). */
    List<ConversationKey> conversationsWithPending(Instant receivedBefore, int limit);
}
