package com.shisha.core;

import com.shisha.core.dialog.Choices;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A reply waiting in (or leaving) the durable outbox.
 *
 * @param id               outbox row id; also the idempotency handle of the send
 * @param from             our address on the channel (a Twilio number), or null to use the channel's default
 * @param body             the text; for a template, the template as the partner reads it (variables filled in),
 *                         which channels without templates (SMS, web) send instead, and by which a send resumed
 *                         after a crash recognises the provider's copy
 * @param createdAt        when the reply was queued
 * @param contentSid       an approved WhatsApp template (Twilio Content SID, HX...), or null for a plain text. Outside
 *                         WhatsApp's 24-hour customer-service window only a template may be sent.
 * @param contentVariables the template's variables by placeholder ("1" -> "Asha"); empty without a template
 * @param choices          answers offered with this reply, to tap instead of type, or null. Channels that can show
 *                         them do (WhatsApp buttons and lists, the web chat); the body names them too, so channels
 *                         that cannot (SMS) send the body alone. Never with a template, which carries its own buttons
 */
public record OutboundMessage(long id, ConversationKey conversation, String from, String body, int attempts, Instant createdAt,
                              String contentSid, Map<String, String> contentVariables, Choices choices) {

    public OutboundMessage {
        Objects.requireNonNull(body, "body");
        if (contentSid != null && contentSid.isBlank()) {
            throw new IllegalArgumentException("contentSid must be null or a Content SID, not blank");
        }
        contentVariables = contentVariables == null ? Map.of() : copyInOrder(contentVariables);
        if (contentSid == null && !contentVariables.isEmpty()) {
            throw new IllegalArgumentException("template variables without a contentSid");
        }
        if (contentSid != null && choices != null) {
            throw new IllegalArgumentException("a template carries its own buttons; choices come with plain replies only");
        }
    }

    public OutboundMessage(long id, ConversationKey conversation, String from, String body, int attempts, Instant createdAt,
                           String contentSid, Map<String, String> contentVariables) {
        this(id, conversation, from, body, attempts, createdAt, contentSid, contentVariables, null);
    }

    /** A plain text message. */
    public OutboundMessage(long id, ConversationKey conversation, String from, String body, int attempts, Instant createdAt) {
        this(id, conversation, from, body, attempts, createdAt, null, Map.of(), null);
    }

    /** The channel that delivers this message: the conversation's, except for replies spoken on a phone call. */
    public Channel replyChannel() {
        return from != null && from.startsWith(Channel.VOICE.prefix() + ":") ? Channel.VOICE : conversation.channel();
    }

    public boolean isTemplate() {
        return contentSid != null;
    }

    /** Unlike Map.copyOf, keeps the order the variables were given in, so what is logged and sent reads naturally. */
    private static Map<String, String> copyInOrder(Map<String, String> variables) {
        Map<String, String> copy = new LinkedHashMap<>();
        variables.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "variable name"),
                Objects.requireNonNull(value, () -> "value of template variable " + name)));
        return Collections.unmodifiableMap(copy);
    }
}
