package com.shisha.persistence.redis;

import com.shisha.core.pipeline.Fanout;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.function.Consumer;

/** Redis pub/sub. Fire-and-forget by nature: use it for pushes a client can recover from, never for the durable path. */
public class RedissonFanout implements Fanout {

    private final RedissonClient redisson;

    public RedissonFanout(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public void publish(String topic, String payload) {
        redisson.getTopic(topic, StringCodec.INSTANCE).publish(payload);
    }

    @Override
    public void subscribe(String topic, Consumer<String> listener) {
        redisson.getTopic(topic, StringCodec.INSTANCE).addListener(String.class, (channel, message) -> listener.accept(message));
    }
}
