package com.shisha.core.pipeline;

import com.shisha.core.ConversationKey;

import java.time.Duration;
import java.util.Optional;

/** Mutual exclusion per conversation across all app instances. */
public interface ConversationLock {

    /** Waits up to {@code wait} for the lock. Empty when another holder kept it that long. */
    Optional<Held> tryAcquire(ConversationKey key, Duration wait) throws InterruptedException;

    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
