package com.shisha.core.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class IntakePriorityTest {

    private static final long MS = 1_000_000L;

    /** A clock the test moves: the 10 ms windows and the pause's deadline follow it, not the machine's load. */
    private final AtomicLong now = new AtomicLong(1_000 * MS);

    private void arrivals(IntakePriority intake, int n) {
        for (int i = 0; i < n; i++) {
            intake.arrived();
        }
    }

    @Test
    void busyWhileWebhooksArriveFasterThanTheThresholdAndCalmSoonAfter() {
        IntakePriority intake = new IntakePriority(1_000, Duration.ofMillis(50), IntakePriority.JournalUse.WHILE_BUSY, now::get); // 10 per 10 ms window
        assertThat(intake.busy()).isFalse();
        arrivals(intake, 5);
        assertThat(intake.busy()).isFalse();
        arrivals(intake, 50);
        assertThat(intake.busy()).isTrue();
        now.addAndGet(10 * MS); // the next window: the last one still counts
        assertThat(intake.busy()).isTrue();
        now.addAndGet(10 * MS); // a whole window without arrivals
        assertThat(intake.busy()).isFalse();
        arrivals(intake, 11);
        assertThat(intake.busy()).isTrue();
    }

    @Test
    void backgroundWorkWaitsWhileBusyUntilCalmOrItsPauseIsUsedUp() throws Exception {
        IntakePriority intake = new IntakePriority(1_000, Duration.ofMillis(50), IntakePriority.JournalUse.WHILE_BUSY, now::get);
        arrivals(intake, 50);

        CompletableFuture<Void> unit = CompletableFuture.runAsync(intake::yieldToIntake);
        Thread.sleep(200); // real time passes; the test's clock does not: still the busy window
        assertThat(unit).isNotDone();
        now.addAndGet(60 * MS); // past the unit's pause of 50 ms, and busy again in this window
        arrivals(intake, 50);
        unit.get(5, TimeUnit.SECONDS);

        CompletableFuture<Void> next = CompletableFuture.runAsync(intake::yieldToIntake);
        Thread.sleep(100);
        assertThat(next).isNotDone();
        now.addAndGet(20 * MS); // calm: a window without arrivals
        next.get(5, TimeUnit.SECONDS);
    }

    @Test
    void manyWaitersAreEachBoundedByThePause() throws Exception {
        IntakePriority intake = new IntakePriority(1_000, Duration.ofMillis(100), IntakePriority.JournalUse.WHILE_BUSY, now::get);
        arrivals(intake, 50); // and the clock stands still: busy for as long as the test runs
        List<CompletableFuture<Void>> units = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            units.add(CompletableFuture.runAsync(intake::yieldToIntake));
        }
        // one of them watches (its deadline follows the test's clock, which stands still); the others wait for the
        // watch no longer than the pause (100 ms of real time), then go on
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (units.stream().filter(CompletableFuture::isDone).count() < units.size() - 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(units.stream().filter(CompletableFuture::isDone).count()).isEqualTo(units.size() - 1);
        now.addAndGet(200 * MS); // past the watcher's deadline, still busy
        arrivals(intake, 50);
        assertThat(CompletableFuture.allOf(units.toArray(CompletableFuture[]::new))).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void offNeverPauses() {
        IntakePriority off = IntakePriority.off();
        arrivals(off, 100_000);
        assertThat(off.busy()).isFalse();
    }
}
