package com.shisha.core.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class IntakePriorityTest {

    @Test
    void busyWhileWebhooksArriveFasterThanTheThresholdAndCalmSoonAfter() throws Exception {
        IntakePriority intake = new IntakePriority(1_000, Duration.ofMillis(50)); // 10 per 10 ms window
        assertThat(intake.busy()).isFalse();
        for (int i = 0; i < 5; i++) {
            intake.arrived();
        }
        assertThat(intake.busy()).isFalse();
        for (int i = 0; i < 50; i++) {
            intake.arrived();
        }
        assertThat(intake.busy()).isTrue();
        Thread.sleep(30); // two windows without arrivals
        assertThat(intake.busy()).isFalse();
    }

    @Test
    void backgroundWorkWaitsWhileBusyButNoLongerThanThePause() throws Exception {
        IntakePriority intake = new IntakePriority(1_000, Duration.ofMillis(300));
        AtomicBoolean burst = new AtomicBoolean(true);
        CompletableFuture<Void> webhooks = CompletableFuture.runAsync(() -> {
            while (burst.get()) {
                intake.arrived();
                Thread.onSpinWait();
            }
        });
        try {
            while (!intake.busy()) {
                Thread.onSpinWait();
            }
            List<CompletableFuture<Long>> waits = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                waits.add(CompletableFuture.supplyAsync(() -> {
                    long t0 = System.nanoTime();
                    intake.yieldToIntake();
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                }));
            }
            for (CompletableFuture<Long> wait : waits) {
                // each unit waited (the burst never calmed) and none longer than its bound plus scheduling slack
                assertThat(wait.get(10, TimeUnit.SECONDS)).isBetween(250L, 5_000L);
            }
        } finally {
            burst.set(false);
            webhooks.get();
        }
        Thread.sleep(30);
        long t0 = System.nanoTime();
        intake.yieldToIntake();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(250L);
    }

    @Test
    void offNeverPauses() {
        IntakePriority off = IntakePriority.off();
        for (int i = 0; i < 100_000; i++) {
            off.arrived();
        }
        assertThat(off.busy()).isFalse();
    }
}
