package com.shisha.core.journey;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/** Who may get today's proactive message, and the one atomic step that books the day and queues the message. */
public interface Nudges {

    /**
     * Onboarded partners with a stored next best action and a WhatsApp conversation that has not opted out, who
     * have no nudge on {@code day} yet. Lowest partner id first.
     *
     * @param lastInboundSince only partners who wrote to us at or after this instant, or null for all of them
     */
    List<Candidate> due(LocalDate day, Instant lastInboundSince, int limit);

    /**
     * Books {@code day} for the partner and queues the message, both or neither: a crash can leave neither a
     * booked day without its message nor a message without its booking.
     *
     * @return the outbox row id, or empty if the day was already booked (by another instance, or an earlier run)
     */
    OptionalLong claimAndEnqueue(Nudge nudge);

    /**
     * @param lastInboundAt the partner's last message on WhatsApp, or null if they never wrote
     */
    record Candidate(long partnerId, String name, Language language, ConversationKey conversation, Instant lastInboundAt,
                     NextBestAction action) {

        public Candidate {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(action, "action");
        }
    }

    /**
     * One proactive message, as {@link com.shisha.core.pipeline.Outbox#enqueueProactive} takes it.
     *
     * @param contentSid the approved template, or null for free text (only inside WhatsApp's 24-hour window)
     */
    record Nudge(long partnerId, LocalDate day, String kind, ConversationKey conversation, String body, String contentSid,
                 Map<String, String> variables) {

        public Nudge {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(conversation, "conversation");
            // the outbox keeps the order given (OutboundMessage), so the variables are not copied into an unordered map
            variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
        }
    }
}
