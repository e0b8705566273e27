package com.shisha.persistence.redis;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real (embedded) Redis, through two clients as two instances would. */
class RedisLoginLockoutTest extends TwoInstancesRedisTest {

    @Test
    void failures_add_up_across_instances_and_a_success_clears_them() {
        String key = UUID.randomUUID().toString();
        RedisLoginLockout a = new RedisLoginLockout(one, "test:lockout:");
        RedisLoginLockout b = new RedisLoginLockout(two, "test:lockout:");
        assertThat(a.failures(key)).isZero();
        assertThat(a.recordFailure(key, Duration.ofMinutes(15))).isEqualTo(1);
        assertThat(b.recordFailure(key, Duration.ofMinutes(15))).isEqualTo(2);
        assertThat(a.failures(key)).isEqualTo(2);
        b.clear(key);
        assertThat(a.failures(key)).isZero();
    }

    @Test
    void the_window_starts_with_the_first_failure_and_ends() throws InterruptedException {
        String key = UUID.randomUUID().toString();
        RedisLoginLockout lockout = new RedisLoginLockout(one, "test:lockout:");
        lockout.recordFailure(key, Duration.ofMillis(300));
        lockout.recordFailure(key, Duration.ofMillis(300));
        assertThat(lockout.failures(key)).isEqualTo(2);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (lockout.failures(key) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(lockout.failures(key)).isZero();
    }
}
