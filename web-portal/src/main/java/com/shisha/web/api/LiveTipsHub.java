package com.shisha.web.api;

import com.shisha.core.call.LiveFeed;
import com.shisha.core.pipeline.Fanout;
import com.shisha.core.pipeline.OtherInstances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Partners' apps and dashboards listening for what happens on their live calls (Server-Sent Events). A call's media
 * stream is taken by whichever instance Twilio reached; the partner listens on whichever instance their app reached:
 * an event goes to this instance's listeners at once and over the fanout to the others'.
 */
public final class LiveTipsHub implements LiveFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveTipsHub.class);
    static final String TOPIC = "shisha:live-tips";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<Long, List<SseEmitter>> listeners = new ConcurrentHashMap<>();
    private final OtherInstances others;
    private final long timeoutMillis;

    public LiveTipsHub(Fanout fanout, long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        this.others = new OtherInstances(fanout, TOPIC, json -> deliver(JSON.readValue(json, Published.class)));
    }

    SseEmitter listen(long partnerId) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        List<SseEmitter> list = listeners.computeIfAbsent(partnerId, p -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().comment("listening"));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    /** Ends every open stream at shutdown (an open stream is an active request graceful shutdown would wait for). */
    public void closeAll() {
        listeners.values().forEach(list -> list.forEach(SseEmitter::complete));
        listeners.clear();
    }

    @Override
    public void publish(long partnerId, Event event) {
        Published published = new Published(partnerId, Views.LiveEvent.of(event));
        deliver(published);
        try {
            others.publish(JSON.writeValueAsString(published));
        } catch (RuntimeException e) {
            log.warn("live event of call {} reached only this instance's listeners: {}", event.callId(), e.toString());
        }
    }

    private void deliver(Published published) {
        List<SseEmitter> list = listeners.get(published.partnerId());
        if (list == null) {
            return;
        }
        for (SseEmitter emitter : list) {
            try {
                emitter.send(SseEmitter.event().name(published.event().type()).data(published.event()));
            } catch (IOException | IllegalStateException e) {
                list.remove(emitter);
            }
        }
    }

    record Published(long partnerId, Views.LiveEvent event) {
    }
}
