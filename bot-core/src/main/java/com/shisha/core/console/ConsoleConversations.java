package com.shisha.core.console;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A partner's conversation as an agent sees and answers it from the console. */
public interface ConsoleConversations {

    /**
     * One message either way.
     *
     * @param inbound  from the partner
     * @param status   for ours: PENDING, SENDING, SENT, FAILED or SUPPRESSED, or what Twilio reported since (delivered, read...)
     * @param agentId  the staff member who wrote it, null for the bot's and the partner's
     */
    record Line(boolean inbound, String text, Instant at, String status, Long agentId) {
    }

    /** The newest {@code limit} messages, oldest first. */
    List<Line> transcript(ConversationKey conversation, int limit);

    /** @param products as stored (LOANS, CREDIT_CARDS ...) */
    record Profile(Long partnerId, String name, Language language, String city, List<String> products,
                   Instant lastInbound, boolean optedOut) {
    }

    Profile profile(ConversationKey conversation);

    /**
     * Queues an agent's message through the durable outbox, once per client id.
     *
     * @param contentSid an approved WhatsApp template, or null for text (WhatsApp takes text only within 24 hours of
     *                   the partner's last message; the caller checks)
     * @return the outbox row, and whether this call queued it (false: the client id was queued before)
     */
    Queued reply(long handoffId, long staffId, ConversationKey conversation, String clientId, String body, String contentSid,
                 Map<String, String> variables);

    record Queued(long outboundId, boolean fresh) {
    }

    /** Queues a message of the team's own (the hand-back notice) through the outbox. */
    long notice(ConversationKey conversation, String body);

    Optional<ConversationKey> conversationOfPartner(String phone);
}
