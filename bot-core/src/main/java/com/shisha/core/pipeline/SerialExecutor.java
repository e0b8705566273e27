package com.shisha.core.pipeline;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs a task per key on a shared pool, never two at once for the same key. A request that arrives while the
 * key's task is running makes it run once more afterwards, so no request is lost and bursts coalesce.
 */
final class SerialExecutor<K> {

    private enum Mark { RUNNING, RERUN }

    private final ConcurrentHashMap<K, Mark> marks = new ConcurrentHashMap<>();
    private final Executor pool;
    private final Consumer<K> task;

    SerialExecutor(Executor pool, Consumer<K> task) {
        this.pool = pool;
        this.task = task;
    }

    void request(K key) {
        boolean[] start = {false};
        marks.compute(key, (k, mark) -> {
            if (mark == null) {
                start[0] = true;
                return Mark.RUNNING;
            }
            return Mark.RERUN;
        });
        if (start[0]) {
            pool.execute(() -> runLoop(key));
        }
    }

    /** Like {@link #request}, but does nothing while the key's task is running or queued: it will see new work anyway. */
    void requestIfIdle(K key) {
        if (!marks.containsKey(key)) {
            request(key);
        }
    }

    private void runLoop(K key) {
        try {
            do {
                task.accept(key);
            } while (marks.compute(key, (k, mark) -> mark == Mark.RERUN ? Mark.RUNNING : null) != null);
        } catch (RuntimeException | Error e) {
            // the task logs its own failures; drop the mark so a later request (or the sweeper) can start again
            marks.remove(key);
            throw e;
        }
    }
}
