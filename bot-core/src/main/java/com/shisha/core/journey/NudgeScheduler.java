package com.shisha.core.journey;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/**
 * Sends each partner at most one proactive message a day: their next best action. Never in India's quiet hours,
 * never to opted-out numbers, and outside WhatsApp's 24-hour window only as the approved template. Safe with
 * several instances running it: the day is booked in the database, and only the instance that books it sends.
 */
public final class NudgeScheduler implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(NudgeScheduler.class);

    public static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    static final LocalTime QUIET_FROM = LocalTime.of(21, 0);
    static final LocalTime QUIET_UNTIL = LocalTime.of(9, 0);

    /**
     * WhatsApp's customer-service window is 24 hours from the partner's last message. A free-text message queued
     * just before it closes could reach Twilio just after and be rejected, so the window is taken a little shorter.
     */
    static final Duration FREE_TEXT_WINDOW = Duration.ofHours(24).minusMinutes(10);

    private final Nudges nudges;
    private final String templateSid;
    private final Clock clock;
    private final int batch;
    private final BiConsumer<ConversationKey, List<Long>> queued;

    /**
     * @param templateSid the approved WhatsApp template for partners outside the window, or null: they are skipped
     * @param queued      told each conversation and outbox row queued, so it can go out now instead of at the next outbox sweep
     */
    public NudgeScheduler(Nudges nudges, String templateSid, Clock clock, int batch, BiConsumer<ConversationKey, List<Long>> queued) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be positive");
        }
        this.nudges = nudges;
        this.templateSid = templateSid;
        this.clock = clock;
        this.batch = batch;
        this.queued = queued;
    }

    @Override
    public void run() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // a scheduled executor stops rescheduling a task that throws: one bad run must not end nudging for good
            log.error("nudge run failed; retrying at the next run", e);
        }
    }

    /** One pass; returns how many nudges this instance queued. */
    public int runOnce() {
        Instant now = clock.instant();
        ZonedDateTime india = now.atZone(INDIA);
        if (quiet(india.toLocalTime())) {
            return 0;
        }
        Instant windowOpenSince = now.minus(FREE_TEXT_WINDOW);
        // without a template only partners inside the window can be nudged; asking for just them keeps the
        // others from filling every batch and starving the ones we could reach
        List<Nudges.Candidate> due = nudges.due(india.toLocalDate(), templateSid == null ? windowOpenSince : null, batch);
        int sent = 0;
        for (Nudges.Candidate c : due) {
            Nudges.Nudge nudge = nudgeFor(c, india, windowOpenSince);
            if (nudge == null) {
                log.info("no nudge for partner {}: outside WhatsApp's 24-hour window and TWILIO_TEMPLATE_NUDGE is not set",
                        c.partnerId());
                continue;
            }
            try {
                OptionalLong id = nudges.claimAndEnqueue(nudge);
                if (id.isPresent()) {
                    sent++;
                    queued.accept(nudge.conversation(), List.of(id.getAsLong()));
                }
            } catch (RuntimeException e) {
                // the claim rolled back with the message: the partner is due again at the next run
                log.warn("nudge for partner {} failed: {}", c.partnerId(), e.toString());
            }
        }
        return sent;
    }

    /** India's quiet hours, 21:00-09:00, for every proactive message (nudges and push notifications). */
    public static boolean quiet(LocalTime indiaTime) {
        return !indiaTime.isBefore(QUIET_FROM) || indiaTime.isBefore(QUIET_UNTIL);
    }

    private Nudges.Nudge nudgeFor(Nudges.Candidate c, ZonedDateTime india, Instant windowOpenSince) {
        String action = c.action().text(c.language());
        boolean inWindow = c.lastInboundAt() != null && !c.lastInboundAt().isBefore(windowOpenSince);
        if (inWindow) {
            String body = (c.language() == Language.HI ? "👉 अगला कदम: " : "👉 Next: ") + action;
            return new Nudges.Nudge(c.partnerId(), india.toLocalDate(), c.action().kind(), c.conversation(), body, null, Map.of());
        }
        if (templateSid == null) {
            return null;
        }
        String name = c.name() == null || c.name().isBlank() ? (c.language() == Language.HI ? "साथी" : "partner") : c.name();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("1", name);
        variables.put("2", action);
        // the outbox keeps a readable copy of what the partner sees; the template's own wording lives at Twilio
        String body = (c.language() == Language.HI ? "नमस्ते " + name + "! अगला कदम: " : "Hi " + name + "! Your next step: ") + action;
        return new Nudges.Nudge(c.partnerId(), india.toLocalDate(), c.action().kind(), c.conversation(), body, templateSid, variables);
    }
}
