package com.shisha.ai.voice;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The recognizer pools' rules, on plain strings standing in for native recognizers. */
class IdlePoolTest {

    private final List<String> closed = new ArrayList<>();
    private final IdlePool<String, String> pool = new IdlePool<>(2, 2, closed::add);

    @Test
    void anOfferedObjectIsReusedForItsKeyOnly() {
        pool.offer("[\"one\",\"two\"]", "r1");

        assertThat(pool.poll("[\"yes\",\"no\"]")).isNull();
        assertThat(pool.poll("[\"one\",\"two\"]")).isEqualTo("r1");
        assertThat(pool.poll("[\"one\",\"two\"]")).isNull();
        assertThat(closed).isEmpty();
    }

    @Test
    void beyondTheIdleLimitPerKeyObjectsAreClosed() {
        pool.offer("k", "r1");
        pool.offer("k", "r2");
        pool.offer("k", "r3");

        assertThat(closed).containsExactly("r3");
        assertThat(pool.idleCount()).isEqualTo(2);
    }

    @Test
    void theLeastRecentlyUsedKeyIsEvictedAndItsObjectsClosed() {
        pool.offer("a", "a1");
        pool.offer("b", "b1");
        pool.offer("a", "a2");  // a is now the most recently used
        pool.offer("c", "c1");  // a third key: b goes

        assertThat(closed).containsExactly("b1");
        assertThat(pool.poll("b")).isNull();
        assertThat(pool.poll("a")).isIn("a1", "a2");
        assertThat(pool.poll("c")).isEqualTo("c1");
    }

    @Test
    void closingClosesTheIdleAndEverythingOfferedLater() {
        pool.offer("a", "a1");
        pool.offer("b", "b1");

        pool.close();
        pool.offer("a", "late");

        assertThat(closed).containsExactlyInAnyOrder("a1", "b1", "late");
        assertThat(pool.poll("a")).isNull();
    }
}
