package com.shisha.persistence.redis;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatCode;

/** Against a real (embedded) Redis. */
class RedissonSendRateLimiterTest extends TwoInstancesRedisTest {

    @Test
    void sendingGoesOnWhenRedisLostTheLimitersSettings() {
        String sender = "whatsapp:+1415" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 7);
        RedissonSendRateLimiter limiter = new RedissonSendRateLimiter(one, 1000);
        limiter.acquire(sender);
        // what a Redis restarted without its data looks like to a limiter opened before
        one.getKeys().deleteByPattern("*shisha:rate:send:" + sender + "*");
        for (int i = 0; i < 200; i++) {
            int n = i;
            assertThatCode(() -> limiter.acquire(sender)).as("permit %d", n).doesNotThrowAnyException();
        }
    }
}
