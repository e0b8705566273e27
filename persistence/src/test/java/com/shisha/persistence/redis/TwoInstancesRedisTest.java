package com.shisha.persistence.redis;

import com.shisha.persistence.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.redisson.api.RedissonClient;

/** Two Redisson clients of the shared embedded Redis, standing for two app instances; per test class. */
abstract class TwoInstancesRedisTest {

    static RedissonClient one;
    static RedissonClient two;

    @BeforeAll
    static void connect() {
        one = TestRedis.client();
        two = TestRedis.client();
    }

    @AfterAll
    static void disconnect() {
        one.shutdown();
        two.shutdown();
    }
}
