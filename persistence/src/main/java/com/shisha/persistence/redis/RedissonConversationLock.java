package com.shisha.persistence.redis;

import com.shisha.core.ConversationKey;
import com.shisha.core.pipeline.ConversationLock;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Per-conversation lock in Redis: SET key token NX PX lease to take it, delete-if-still-ours to give it back.
 * Redisson's RLock does the same with a hash, a watchdog and pub/sub wake-ups; measured here it cost about
 * four times as much per turn, and its wake-ups buy nothing: within an instance a conversation never waits
 * (one worker per conversation), so only another instance can hold the lock, and then polling briefly is fine.
 * The lease bounds how long a crashed holder blocks the conversation; the version check in the turn commit
 * keeps a turn from being applied twice should a lease ever run out while its holder still works.
 *
 * <p>The release is sent without waiting for Redis: the turn is committed by then, and its thread can go on to
 * other conversations instead of waiting a round trip. Redisson spreads commands over a pool of connections, so
 * a later SET of this instance could overtake the release; an acquire of the same conversation here therefore
 * waits for the release this instance still has in flight (normally long done). Another instance simply finds
 * the key still there for that round trip and polls, as it would while the turn ran.
 */
public class RedissonConversationLock implements ConversationLock {

    private static final Logger log = LoggerFactory.getLogger(RedissonConversationLock.class);
    private static final long POLL_MILLIS = 5;
    private static final Duration RETRY_RELEASE = Duration.ofSeconds(1);

    private final RedissonClient redisson;
    private final Duration lease;
    private final String owner = UUID.randomUUID().toString();
    /** Releases sent and not yet answered, by lock key. */
    private final ConcurrentHashMap<String, CompletableFuture<Boolean>> releasing = new ConcurrentHashMap<>();

    public RedissonConversationLock(RedissonClient redisson, Duration lease) {
        this.redisson = redisson;
        this.lease = lease;
    }

    @Override
    public Optional<Held> tryAcquire(ConversationKey key, Duration wait) throws InterruptedException {
        String name = "shisha:lock:conversation:" + key.value();
        long deadline = System.nanoTime() + wait.toNanos();
        if (!awaitRelease(name, deadline)) {
            return Optional.empty();
        }
        RBucket<String> bucket = redisson.getBucket(name, StringCodec.INSTANCE);
        String token = owner + ":" + Thread.currentThread().getId() + ":" + System.nanoTime();
        while (!bucket.setIfAbsent(token, lease)) {
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(POLL_MILLIS);
        }
        return Optional.of(() -> release(name, bucket, token));
    }

    private void release(String name, RBucket<String> bucket, String token) {
        release(name, bucket, token, System.nanoTime() + lease.toNanos());
    }

    /**
     * A release that fails (Redis away) is sent again every second until the lease would have ended anyway: Redis
     * may come back with the key (its append-only file), and the conversation would wait out the whole lease.
     */
    private void release(String name, RBucket<String> bucket, String token, long leaseEnds) {
        CompletableFuture<Boolean> sent = bucket.compareAndSetAsync(token, null).toCompletableFuture();
        releasing.put(name, sent);
        sent.whenComplete((released, failure) -> {
            releasing.remove(name, sent);
            if (failure != null) {
                if (System.nanoTime() + RETRY_RELEASE.toNanos() < leaseEnds) {
                    log.debug("releasing a conversation lock failed; trying again in {} ms: {}", RETRY_RELEASE.toMillis(), failure.toString());
                    CompletableFuture.delayedExecutor(RETRY_RELEASE.toMillis(), TimeUnit.MILLISECONDS)
                            .execute(() -> release(name, bucket, token, leaseEnds));
                } else {
                    log.warn("releasing a conversation lock failed; it expires with its lease of {} s: {}", lease.toSeconds(),
                            failure.toString());
                }
            } else if (!released) {
                log.warn("a conversation lock had expired before its turn ended (lease {} s)", lease.toSeconds());
            }
        });
    }

    /** @return false when the wait ran out before this instance's earlier release of the lock was answered */
    private boolean awaitRelease(String name, long deadline) throws InterruptedException {
        CompletableFuture<Boolean> pending = releasing.get(name);
        if (pending == null) {
            return true;
        }
        try {
            pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException e) {
            return true; // logged by the release; the acquire finds out whether the key is still there
        } catch (TimeoutException e) {
            return false;
        }
    }
}
