package com.shisha.core.pipeline;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Acknowledgements first. A webhook is cheap and on a deadline (Twilio gives up after 15 s and retries); a turn
 * or a send is dearer and can wait a little, because the message is already durable in the inbox. While many
 * webhooks are in flight, background work (turns, sends) pauses briefly before each unit so the CPU goes to
 * acknowledging. The pause per unit is bounded, so under sustained overload the backlog still drains.
 */
public final class IntakePriority {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int busyAbove;
    private final long maxPauseNanos;

    /**
     * @param busyAbove intake counts as busy while more webhooks than this are being stored at once
     * @param maxPause  the longest one unit of background work waits for intake to calm down
     */
    public IntakePriority(int busyAbove, Duration maxPause) {
        if (busyAbove < 0 || maxPause.isNegative()) {
            throw new IllegalArgumentException("busyAbove and maxPause must not be negative");
        }
        this.busyAbove = busyAbove;
        this.maxPauseNanos = maxPause.toNanos();
    }

    /** Never pauses: for tests and for deployments that want turns to run at once whatever the intake. */
    public static IntakePriority off() {
        return new IntakePriority(Integer.MAX_VALUE, Duration.ZERO);
    }

    void enter() {
        inFlight.incrementAndGet();
    }

    void leave() {
        inFlight.decrementAndGet();
    }

    /** Called by background work before each unit. */
    void yieldToIntake() {
        if (inFlight.get() <= busyAbove) {
            return;
        }
        long deadline = System.nanoTime() + maxPauseNanos;
        while (inFlight.get() > busyAbove && System.nanoTime() < deadline) {
            LockSupport.parkNanos(500_000);
        }
    }
}
