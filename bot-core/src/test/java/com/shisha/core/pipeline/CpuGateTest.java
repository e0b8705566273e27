package com.shisha.core.pipeline;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class CpuGateTest {

    @Test
    void aTurnWaitingOnSlowIoLetsAnotherTurnCompute() throws Exception {
        CpuGate gate = new CpuGate(1);
        CountDownLatch slowCallStarted = new CountDownLatch(1);
        CountDownLatch otherTurnRan = new CountDownLatch(1);
        AtomicBoolean permitBackAfter = new AtomicBoolean();

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                gate.run(() -> {
                    gate.outside(() -> {
                        slowCallStarted.countDown();
                        try {
                            // the only permit is free while this "model call" waits, so the other turn gets it
                            return otherTurnRan.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    permitBackAfter.set(true);
                });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(slowCallStarted.await(5, TimeUnit.SECONDS)).isTrue();
        gate.run(otherTurnRan::countDown);

        waiting.get(5, TimeUnit.SECONDS);
        assertThat(otherTurnRan.getCount()).isZero();
        assertThat(permitBackAfter).isTrue();
    }

    @Test
    void outsideATurnTheSlowCallJustRuns() {
        CpuGate gate = new CpuGate(1);
        assertThat(gate.outside(() -> "answer")).isEqualTo("answer");
    }
}
