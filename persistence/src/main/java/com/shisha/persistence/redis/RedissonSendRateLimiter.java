package com.shisha.persistence.redis;

import com.shisha.core.pipeline.SendRateLimiter;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per sender number, shared by all instances (Twilio's limit is per sender, not per
 * instance). Permits are fetched from Redis in small blocks (a twentieth of the rate, at least one) and used
 * within the second they were taken, so a busy instance makes one Redis call per block instead of per
 * message, and the overshoot across instances stays within 5 % of the rate.
 */
public class RedissonSendRateLimiter implements SendRateLimiter {

    private static final long BLOCK_TTL_NANOS = Duration.ofSeconds(1).toNanos();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RedissonClient redisson;
    private final long perSecond;
    private final long block;
    private final ConcurrentHashMap<String, Sender> senders = new ConcurrentHashMap<>();

    public RedissonSendRateLimiter(RedissonClient redisson, long perSecond) {
        this.redisson = redisson;
        this.perSecond = perSecond;
        this.block = Math.max(1, perSecond / 20);
    }

    @Override
    public void acquire(String sender) {
        senders.computeIfAbsent(sender, this::open).take();
    }

    private Sender open(String sender) {
        RRateLimiter limiter = redisson.getRateLimiter("shisha:rate:send:" + sender);
        configure(limiter);
        return new Sender(limiter);
    }

    private void configure(RRateLimiter limiter) {
        // setRate (not trySetRate): a changed configuration takes effect on the next start
        limiter.setRate(RateType.OVERALL, perSecond, Duration.ofSeconds(1));
    }

    private final class Sender {
        private final RRateLimiter limiter;
        private long left;
        private long takenAt;

        Sender(RRateLimiter limiter) {
            this.limiter = limiter;
        }

        /**
         * Waits for the permits at most {@link #WAIT}. Redisson's blocking acquire retries on a timer of its own, and
         * when Redis went away between two of its rounds the wait never ended: every sending thread hung for good.
         * A send that cannot get its permits fails instead, and the outbox tries it again later.
         */
        private void acquire(long permits) {
            org.redisson.api.RFuture<Void> pending = limiter.acquireAsync(permits);
            try {
                pending.toCompletableFuture().get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                pending.cancel(false);
                throw new IllegalStateException("no send permit from Redis within " + WAIT.toMillis() + " ms");
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.cancel(false);
                throw new IllegalStateException("interrupted while waiting for a send permit", e);
            }
        }

        synchronized void take() {
            if (left == 0 || System.nanoTime() - takenAt > BLOCK_TTL_NANOS) {
                try {
                    acquire(block);
                } catch (org.redisson.client.RedisException e) {
                    if (e.getMessage() == null || !e.getMessage().contains("not initialized")) {
                        throw e;
                    }
                    // Redis came back without its data (no persistence, or a new server): the rate is set again
                    // here, or every send would fail until the service restarts
                    configure(limiter);
                    acquire(block);
                }
                left = block;
                takenAt = System.nanoTime();
            }
            left--;
        }
    }
}
