package com.shisha.core.pipeline;

import com.shisha.core.ConversationKey;
import com.shisha.core.OutboundMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The durable outbox. A row moves PENDING -> SENDING (claimed, with a lease) -> SENT | PENDING (retry) |
 * FAILED | SUPPRESSED. Once SENT it is never sent again.
 */
public interface Outbox {

    /**
     * Queues a message the partner did not ask for (a nudge, a reminder), due at once: the dispatcher's sweep
     * sends it, or {@link OutboxDispatcher#submit} right away. The conversation is created if the partner never
     * wrote on this channel. Like every row it is suppressed at send time if the recipient has opted out.
     *
     * @param from       our address to send from, or null for the channel's default
     * @param body       the text; with a template, the template as the partner will read it (see
     *                   {@link OutboundMessage#body()})
     * @param contentSid an approved WhatsApp template (HX followed by 32 hex digits), or null for plain text
     * @param variables  the template's variables by placeholder ("1" -> "Asha"); empty or null without a template
     * @return the outbox row id
     * @throws IllegalArgumentException if the contentSid is malformed, or variables come without one
     */
    long enqueueProactive(ConversationKey key, String from, String body, String contentSid, Map<String, String> variables);

    /** A plain-text proactive message. WhatsApp delivers it only within 24 hours of the partner's last message. */
    default long enqueueProactive(ConversationKey key, String from, String body) {
        return enqueueProactive(key, from, body, null, Map.of());
    }

    /**
     * Claims a pending (or lease-expired) row for sending. Empty if it is not claimable: already sent or
     * claimed, or an older row of the same conversation is not sent yet (replies keep their order).
     */
    Optional<ClaimedMessage> claim(long id, Duration lease);

    /**
     * Extends the lease of a row this instance claimed, if that claim is still the row's (the claim counted
     * {@code attempts}; a later claim elsewhere counted more) and still live (with a margin). False when it ran out,
     * another sender took the row, or it is no longer being sent; then leave it to a sweep.
     */
    boolean renewLease(long id, int attempts, Duration lease);

    /**
     * Rows ready to send now: the oldest unsent row of each conversation that has one due (pending past its time, or
     * claimed by a sender whose lease ran out), the longest due first. Only a conversation's oldest unsent row can be
     * claimed, so a due row behind one still waiting is not returned; its conversation comes up when that one is due.
     */
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
