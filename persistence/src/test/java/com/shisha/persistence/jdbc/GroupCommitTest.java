package com.shisha.persistence.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batching itself, with a writer that records its batches instead of a database. Each test first sends one
 * item that the writer holds on to, so the items after it wait together and form the next batches.
 */
class GroupCommitTest {

    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstBatchStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void callersWaitingTogetherShareABatchAndEachGetsItsOwnResult() throws Exception {
        GroupCommit<String, String> group = group(null, batch -> batch.stream().map(String::toUpperCase).toList());
        Future<String> first = holdFirstBatch(group);
        List<Future<String>> rest = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String item = "b" + i;
            rest.add(callers.submit(() -> group.submit(item)));
        }
        waitUntilWaiting(group, 10);
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("FIRST");
        for (int i = 0; i < 10; i++) {
            assertThat(rest.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("B" + i);
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).hasSize(10);
    }

    @Test
    void aBatchHoldsOneItemPerKeyAndLaterOnesKeepTheirOrder() throws Exception {
        GroupCommit<String, String> group = group(s -> s.charAt(0), batch -> batch);
        Future<String> first = holdFirstBatch(group);
        List<Future<String>> futures = submitInOrder(group, "x1", "y1", "x2", "x3", "y2");
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (Future<String> f : futures) {
            f.get(5, TimeUnit.SECONDS);
        }

        assertThat(batches.subList(1, batches.size())).containsExactly(List.of("x1", "y1"), List.of("x2", "y2"), List.of("x3"));
    }

    @Test
    void aFailingBatchIsRetriedOneItemAtATimeSoABadItemFailsAlone() throws Exception {
        GroupCommit<String, String> group = group(null, batch -> {
            if (batch.contains("bad")) {
                throw new IllegalArgumentException("bad item");
            }
            return batch;
        });
        Future<String> first = holdFirstBatch(group);
        List<Future<String>> futures = submitInOrder(group, "good1", "bad", "good2");
        release.countDown();
        first.get(5, TimeUnit.SECONDS);

        assertThat(futures.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("good1");
        assertThat(futures.get(2).get(5, TimeUnit.SECONDS)).isEqualTo("good2");
        assertThatThrownBy(() -> futures.get(1).get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(batches.subList(1, batches.size()))
                .containsExactly(List.of("good1", "bad", "good2"), List.of("good1"), List.of("bad"), List.of("good2"));
    }

    @Test
    void withALingerAnItemHandedInSoonAfterJoinsTheBatchOfTheFirst() throws Exception {
        // a generous linger: the writer writes when the batch is full (two items), long before the linger ends
        GroupCommit<String, String> group = new GroupCommit<>("lingering-writer", 2, Duration.ofSeconds(10), Duration.ofSeconds(5),
                null, batch -> {
                    batches.add(batch);
                    return batch;
                });
        Future<String> first = callers.submit(() -> group.submit("first"));
        Thread.sleep(50); // the writer has taken "first" and lingers
        Future<String> second = callers.submit(() -> group.submit("second"));

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(batches).containsExactly(List.of("first", "second"));
    }

    @Test
    void aCallerGivesUpAfterItsTimeout() {
        GroupCommit<String, String> group = new GroupCommit<>("slow-writer", 64, Duration.ofMillis(200), Duration.ZERO, null, batch -> {
            await(release);
            return batch;
        });

        assertThatThrownBy(() -> group.submit("x")).isInstanceOf(IllegalStateException.class)
                .hasMessage("slow-writer did not write within PT0.2S");
    }

    /** A group whose writer records each batch, holds the first until {@link #release}, then answers with {@code write}. */
    private GroupCommit<String, String> group(Function<String, Object> key, Function<List<String>, List<String>> write) {
        return new GroupCommit<>("test-writer", 64, Duration.ofSeconds(10), Duration.ZERO, key, batch -> {
            batches.add(batch);
            firstBatchStarted.countDown();
            await(release);
            return write.apply(batch);
        });
    }

    private Future<String> holdFirstBatch(GroupCommit<String, String> group) throws InterruptedException {
        Future<String> first = callers.submit(() -> group.submit("first"));
        assertThat(firstBatchStarted.await(5, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    /** One caller after the other, each queued before the next starts, so the queue order is known. */
    private List<Future<String>> submitInOrder(GroupCommit<String, String> group, String... items) throws InterruptedException {
        List<Future<String>> futures = new ArrayList<>();
        for (String item : items) {
            futures.add(callers.submit(() -> group.submit(item)));
            waitUntilWaiting(group, futures.size());
        }
        return futures;
    }

    private static void waitUntilWaiting(GroupCommit<?, ?> group, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.waiting() < n) {
            assertThat(System.nanoTime()).as("%d items waiting", n).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
