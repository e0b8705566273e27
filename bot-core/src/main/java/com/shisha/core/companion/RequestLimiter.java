package com.shisha.core.companion;

import java.time.Duration;

/** Counts requests per key in fixed windows shared by all instances (partner ids, client addresses). */
public interface RequestLimiter {

    Decision acquire(String key, int limit, Duration window);

    /** @param retryAfter how long until the window resets; meaningful when refused */
    record Decision(boolean allowed, int remaining, Duration retryAfter) {
    }
}
