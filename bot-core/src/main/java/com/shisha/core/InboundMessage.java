package com.shisha.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message from a user, normalised from whatever the channel delivered.
 *
 * @param providerMessageId the provider's id (Twilio's MessageSid); the dedupe key
 * @param conversation      who wrote, on which channel
 * @param to                the address the user wrote to (our number); replies go out from it
 * @param text              the text; empty when the message carries only media
 */
public record InboundMessage(String providerMessageId, ConversationKey conversation, String to, String text,
                             List<Media> media, String profileName, Instant receivedAt) {

    /** WhatsApp's limit for a message body; channels that accept text from elsewhere (web chat) enforce it. */
    public static final int MAX_TEXT = 4096;

    public InboundMessage {
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(conversation, "conversation");
        text = text == null ? "" : text;
        media = media == null ? List.of() : List.copyOf(media);
        receivedAt = receivedAt == null ? Instant.now() : receivedAt;
    }

    public record Media(String url, String contentType) {
    }
}
