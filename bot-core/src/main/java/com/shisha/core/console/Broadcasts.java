package com.shisha.core.console;

import com.shisha.core.ConversationKey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An approved WhatsApp template sent to a segment of partners. Who gets it is fixed when it starts; it then goes
 * out in batches on any instance, never to an opted-out partner, never in India's quiet hours, within each
 * partner's daily limit, and never twice to a partner.
 */
public interface Broadcasts {

    /** Every filter may be null (not filtered). Skill is the partner's average skill score, 0-100. */
    record Segment(String city, String product, String language, Integer minSkill, Integer maxSkill, Integer activeWithinDays,
                   Integer inactiveForDays) {
    }

    enum State { DRAFT, SENDING, SENT, CANCELLED }

    /** @param body the template's text as a partner reads it, {{1}} standing for the partner's name */
    record Broadcast(long id, String name, String templateSid, String body, Segment segment, State state, long createdBy,
                     Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    /** Recipients so far, and what became of the messages queued for them (from the outbox and Twilio's callbacks). */
    record Progress(long recipients, long pending, long queued, long skippedOptedOut, long skippedDailyLimit, long sent,
                    long delivered, long read, long failed) {
    }

    Broadcast create(String name, String templateSid, String body, Segment segment, long staffId);

    /** How many partners the segment holds now. */
    long count(Segment segment);

    /** Fixes the recipients and starts sending. @throws IllegalStateException unless it is a draft */
    Broadcast start(long id);

    /** Stops what is not queued yet. @throws IllegalStateException once sent or cancelled */
    Broadcast cancel(long id);

    Optional<Broadcast> find(long id);

    List<Broadcast> all();

    Progress progress(long id);

    record Queued(ConversationKey conversation, long outboundId) {
    }

    /**
     * One batch of pending recipients of sending broadcasts, locked so no other instance takes them: each is queued
     * in the outbox, or skipped (opted out, over the daily limit); broadcasts with nobody left pending are marked sent.
     *
     * @param today          India's date, for the daily limit
     * @param perPartnerPerDay broadcasts a partner may get in one day
     */
    List<Queued> sendDue(int batch, LocalDate today, int perPartnerPerDay);
}
