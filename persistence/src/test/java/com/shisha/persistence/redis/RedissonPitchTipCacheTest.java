package com.shisha.persistence.redis;

import com.shisha.core.journey.PitchTips.PitchTip;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real (embedded) Redis. */
class RedissonPitchTipCacheTest extends TwoInstancesRedisTest {

    @Test
    void a_tip_put_through_one_client_is_read_through_another_with_its_hindi_intact() {
        String key = "v1:lead:" + UUID.randomUUID() + ":partner:7:hi";
        PitchTip tip = new PitchTip("पहले पूछें कि लोन किस काम के लिए है, \"GroMo\" ऐप में ऑफ़र दिखाएँ।", "loans.eligibility-cibil");

        new RedissonPitchTipCache(one, Duration.ofDays(7)).put(key, tip);

        assertThat(new RedissonPitchTipCache(two, Duration.ofDays(7)).get(key)).contains(tip);
        assertThat(new RedissonPitchTipCache(two, Duration.ofDays(7)).get(key + "-other")).isEmpty();
    }

    @Test
    void entries_carry_the_time_to_live_and_expire() throws InterruptedException {
        String key = "v1:lead:" + UUID.randomUUID() + ":partner:7:en";
        PitchTip tip = new PitchTip("Ask what the loan is for first.", "loans.personal-basics");
        new RedissonPitchTipCache(one, Duration.ofDays(7)).put(key, tip);

        long ttl = one.getBucket(RedissonPitchTipCache.PREFIX + key, StringCodec.INSTANCE).remainTimeToLive();
        assertThat(ttl).isBetween(Duration.ofDays(7).minusMinutes(1).toMillis(), Duration.ofDays(7).toMillis());

        RedissonPitchTipCache brief = new RedissonPitchTipCache(one, Duration.ofMillis(200));
        brief.put(key, tip);
        Thread.sleep(400);
        assertThat(brief.get(key)).isEmpty();
    }

    @Test
    void a_value_it_did_not_write_reads_as_absent() {
        String key = "v1:lead:" + UUID.randomUUID() + ":partner:7:en";
        one.getBucket(RedissonPitchTipCache.PREFIX + key, StringCodec.INSTANCE).set("not json");

        assertThat(new RedissonPitchTipCache(one, Duration.ofDays(7)).get(key)).isEmpty();
    }
}
