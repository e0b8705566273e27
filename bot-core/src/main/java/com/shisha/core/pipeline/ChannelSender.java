package com.shisha.core.pipeline;

import com.shisha.core.Channel;
import com.shisha.core.OutboundMessage;

import java.time.Duration;

/** Delivers one outbox message on one channel. Implementations must not retry by themselves: the outbox does. */
public interface ChannelSender {

    Channel channel();

    /** The address replies go out from when the conversation has none recorded. */
    String defaultFrom();

    SendResult send(OutboundMessage message);

    /**
     * Called for a message whose earlier send attempt ended without an answer (the process died or timed out
     * mid-request). Returns the provider's id if the provider has it already, so it is not sent twice.
     */
    default java.util.Optional<String> findAlreadySent(OutboundMessage message) {
        return java.util.Optional.empty();
    }

    sealed interface SendResult {
        record Accepted(String providerMessageId) implements SendResult {
        }

        /** Temporary failure (429, 5xx, network): try again after at least {@code after}. */
        record Retry(Duration after, String reason) implements SendResult {
        }

        /** Permanent failure; {@code optedOut} when the provider says the recipient unsubscribed. */
        record Rejected(String reason, boolean optedOut) implements SendResult {
        }
    }
}
