package com.shisha.core.pipeline;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds how many turns use the CPU at once while letting more wait on slow I/O. Turns are CPU-bound and on
 * this hardware two at a time measured fastest; but a turn that asks the language model or transcribes a voice
 * note waits seconds, and with only two threads two such turns would stall every other conversation. So the
 * turn pool has more threads than permits: a turn holds a permit while it computes and gives it back while it
 * waits ({@link #outside}).
 */
public final class CpuGate {

    private final Semaphore permits;
    private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

    public CpuGate(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("at least one permit, was " + permits);
        }
        this.permits = new Semaphore(permits, true); // fair: a turn back from I/O queues behind, not ahead of, waiting turns
    }

    /** Runs the body holding a permit. */
    public void run(Runnable body) throws InterruptedException {
        permits.acquire();
        holding.set(true);
        try {
            body.run();
        } finally {
            holding.set(false);
            permits.release();
        }
    }

    /** Runs a slow call (network, speech) without the permit, if this thread holds one, and takes it back after. */
    public <T> T outside(Supplier<T> slow) {
        if (!holding.get()) {
            return slow.get();
        }
        permits.release();
        holding.set(false);
        try {
            return slow.get();
        } finally {
            permits.acquireUninterruptibly();
            holding.set(true);
        }
    }
}
