package com.shisha.persistence.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Group commit: callers on many threads hand one item each to a single writer thread, which writes everything
 * waiting in one statement (one round trip, one commit) and then releases each caller with its own result. A
 * caller returns only after its item is written. Under load the statements grow instead of multiplying: in
 * PostgreSQL a one-row statement costs about as much again in protocol, snapshot and commit as in the row.
 *
 * <p>With a batch key, a batch holds at most one item per key (for statements that must not touch a row
 * twice); later items of that key wait for the next batch, keeping their order.
 *
 * @param <T> an item
 * @param <R> the result for one item
 */
final class GroupCommit<T, R> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** Writes a batch; returns one result per item, in the order of the batch. */
    interface Writer<T, R> {
        List<R> write(List<T> batch);
    }

    private record Pending<T, R>(T item, CompletableFuture<R> result) {
    }

    private final String name;
    private final int maxBatch;
    private final Duration timeout;
    private final long lingerNanos;
    private final Function<T, Object> batchKey;
    private final Writer<T, R> writer;
    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final Deque<Pending<T, R>> carried = new ArrayDeque<>();

    /**
     * @param name     the writer thread's name, also in log lines
     * @param timeout  how long a caller waits for its item to be written before it gets an exception
     * @param linger   how long the writer, having taken a first item, waits for more before it writes (zero: it
     *                 writes whatever is waiting at once). Paced traffic otherwise yields batches of one or two,
     *                 and a statement plus a commit per item or two cost PostgreSQL more than the rows: with 1 ms
     *                 the database CPU per turn fell by a quarter (bench/README.md)
     * @param batchKey null, or the key of which a batch may hold only one item
     */
    GroupCommit(String name, int maxBatch, Duration timeout, Duration linger, Function<T, Object> batchKey, Writer<T, R> writer) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        this.lingerNanos = linger.toNanos();
        this.batchKey = batchKey;
        this.writer = writer;
        Thread thread = new Thread(this::writeLoop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes the item with whatever else is waiting; returns its result once committed. */
    R submit(T item) {
        Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
        queue.add(pending);
        return await(pending.result());
    }

    /**
     * Hands in several items at once (items of one batch key keep their order); each future completes when its
     * item is written. For one caller with many items: submitting them one by one would make batches of one.
     */
    List<CompletableFuture<R>> submitAll(List<T> items) {
        List<CompletableFuture<R>> results = new ArrayList<>(items.size());
        for (T item : items) {
            Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
            results.add(pending.result());
            queue.add(pending);
        }
        return results;
    }

    /** Waits for a result of {@link #submitAll} as {@link #submit} does. */
    R await(CompletableFuture<R> result) {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // the item is not named: it may hold personal data (a phone number); the caller knows what it was
            throw new IllegalStateException(name + " did not write within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /** Items handed in and not yet taken into a batch (for tests). */
    int waiting() {
        return queue.size();
    }

    private void writeLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                write(nextBatch());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("{}: unexpected failure", name, e);
            }
        }
    }

    private List<Pending<T, R>> nextBatch() throws InterruptedException {
        List<Pending<T, R>> candidates = new ArrayList<>(carried);
        carried.clear();
        if (candidates.isEmpty()) {
            candidates.add(queue.take());
        }
        queue.drainTo(candidates, maxBatch * 2 - candidates.size());
        if (lingerNanos > 0 && candidates.size() < maxBatch) {
            long deadline = System.nanoTime() + lingerNanos;
            long left;
            while (candidates.size() < maxBatch && (left = deadline - System.nanoTime()) > 0) {
                Pending<T, R> more = queue.poll(left, TimeUnit.NANOSECONDS);
                if (more == null) {
                    break;
                }
                candidates.add(more);
                queue.drainTo(candidates, maxBatch * 2 - candidates.size());
            }
        }
        List<Pending<T, R>> batch = new ArrayList<>(Math.min(candidates.size(), maxBatch));
        Set<Object> keys = batchKey == null ? null : new HashSet<>();
        for (Pending<T, R> p : candidates) {
            if (batch.size() < maxBatch && (keys == null || keys.add(batchKey.apply(p.item())))) {
                batch.add(p);
            } else {
                carried.add(p);
            }
        }
        return batch;
    }

    private void write(List<Pending<T, R>> batch) {
        List<R> results;
        try {
            results = writer.write(batch.stream().map(Pending::item).toList());
            if (results.size() != batch.size()) {
                throw new IllegalStateException(name + " wrote " + batch.size() + " items but returned " + results.size() + " results");
            }
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                // one item at a time, a bad item (or a deadlock with another writer) fails alone instead of taking the
                // others with it; where the connection died during the commit, items it did write come back as copies
                log.warn("{}: writing {} items together failed ({}); writing them one at a time", name, batch.size(), e.toString());
                batch.forEach(p -> write(List.of(p)));
                return;
            }
            // the item is not named (it may hold personal data); its caller gets the exception and knows what it was
            log.error("{}: writing an item failed: {}", name, e.toString());
            batch.get(0).result().completeExceptionally(e);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }
}
