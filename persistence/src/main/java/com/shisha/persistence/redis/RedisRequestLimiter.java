package com.shisha.persistence.redis;

import com.shisha.core.companion.RequestLimiter;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.util.List;

/**
 * Fixed-window counters in Redis, one atomic script call per request: count, start the window on the first
 * hit, read what is left of it. Shared by all instances, so a client cannot multiply its limit by the number
 * of instances behind the load balancer. (Redisson's RRateLimiter needs a limiter object per key, set up with
 * an extra round trip, which per client address would be one more call on every request.)
 */
public class RedisRequestLimiter implements RequestLimiter {

    private static final String SCRIPT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {n, ttl}""";

    private final RedissonClient redisson;
    private final String prefix;

    public RedisRequestLimiter(RedissonClient redisson, String prefix) {
        this.redisson = redisson;
        this.prefix = prefix;
    }

    @Override
    public Decision acquire(String key, int limit, Duration window) {
        List<Long> result = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, SCRIPT,
                RScript.ReturnType.LIST, List.of(prefix + key), Long.toString(window.toMillis()));
        long count = result.get(0);
        long ttl = result.get(1);
        return new Decision(count <= limit, (int) Math.max(0, limit - count), Duration.ofMillis(Math.max(0, ttl)));
    }
}
