package com.shisha.persistence.redis;

import com.shisha.core.journey.PitchTipCache;
import com.shisha.core.journey.PitchTips.PitchTip;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Generated pitch tips in Redis, one string key per tip with a time to live.
 *
 * <p>Why Redis and not PostgreSQL: this is a cache, not a record. Every instance already shares Redis; expiry is
 * Redis's own (no table, no clean-up job), and an expired or lost entry only means the baseline tip is shown while
 * the tip is generated again. Redis keeps it across restarts (the zero-setup Redis runs with appendonly, production
 * Redis with its own persistence). The value is small JSON, readable with redis-cli.
 */
public final class RedissonPitchTipCache implements PitchTipCache {

    public static final Duration DEFAULT_TTL = Duration.ofDays(7);
    static final String PREFIX = "shisha:pitchtip:";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final RedissonClient redisson;
    private final Duration ttl;

    /** @param ttl how long a generated tip is served before it is generated again (PITCH_TIP_TTL_HOURS, default 7 days) */
    public RedissonPitchTipCache(RedissonClient redisson, Duration ttl) {
        this.redisson = Objects.requireNonNull(redisson, "redisson");
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("PITCH_TIP_TTL_HOURS must be positive, was " + ttl);
        }
        this.ttl = ttl;
    }

    @Override
    public Optional<PitchTip> get(String key) {
        String value = bucket(key).get();
        if (value == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(value);
            if (!node.path("text").isString() || !node.path("source").isString()) {
                return Optional.empty();
            }
            return Optional.of(new PitchTip(node.get("text").stringValue(), node.get("source").stringValue()));
        } catch (JacksonException e) {
            // a value this class did not write: treat as absent, it is regenerated and overwritten
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, PitchTip tip) {
        String value = JSON.writeValueAsString(JSON.createObjectNode().put("text", tip.text()).put("source", tip.source()));
        bucket(key).set(value, ttl);
    }

    private RBucket<String> bucket(String key) {
        return redisson.getBucket(PREFIX + key, StringCodec.INSTANCE);
    }
}
