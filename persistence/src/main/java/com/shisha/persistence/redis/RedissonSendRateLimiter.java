package com.shisha.persistence.redis;

import com.shisha.core.pipeline.SendRateLimiter;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/** One token bucket per sender number, shared by all instances (Twilio's limit is per sender, not per instance). */
public class RedissonSendRateLimiter implements SendRateLimiter {

    private final RedissonClient redisson;
    private final long perSecond;
    private final ConcurrentHashMap<String, RRateLimiter> limiters = new ConcurrentHashMap<>();

    public RedissonSendRateLimiter(RedissonClient redisson, long perSecond) {
        this.redisson = redisson;
        this.perSecond = perSecond;
    }

    @Override
    public void acquire(String sender) {
        limiters.computeIfAbsent(sender, s -> {
            RRateLimiter limiter = redisson.getRateLimiter("shisha:rate:send:" + s);
            // setRate (not trySetRate): a changed configuration takes effect on the next start
            limiter.setRate(RateType.OVERALL, perSecond, Duration.ofSeconds(1));
            return limiter;
        }).acquire();
    }
}
