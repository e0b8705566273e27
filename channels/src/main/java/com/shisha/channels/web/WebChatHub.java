package com.shisha.channels.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.shisha.core.PhoneMask;
import com.shisha.core.dialog.Choices;
import com.shisha.core.pipeline.Fanout;
import com.shisha.core.pipeline.OtherInstances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

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
    private static final String JSON_MARK = "\u0001";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, List<SseEmitter>> listeners = new ConcurrentHashMap<>();
    private final OtherInstances others;
    private final long timeoutMillis;

    public WebChatHub(Fanout fanout, long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        this.others = new OtherInstances(fanout, TOPIC, this::deliver);
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

    /**
     * Pushes a reply to this instance's browsers for the phone at once, and publishes it for the other instances'.
     * The payload is the phone and the text, after a newline; a reply with choices has JSON
     * ({@link Published}) instead of the text, marked by a leading {@value #JSON_MARK} (no text starts with it), so the
     * many replies without choices cost no JSON on either side. Local browsers never depend on the fanout: Redis
     * publish/subscribe delivers at most once, and a reply published while it restarts reached nobody.
     *
     * @throws RuntimeException when the fanout is down and no browser of this instance took the reply, so that the
     *                          outbox tries again rather than count it delivered
     */
    void publish(String phone, String text, Choices choices) {
        String payload = phone + "\n" + (choices == null ? text : JSON_MARK + JSON.writeValueAsString(new Published(text, WebChoices.of(choices))));
        boolean local = deliver(payload);
        try {
            others.publish(payload);
        } catch (RuntimeException e) {
            if (!local) {
                throw e;
            }
            log.warn("web chat reply to {} reached this instance's browser; other instances missed it: {}",
                    PhoneMask.mask(phone), e.toString());
        }
    }

    void publish(String phone, String text) {
        publish(phone, text, null);
    }

    /** @return whether a browser of this instance listens for the phone (it was sent the reply) */
    private boolean deliver(String payload) {
        int nl = payload.indexOf('\n');
        if (nl < 0) {
            return false;
        }
        String phone = payload.substring(0, nl);
        List<SseEmitter> list = listeners.get(phone);
        if (list == null || list.isEmpty()) {
            return false;
        }
        String rest = payload.substring(nl + 1);
        Published published = rest.startsWith(JSON_MARK)
                ? JSON.readValue(rest.substring(JSON_MARK.length()), Published.class) : new Published(rest, null);
        Reply reply = new Reply(published.text(), Instant.now().toString(), published.choices());
        for (SseEmitter emitter : list) {
            try {
                emitter.send(SseEmitter.event().name("reply").data(reply));
            } catch (IOException | IllegalStateException e) {
                log.debug("web chat listener of {} went away: {}", PhoneMask.mask(phone), e.toString());
                list.remove(emitter);
            }
        }
        return true;
    }

    /** @param choices null when the reply offers none (then left out of the event) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reply(String text, String at, WebChoices choices) {
    }

    /** A reply with choices as it travels between instances. */
    record Published(String text, WebChoices choices) {
    }
}
