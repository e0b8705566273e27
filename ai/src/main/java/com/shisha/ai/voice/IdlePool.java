package com.shisha.ai.voice;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Idle native objects kept for reuse, per key, with bounds on both: at most maxIdlePerKey per key, and at most
 * maxKeys keys, the least recently used key's objects closed first. Only idle objects live here (borrowers take
 * them out), so closing an evicted one can never pull it from under a running recognition. Thread-safe.
 */
final class IdlePool<K, R> {

    private final int maxKeys;
    private final int maxIdlePerKey;
    private final Consumer<R> closer;
    private final LinkedHashMap<K, ArrayDeque<R>> idle = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    IdlePool(int maxKeys, int maxIdlePerKey, Consumer<R> closer) {
        this.maxKeys = maxKeys;
        this.maxIdlePerKey = maxIdlePerKey;
        this.closer = closer;
    }

    /** An idle object for the key, or null: the caller then builds one. */
    synchronized R poll(K key) {
        ArrayDeque<R> objects = idle.get(key);
        return objects == null ? null : objects.poll();
    }

    /** Keeps the object for reuse, or closes it when the pool is closed or the key already has enough idle. */
    void offer(K key, R object) {
        List<R> toClose = new ArrayList<>();
        synchronized (this) {
            ArrayDeque<R> objects = closed ? null : idle.computeIfAbsent(key, k -> new ArrayDeque<>());
            if (objects == null || objects.size() >= maxIdlePerKey) {
                toClose.add(object);
            } else {
                objects.push(object);
                Iterator<Map.Entry<K, ArrayDeque<R>>> eldest = idle.entrySet().iterator();
                while (idle.size() > maxKeys) {
                    toClose.addAll(eldest.next().getValue());
                    eldest.remove();
                }
            }
        }
        toClose.forEach(closer); // natives are freed outside the lock
    }

    /** Closes every idle object; objects offered later are closed at once. */
    void close() {
        List<R> toClose = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(toClose::addAll);
            idle.clear();
        }
        toClose.forEach(closer);
    }

    synchronized int idleCount() {
        return idle.values().stream().mapToInt(ArrayDeque::size).sum();
    }
}
