package com.shisha.core.companion;

import com.shisha.core.journey.NudgeScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Sends queued push notifications. Quiet hours (21:00-09:00 India time) defer rather than drop: nothing is sent
 * then, and what was queued goes out from 09:00, as long as it is younger than {@link #MAX_AGE} (a badge from last
 * night is still news in the morning; a two-day-old one is not). At most {@code maxPerDay} pushes per partner per
 * India day; over it a row is dropped with a log line. Dead tokens (the provider says unregistered or invalid) are
 * deleted. Safe on several instances: rows are claimed with a lease before they are sent.
 */
public final class PushDispatcher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PushDispatcher.class);

    public static final ZoneId INDIA = NudgeScheduler.INDIA;
    /** Quest reminders go out in the evening, when there is still time left in the day to act on them. */
    static final LocalTime REMINDERS_FROM = LocalTime.of(17, 0);
    /** Long enough to survive one night's deferral (queued at 20:59, sent at 09:00 is 12 hours). */
    public static final Duration MAX_AGE = Duration.ofHours(36);
    static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
    static final int MAX_ATTEMPTS = 5;

    private final PushQueue queue;
    private final PushNotifications push;
    private final Clock clock;
    private final int maxPerDay;
    private final int batch;

    public PushDispatcher(PushQueue queue, PushNotifications push, Clock clock, int maxPerDay, int batch) {
        if (maxPerDay < 1 || batch < 1) {
            throw new IllegalArgumentException("maxPerDay and batch must be positive");
        }
        this.queue = queue;
        this.push = push;
        this.clock = clock;
        this.maxPerDay = maxPerDay;
        this.batch = batch;
    }

    @Override
    public void run() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // a scheduled executor stops rescheduling a task that throws
            log.error("push run failed; retrying at the next run", e);
        }
    }

    /** The same quiet hours as the WhatsApp nudges: one rule for everything the partner did not ask for. */
    public static boolean quiet(LocalTime indiaTime) {
        return NudgeScheduler.quiet(indiaTime);
    }

    /** @return how many pushes were delivered to the provider in this pass */
    public int runOnce() {
        Instant now = clock.instant();
        ZonedDateTime india = now.atZone(INDIA);
        if (quiet(india.toLocalTime())) {
            return 0; // deferred: the rows stay pending and are sent from 09:00
        }
        int hotLeads = queue.queueNewHotLeads(now);
        if (hotLeads > 0) {
            log.info("push: {} new hot lead(s) reserved and queued", hotLeads);
        }
        if (!india.toLocalTime().isBefore(REMINDERS_FROM)) {
            int queued = queue.queueQuestReminders(india.toLocalDate(), now);
            if (queued > 0) {
                log.info("push: {} quest reminder(s) queued for {}", queued, india.toLocalDate());
            }
        }
        Instant dayStart = india.toLocalDate().atStartOfDay(INDIA).toInstant();
        int sent = 0;
        for (PushQueue.Pending p : queue.claimDue(now, CLAIM_LEASE, batch)) {
            if (p.createdAt().isBefore(now.minus(MAX_AGE))) {
                drop(p, "expired: queued " + p.createdAt() + ", older than " + MAX_AGE.toHours() + " h");
                continue;
            }
            if (queue.sentSince(p.partnerId(), dayStart) >= maxPerDay) {
                drop(p, "daily limit of " + maxPerDay + " pushes reached");
                continue;
            }
            List<String> tokens = queue.tokens(p.partnerId());
            if (tokens.isEmpty()) {
                drop(p, "no device registered");
                continue;
            }
            if (deliver(p, tokens, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(PushQueue.Pending p, List<String> tokens, Instant now) {
        PushTexts.Text text = PushTexts.render(p);
        String delivered = null;
        String retryReason = null;
        for (String token : tokens) {
            PushNotifications.Outcome outcome = push.send(new PushNotifications.Push(token, text.title(), text.body(), text.data()));
            switch (outcome.result()) {
                case SENT -> delivered = delivered == null ? outcome.detail() : delivered;
                case INVALID_TOKEN -> {
                    queue.removeToken(token);
                    log.info("push: device token {} of partner {} pruned ({})", shortToken(token), p.partnerId(), outcome.detail());
                }
                case RETRY -> retryReason = outcome.detail();
            }
        }
        if (delivered != null) {
            queue.markSent(p.id(), now, delivered);
            return true;
        }
        if (retryReason == null) {
            drop(p, "every device token was invalid");
        } else if (p.attempts() + 1 >= MAX_ATTEMPTS) {
            drop(p, "gave up after " + MAX_ATTEMPTS + " attempts: " + retryReason);
        } else {
            // 1, 2, 4, 8 minutes: the provider's trouble is usually short
            queue.retryAt(p.id(), now.plus(Duration.ofMinutes(1L << p.attempts())), retryReason);
        }
        return false;
    }

    private void drop(PushQueue.Pending p, String reason) {
        if (queue.drop(p.id(), reason)) {
            log.info("push {} {} to partner {} dropped: {}", p.id(), p.kind(), p.partnerId(), reason);
        }
    }

    /** Tokens are not secrets, but 160+ characters; the head is enough to recognise one. */
    static String shortToken(String token) {
        return token.length() <= 12 ? token : token.substring(0, 12) + "…";
    }
}
