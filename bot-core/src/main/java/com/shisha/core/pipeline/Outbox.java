package com.shisha.core.pipeline;

import com.shisha.core.ConversationKey;
import com.shisha.core.OutboundMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The durable outbox. A row moves PENDING -> SENDING (claimed, with a lease) -> SENT | PENDING (retry) |
 * FAILED | SUPPRESSED. Once SENT it is never sent again.
 */
public interface Outbox {

    /**
     * Claims a pending (or lease-expired) row for sending. Empty if it is not claimable: already sent or
     * claimed, or an older row of the same conversation is not sent yet (replies keep their order).
     */
    Optional<ClaimedMessage> claim(long id, Duration lease);

    /** Rows ready to send now: pending and due, or claimed by a sender whose lease ran out. Oldest first. */
    List<Due> due(int limit);

    record Due(long id, ConversationKey conversation) {
    }

    void markSent(long id, String providerMessageId);

    /** Provider ids already recorded for SENT rows of this conversation with this body since the given time. */
    Set<String> sentProviderIds(ConversationKey key, String body, Instant since);

    /** Back to PENDING until {@code notBefore}; {@code reconcile} makes the next claim report it as resumed. */
    void retryLater(long id, Instant notBefore, String reason, boolean reconcile);

    void markFailed(long id, String reason);

    void markSuppressed(long id, String reason);

    /**
     * A claimed row.
     *
     * @param resumed   true when an earlier attempt may have reached the provider (its lease ran out, or it got
     *                  no answer): the provider is asked before sending again
     * @param optedOut  true when the recipient has opted out; such rows are suppressed, never sent
     */
    record ClaimedMessage(OutboundMessage message, boolean resumed, boolean optedOut) {
    }
}
