package com.shisha.core.pipeline;

import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;

import java.time.Instant;
import java.util.List;

/** The durable inbox. Deduplicates on the provider's message id, whoever and however often it is delivered. */
public interface Inbox {

    /** Stores the message durably. @return true if it is new, false if that provider id was stored before */
    boolean store(InboundMessage message);

    /** Unprocessed messages of one conversation, oldest first. */
    List<StoredInbound> pending(ConversationKey key, int limit);

    /** Conversations that still have unprocessed messages received before the given time (crash recovery). */
    List<ConversationKey> conversationsWithPending(Instant receivedBefore, int limit);
}
