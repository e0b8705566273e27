package com.shisha.core;

/**
 * A reply waiting in (or leaving) the durable outbox.
 *
 * @param id   outbox row id; also the idempotency handle of the send
 * @param from our address on the channel (a Twilio number), or null to use the channel's default
 */
public record OutboundMessage(long id, ConversationKey conversation, String from, String body, int attempts) {
}
