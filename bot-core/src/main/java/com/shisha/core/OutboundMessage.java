package com.shisha.core;

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
 */
public record OutboundMessage(long id, ConversationKey conversation, String from, String body, int attempts, Instant createdAt,
                              String contentSid, Map<String, String> contentVariables) {

    public OutboundMessage {
        Objects.requireNonNull(body, "body");
        if (contentSid != null && contentSid.isBlank()) {
            throw new IllegalArgumentException("contentSid must be null or a Content SID, not blank");
        }
        contentVariables = contentVariables == null ? Map.of() : copyInOrder(contentVariables);
        if (contentSid == null && !contentVariables.isEmpty()) {
            throw new IllegalArgumentException("template variables without a contentSid");
        }
    }

    /** A plain text message. */
    public OutboundMessage(long id, ConversationKey conversation, String from, String body, int attempts, Instant createdAt) {
        this(id, conversation, from, body, attempts, createdAt, null, Map.of());
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
