package com.shisha.persistence.redis;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.pipeline.ConversationLock;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Two lock objects on two clients stand for two app instances sharing one (embedded, real) Redis. */
class RedissonConversationLockTest extends TwoInstancesRedisTest {

    private static ConversationKey newConversation() {
        return new ConversationKey(Channel.WHATSAPP, "+9197" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)));
    }

    private static boolean keyExists(ConversationKey key) {
        return one.getBucket("shisha:lock:conversation:" + key.value(), StringCodec.INSTANCE).isExists();
    }

    @Test
    void an_instance_holding_a_conversation_keeps_the_other_out_until_it_releases() throws InterruptedException {
        ConversationLock a = new RedissonConversationLock(one, Duration.ofSeconds(60));
        ConversationLock b = new RedissonConversationLock(two, Duration.ofSeconds(60));
        ConversationKey key = newConversation();

        Optional<ConversationLock.Held> held = a.tryAcquire(key, Duration.ZERO);
        assertThat(held).isPresent();
        assertThat(b.tryAcquire(key, Duration.ofMillis(50))).isEmpty();
        assertThat(b.tryAcquire(newConversation(), Duration.ZERO)).as("other conversations are free").isPresent();

        held.get().close();
        Optional<ConversationLock.Held> taken = b.tryAcquire(key, Duration.ofSeconds(5));
        assertThat(taken).as("released without waiting for Redis, then taken over by the other instance").isPresent();
        assertThat(a.tryAcquire(key, Duration.ofMillis(50))).isEmpty();
        taken.get().close();
    }

    /**
     * The release goes out without waiting for its answer, and a later acquire may travel on another connection;
     * the same instance taking the conversation again at once must not be refused by its own release in flight.
     */
    @Test
    void the_same_instance_takes_a_conversation_again_right_after_releasing_it() throws InterruptedException {
        ConversationLock a = new RedissonConversationLock(one, Duration.ofSeconds(60));
        ConversationKey key = newConversation();
        for (int i = 0; i < 300; i++) {
            Optional<ConversationLock.Held> held = a.tryAcquire(key, Duration.ofSeconds(5));
            assertThat(held).as("turn %d", i).isPresent();
            held.get().close();
        }
        // the last release lands: then the key is gone, and a zero-wait acquire by another instance succeeds
        Optional<ConversationLock.Held> other = new RedissonConversationLock(two, Duration.ofSeconds(60))
                .tryAcquire(key, Duration.ofSeconds(5));
        assertThat(other).isPresent();
        other.get().close();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (keyExists(key) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(keyExists(key)).isFalse();
    }

    @Test
    void a_crashed_holder_blocks_only_for_its_lease_and_its_late_release_does_not_free_the_new_holder() throws InterruptedException {
        ConversationLock crashed = new RedissonConversationLock(one, Duration.ofMillis(300));
        ConversationLock b = new RedissonConversationLock(two, Duration.ofSeconds(60));
        ConversationLock c = new RedissonConversationLock(two, Duration.ofSeconds(60));
        ConversationKey key = newConversation();

        Optional<ConversationLock.Held> stale = crashed.tryAcquire(key, Duration.ZERO);
        assertThat(stale).isPresent();
        Optional<ConversationLock.Held> taken = b.tryAcquire(key, Duration.ofSeconds(5));
        assertThat(taken).as("after the lease ran out").isPresent();

        stale.get().close(); // the old holder wakes up late: its token is no longer in the key
        Thread.sleep(100);
        assertThat(c.tryAcquire(key, Duration.ofMillis(50))).as("still held by the new holder").isEmpty();
        taken.get().close();
        assertThat(c.tryAcquire(key, Duration.ofSeconds(5))).isPresent();
    }
}
