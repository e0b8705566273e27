package com.shisha.app;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.coach.CoachEscalations;
import com.shisha.core.console.Handoffs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * An escalation (the partner asked for a person, or the coach heard a complaint or a fraud) is also a handoff: it
 * goes in the console's queue, and the bot keeps quiet for that partner until an agent hands them back. The record
 * is stored first, so a queue that fails costs the handoff, never the reference the partner was promised.
 */
final class EscalationHandoffs implements CoachEscalations {

    private static final Logger log = LoggerFactory.getLogger(EscalationHandoffs.class);

    private final CoachEscalations records;
    private final Handoffs handoffs;

    EscalationHandoffs(CoachEscalations records, Handoffs handoffs) {
        this.records = records;
        this.handoffs = handoffs;
    }

    @Override
    public String record(ConversationKey partner, Reason reason, Language language, String message, Instant at) {
        return queued(partner, reason, records.record(partner, reason, language, message, at));
    }

    @Override
    public String record(ConversationKey partner, Reason reason, Language language, String message, Instant at, String messageId) {
        return queued(partner, reason, records.record(partner, reason, language, message, at, messageId));
    }

    private String queued(ConversationKey partner, Reason reason, String reference) {
        Handoffs.Reason why = reason == Reason.PERSON_REQUESTED ? Handoffs.Reason.PARTNER_ASKED : Handoffs.Reason.COACH_ESCALATION;
        try {
            Handoffs.Handoff handoff = handoffs.request(partner, why, reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (reference == null ? "" : ", reference " + reference));
            log.info("handoff {} queued for {} ({})", handoff.id(), partner.masked(), reason);
        } catch (RuntimeException e) {
            log.error("handoff NOT QUEUED for {} ({}, reference {}): {}", partner.masked(), reason, reference, e.toString());
        }
        return reference;
    }
}
