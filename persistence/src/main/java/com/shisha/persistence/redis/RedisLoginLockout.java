package com.shisha.persistence.redis;

import com.shisha.core.companion.LoginLockout;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.util.List;

/** Failed sign-ins as Redis counters that expire with their window; one atomic script per failure. */
public class RedisLoginLockout implements LoginLockout {

    private static final String RECORD = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n""";

    private final RedissonClient redisson;
    private final String prefix;

    public RedisLoginLockout(RedissonClient redisson, String prefix) {
        this.redisson = redisson;
        this.prefix = prefix;
    }

    @Override
    public int failures(String key) {
        String value = redisson.<String>getBucket(prefix + key, StringCodec.INSTANCE).get();
        return value == null ? 0 : Integer.parseInt(value);
    }

    @Override
    public int recordFailure(String key, Duration window) {
        Long n = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, RECORD, RScript.ReturnType.LONG,
                List.of(prefix + key), Long.toString(window.toMillis()));
        return n.intValue();
    }

    @Override
    public void clear(String key) {
        redisson.getBucket(prefix + key, StringCodec.INSTANCE).delete();
    }
}
