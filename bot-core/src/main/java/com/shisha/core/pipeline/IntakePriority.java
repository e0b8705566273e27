package com.shisha.core.pipeline;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Acknowledgements first, decided in one place: whether intake is busy, whether a webhook goes through the intake
 * journal, and how long background work gives way. A webhook is cheap and on a deadline (Twilio gives up after
 * 15 s and retries); a turn or a send is dearer and can wait a little, because the message is already durable.
 * While webhooks arrive faster than a threshold, background work (moving journaled messages into the inbox,
 * turns, sends) pauses before each unit so the CPU goes to acknowledging. The pause per unit is bounded, so under sustained overload
 * the backlog still drains.
 *
 * <p>Busy is judged by the arrival rate over the last 10 ms, not by how many webhooks are in flight: with the
 * intake journal a webhook is in flight for a flush and not much else, and a burst of 64 connections showed
 * fewer than 8 in flight often enough that background work ran through it (bench/README.md).
 */
public final class IntakePriority {

    private static final long WINDOW_NANOS = 10_000_000L;

    /** Which webhooks the intake journal takes, when there is one. */
    public enum JournalUse {
        /** Every webhook. */
        ALWAYS,
        /**
         * Webhooks while intake is busy, and after that until what the journal took is in the inbox. At a steady
         * pace a webhook then waits for the database commit instead: a journal write of its own costs a flush and
         * two more thread hand-offs for what a burst shares among hundreds (bench/README.md).
         */
        WHILE_BUSY
    }

    private final ReentrantLock watch = new ReentrantLock();
    private final JournalUse journalUse;
    private final int busyPerWindow;
    private final long maxPauseNanos;
    private final LongSupplier nanoClock;
    /** The number of the current 10 ms window (nanoTime / 10 ms) and the arrivals counted in it. */
    private final AtomicLong window = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger arrivals = new AtomicInteger();
    /** Arrivals in the window before the current one. */
    private volatile int previous;

    /**
     * @param busyPerSecond intake counts as busy while webhooks arrive faster than this
     * @param maxPause      the longest one unit of background work waits for intake to calm down
     * @param journalUse    which webhooks go through the intake journal, when there is one
     */
    public IntakePriority(int busyPerSecond, Duration maxPause, JournalUse journalUse) {
        this(busyPerSecond, maxPause, journalUse, System::nanoTime);
    }

    /** @param nanoClock {@link System#nanoTime}, or a clock a test moves */
    IntakePriority(int busyPerSecond, Duration maxPause, JournalUse journalUse, LongSupplier nanoClock) {
        this.journalUse = journalUse;
        this.nanoClock = nanoClock;
        if (busyPerSecond < 0 || maxPause.isNegative()) {
            throw new IllegalArgumentException("busyPerSecond and maxPause must not be negative");
        }
        this.busyPerWindow = (int) Math.min(Integer.MAX_VALUE, busyPerSecond * WINDOW_NANOS / 1_000_000_000L);
        this.maxPauseNanos = maxPause.toNanos();
    }

    /**
     * Never pauses: for tests and for deployments that want turns to run at once whatever the intake. A journal, if
     * there is one, takes every webhook.
     */
    public static IntakePriority off() {
        return new IntakePriority(Integer.MAX_VALUE, Duration.ZERO, JournalUse.ALWAYS);
    }

    /** Counts a webhook taken in. */
    void arrived() {
        long now = nanoClock.getAsLong() / WINDOW_NANOS;
        long current = window.get();
        if (now != current && window.compareAndSet(current, now)) {
            int counted = arrivals.getAndSet(0);
            previous = now == current + 1 ? counted : 0;
        }
        arrivals.incrementAndGet();
    }

    /**
     * Whether a webhook arriving now goes through the journal rather than straight into the inbox. Once the journal
     * holds anything unsettled, every webhook follows it there, so none overtakes one acknowledged before it
     * ({@link InboundIngest#accept}).
     */
    boolean throughJournal(IntakeBuffer journal) {
        return journalUse == JournalUse.ALWAYS || busy() || journal.unsettled() > 0;
    }

    /** Whether webhooks arrived faster than the threshold over the last window. */
    public boolean busy() {
        long now = nanoClock.getAsLong() / WINDOW_NANOS;
        long current = window.get();
        if (now == current) {
            return Math.max(previous, arrivals.get()) > busyPerWindow;
        }
        // no arrival yet in this window: the last one counted is over if it was the one before
        return now == current + 1 && arrivals.get() > busyPerWindow;
    }

    /**
     * Called by background work before each unit. One paused thread at a time watches the intake; the others
     * wait for the watch without waking: twenty-odd turn and send threads each checking every half millisecond
     * spent 15 % of the service's CPU during a burst on waking up (profiled, bench/README.md).
     */
    public void yieldToIntake() {
        if (!busy()) {
            return;
        }
        long deadline = nanoClock.getAsLong() + maxPauseNanos;
        try {
            if (!watch.tryLock(maxPauseNanos, TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            while (busy() && nanoClock.getAsLong() < deadline) {
                LockSupport.parkNanos(500_000);
            }
        } finally {
            watch.unlock();
        }
    }
}
