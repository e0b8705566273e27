package com.shisha.core.pipeline;

import java.time.Instant;

/**
 * Server-side turn latency from the durable record: for each inbound message received in a window, the time
 * from its webhook being stored to its reply being queued. This includes waiting for a worker, and excludes
 * the provider (Twilio) entirely, which is what an operator and the benchmark want to see.
 */
public interface TurnStats {

    Summary summary(Instant since, Instant until);

    record Summary(long turns, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
    }
}
