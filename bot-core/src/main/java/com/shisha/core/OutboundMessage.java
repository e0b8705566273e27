package com.shisha.core;

import java.time.Instant;

/**
 * A reply waiting in (or leaving) the durable outbox.
 *
 * @param id   outbox row id; also the idempotency handle of the send
 * @param from      our address on the channel (a Twilio number), or null to use the channel's default
 * @param createdAt when the reply was queued
 */
public record OutboundMessage(long id, ConversationKey conversation, String from, String body, int attempts, Instant createdAt) {
}
