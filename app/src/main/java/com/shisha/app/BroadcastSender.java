package com.shisha.app;

import com.shisha.core.console.Broadcasts;
import com.shisha.core.journey.NudgeScheduler;
import com.shisha.core.pipeline.OutboxDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Works the broadcasts that are sending, a batch at a time on every instance (the batch is locked, so instances
 * share the work without overlap). Nothing goes out in India's quiet hours; the outbox then sends at Twilio's rate.
 */
final class BroadcastSender implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(BroadcastSender.class);

    private final Broadcasts broadcasts;
    private final OutboxDispatcher dispatcher;
    private final Clock clock;
    private final int batch;
    private final int perPartnerPerDay;

    BroadcastSender(Broadcasts broadcasts, OutboxDispatcher dispatcher, Clock clock, int batch, int perPartnerPerDay) {
        this.broadcasts = broadcasts;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.batch = batch;
        this.perPartnerPerDay = perPartnerPerDay;
    }

    @Override
    public void run() {
        try {
            runOnce(clock.instant());
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: one bad pass must not stop broadcasting
            log.error("broadcast pass failed; retrying at the next pass", e);
        }
    }

    /** One pass at this moment; returns how many messages it queued. */
    int runOnce(Instant now) {
        ZonedDateTime india = now.atZone(NudgeScheduler.INDIA);
        if (NudgeScheduler.quiet(india.toLocalTime())) {
            return 0;
        }
        List<Broadcasts.Queued> queued = broadcasts.sendDue(batch, india.toLocalDate(), perPartnerPerDay);
        for (Broadcasts.Queued q : queued) {
            dispatcher.submit(q.conversation(), List.of(q.outboundId()));
        }
        if (!queued.isEmpty()) {
            log.info("broadcasts: {} messages queued", queued.size());
        }
        return queued.size();
    }
}
