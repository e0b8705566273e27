package com.shisha.core.pipeline;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SerialExecutorTest {

    @Test
    void neverRunsOneKeyTwiceAtOnceAndLosesNoRequest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        ConcurrentHashMap<String, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        ConcurrentHashMap<String, AtomicInteger> pendingWork = new ConcurrentHashMap<>();
        for (int k = 0; k < 3; k++) {
            pendingWork.put("conversation-" + k, new AtomicInteger());
        }
        SerialExecutor<String> serial = new SerialExecutor<>(pool, key -> {
            if (running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            pendingWork.get(key).set(0); // a run sees everything requested for its key before it started
            running.get(key).decrementAndGet();
        });
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 20_000; i++) {
                    String key = "conversation-" + (i % 3);
                    pendingWork.get(key).incrementAndGet();
                    serial.request(key);
                }
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 500 && pendingWork.values().stream().anyMatch(w -> w.get() != 0); i++) {
            Thread.sleep(10);
        }
        pool.shutdown();
        assertThat(overlaps.get()).isZero();
        assertThat(pendingWork.values()).as("work requested after the last run of its key started")
                .allSatisfy(w -> assertThat(w.get()).isZero());
    }

    @Test
    void requestIfIdleDoesNotQueueABusyKeyAgain() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        SerialExecutor<String> serial = new SerialExecutor<>(pool, key -> {
            runs.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        serial.request("k");
        Thread.sleep(50);
        serial.requestIfIdle("k");
        release.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(runs.get()).isEqualTo(1);
    }
}
