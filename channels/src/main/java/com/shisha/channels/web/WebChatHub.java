package com.shisha.channels.web;

import com.shisha.core.PhoneMask;
import com.shisha.core.pipeline.Fanout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Browsers listening for replies (Server-Sent Events), per phone number. A reply is published on the fanout
 * so that whichever instance holds the browser's connection pushes it.
 */
public final class WebChatHub {

    private static final Logger log = LoggerFactory.getLogger(WebChatHub.class);
    static final String TOPIC = "shisha:webchat:replies";

    private final Map<String, List<SseEmitter>> listeners = new ConcurrentHashMap<>();
    private final Fanout fanout;
    private final long timeoutMillis;

    public WebChatHub(Fanout fanout, long timeoutMillis) {
        this.fanout = fanout;
        this.timeoutMillis = timeoutMillis;
        fanout.subscribe(TOPIC, this::deliverLocally);
    }

    SseEmitter listen(String phone) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        List<SseEmitter> list = listeners.computeIfAbsent(phone, p -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            // commits the response headers now, so the browser (and any client waiting for them) sees the stream open
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    /**
     * Ends every open stream. Called when the service shuts down: an open stream is an active request, and
     * graceful shutdown would otherwise wait its full timeout for browsers that never hang up. Browsers
     * reconnect (to another instance) on their own.
     */
    public void closeAll() {
        listeners.values().forEach(list -> list.forEach(SseEmitter::complete));
        listeners.clear();
    }

    /** Publishes a reply to every instance; the one(s) holding this phone's browsers push it. */
    void publish(String phone, String text) {
        fanout.publish(TOPIC, phone + "\n" + text);
    }

    private void deliverLocally(String payload) {
        int nl = payload.indexOf('\n');
        if (nl < 0) {
            return;
        }
        String phone = payload.substring(0, nl);
        String text = payload.substring(nl + 1);
        List<SseEmitter> list = listeners.get(phone);
        if (list == null || list.isEmpty()) {
            return;
        }
        for (SseEmitter emitter : list) {
            try {
                emitter.send(SseEmitter.event().name("reply").data(new Reply(text, Instant.now().toString())));
            } catch (IOException | IllegalStateException e) {
                log.debug("web chat listener of {} went away: {}", PhoneMask.mask(phone), e.toString());
                list.remove(emitter);
            }
        }
    }

    record Reply(String text, String at) {
    }
}
