package com.shisha.core.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The few figures staff and monitoring watch, read from the durable record, so every instance reports the same
 * cluster-wide numbers: queues, lag, failures, handoffs, and turns over time.
 */
public interface OperationsFigures {

    /**
     * @param inboxWaiting        partner messages stored and not yet answered
     * @param outboxWaiting       replies queued and not yet accepted by the provider
     * @param outboxLagSeconds    how long the oldest of those has been due (0 when none)
     * @param sendFailuresLastHour replies given up on in the last hour
     * @param deliveryErrorsLastHour replies the provider reported as undelivered in the last hour
     * @param handoffsWaiting     conversations in the console's queue nobody has taken
     * @param handoffsWithAgent   conversations an agent has
     */
    record Snapshot(Instant at, long inboxWaiting, long outboxWaiting, double outboxLagSeconds, long sendFailuresLastHour,
                    long deliveryErrorsLastHour, long handoffsWaiting, long handoffsWithAgent) {
    }

    Snapshot now();

    /** Partner messages received and replies queued in one slice of time, and how long answering took (p95). */
    record Slice(Instant start, long inbound, long outbound, double p95Millis) {
    }

    /** The last {@code span} in slices of {@code slice}, oldest first; slices with nothing in them are included. */
    List<Slice> timeline(Duration span, Duration slice);
}
