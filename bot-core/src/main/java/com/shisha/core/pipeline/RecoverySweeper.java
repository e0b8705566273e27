package com.shisha.core.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * The safety net behind the fast path. Finds inbound messages nobody processed (this or another instance
 * crashed, or a lock wait gave up) and outbox rows that are due, and hands them to the workers. Run it
 * periodically on every instance; the locks and the outbox claims make overlapping sweeps harmless.
 */
public final class RecoverySweeper implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RecoverySweeper.class);

    private final Inbox inbox;
    private final TurnProcessor turns;
    private final OutboxDispatcher outbox;
    private final Duration graceAge;
    private final Clock clock;
    private final int limit;

    /** @param graceAge inbound messages younger than this are left to the fast path */
    public RecoverySweeper(Inbox inbox, TurnProcessor turns, OutboxDispatcher outbox, Duration graceAge, Clock clock, int limit) {
        this.inbox = inbox;
        this.turns = turns;
        this.outbox = outbox;
        this.graceAge = graceAge;
        this.clock = clock;
        this.limit = limit;
    }

    @Override
    public void run() {
        try {
            var stuck = inbox.conversationsWithPending(clock.instant().minus(graceAge), limit);
            stuck.forEach(turns::scheduleIfIdle);
            int due = outbox.sweep(limit);
            if (!stuck.isEmpty() || due > 0) {
                log.info("recovery sweep: {} conversations with waiting messages, {} outbox rows due", stuck.size(), due);
            }
        } catch (RuntimeException e) {
            // a sweep that fails (database briefly down) must not kill the schedule; the next one tries again
            log.warn("recovery sweep failed: {}", e.toString());
        }
    }
}
