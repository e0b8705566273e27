package com.shisha.core.companion;

import com.shisha.core.Language;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Push notifications waiting to go out. Badge and hot-lead pushes are queued by the journey writer in the
 * transaction that caused them (so a retried turn never queues twice); quest reminders by {@link #queueQuestReminders}.
 * At most one row per partner and dedupe key, ever.
 */
public interface PushQueue {

    enum Kind { BADGE, HOT_LEAD, QUEST_REMINDER }

    /**
     * Claims up to {@code limit} pending rows whose time has come, oldest first, by moving their due time to
     * {@code now + lease}: another instance does not see them meanwhile, and a row whose instance died comes back.
     */
    List<Pending> claimDue(Instant now, java.time.Duration lease, int limit);

    /** The partner's registered devices. */
    List<String> tokens(long partnerId);

    /** How many pushes this partner was sent from {@code from} on (the start of the India day). */
    int sentSince(long partnerId, Instant from);

    /** @return false when another instance settled the row first */
    boolean markSent(long id, Instant at, String detail);

    boolean drop(long id, String reason);

    /** Leaves the row pending until {@code until}, counting the attempt. */
    void retryAt(long id, Instant until, String reason);

    /** Forgets a dead device token, whoever it belongs to. */
    void removeToken(String token);

    /**
     * One reminder for this India day to each partner with a device and an unfinished quest this week.
     *
     * @return how many were queued
     */
    int queueQuestReminders(LocalDate indiaDay, Instant dueAt);

    /**
     * New hot leads: each fresh lead (created in the last 24 hours, free) is reserved, like the matcher would, to
     * the partner it fits best (sells its product, works in its city, most points, holding fewer than the
     * matcher's maximum) who registered a device before the lead arrived, and a push is queued for it. One lead,
     * one partner, at most one new lead per partner per pass; safe when several instances run it at once.
     *
     * @return how many were reserved and queued
     */
    int queueNewHotLeads(Instant now);

    /** @param params what the text needs (badge names, lead product and city, quests left) */
    record Pending(long id, long partnerId, Kind kind, Language language, Map<String, String> params, int attempts,
                   Instant createdAt) {
        public Pending {
            params = Map.copyOf(params);
        }
    }
}
