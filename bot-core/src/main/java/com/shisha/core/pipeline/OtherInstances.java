package com.shisha.core.pipeline;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * One fanout topic used to reach the other instances only: each payload is tagged with this instance, and this
 * instance's own payloads, coming back from the fanout, are dropped (they were delivered here directly).
 */
public final class OtherInstances {

    private final Fanout fanout;
    private final String topic;
    private final String instance = UUID.randomUUID().toString();

    /** @param listener takes the payloads the other instances publish on the topic */
    public OtherInstances(Fanout fanout, String topic, Consumer<String> listener) {
        this.fanout = fanout;
        this.topic = topic;
        fanout.subscribe(topic, tagged -> {
            int nl = tagged.indexOf('\n');
            if (nl > 0 && !tagged.substring(0, nl).equals(instance)) {
                listener.accept(tagged.substring(nl + 1));
            }
        });
    }

    /** @throws RuntimeException when the fanout cannot take it */
    public void publish(String payload) {
        fanout.publish(topic, instance + "\n" + payload);
    }
}
