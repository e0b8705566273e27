package com.shisha.persistence.redis;

import com.shisha.core.ConversationKey;
import com.shisha.core.pipeline.ConversationLock;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Per-conversation lock in Redis. The lease bounds how long a crashed holder blocks the conversation; the
 * version check in the turn commit keeps a turn from being applied twice should a lease ever run out.
 */
public class RedissonConversationLock implements ConversationLock {

    private final RedissonClient redisson;
    private final Duration lease;

    public RedissonConversationLock(RedissonClient redisson, Duration lease) {
        this.redisson = redisson;
        this.lease = lease;
    }

    @Override
    public Optional<Held> tryAcquire(ConversationKey key, Duration wait) throws InterruptedException {
        RLock lock = redisson.getLock("shisha:lock:conversation:" + key.value());
        if (!lock.tryLock(wait.toMillis(), lease.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        return Optional.of(() -> {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        });
    }
}
