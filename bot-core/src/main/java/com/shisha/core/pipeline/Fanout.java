package com.shisha.core.pipeline;

import java.util.function.Consumer;

/** Publish/subscribe across app instances (e.g. a web chat reply produced on one instance, its browser on another). */
public interface Fanout {

    void publish(String topic, String payload);

    void subscribe(String topic, Consumer<String> listener);
}
