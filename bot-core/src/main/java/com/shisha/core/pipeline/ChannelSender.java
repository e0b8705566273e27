package com.shisha.core.pipeline;

import com.shisha.core.Channel;
import com.shisha.core.OutboundMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Delivers one outbox message on one channel. Implementations must not retry by themselves: the outbox does. */
public interface ChannelSender {

    Channel channel();

    /** The address replies go out from when the conversation has none recorded. */
    String defaultFrom();

    SendResult send(OutboundMessage message);

    /**
     * Called for a message whose earlier send attempt ended without an answer (the process died mid-request).
     * Returns the provider's id of this message if the provider has it already, so it is not sent twice: a
     * message to the same recipient with the same body, created since {@code since}, whose id is not one of
     * {@code knownIds} (the ids of our own earlier replies with that body). Channels that cannot ask the
     * provider return empty, and the message is sent again.
     */
    default Optional<String> findAlreadySent(OutboundMessage message, Set<String> knownIds, Instant since) {
        return Optional.empty();
    }

    sealed interface SendResult {
        record Accepted(String providerMessageId) implements SendResult {
        }

        /**
         * Temporary failure (429, 5xx, network): try again after at least {@code after}. {@code maybeDelivered}
         * when the request may have reached the provider (no answer came back): the next attempt reconciles first.
         */
        record Retry(Duration after, String reason, boolean maybeDelivered) implements SendResult {
        }

        /** Permanent failure; {@code optedOut} when the provider says the recipient unsubscribed. */
        record Rejected(String reason, boolean optedOut) implements SendResult {
        }
    }
}
