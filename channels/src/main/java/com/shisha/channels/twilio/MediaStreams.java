package com.shisha.channels.twilio;

import com.shisha.core.Language;
import com.shisha.core.call.CallCues;
import com.shisha.core.call.LeadCalls;
import com.shisha.core.call.LiveFeed;
import com.shisha.core.voice.SpeechStreams;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Twilio Media Streams of bridged calls ({@code <Start><Stream track="both_tracks">} on the partner's leg): the
 * partner's voice is the inbound track, the customer's the outbound one. Each track is decoded (8 kHz μ-law to
 * 16 kHz PCM) into a live recogniser of its own; every utterance is kept as the call's transcript, and each of the
 * customer's that is an objection, a question or a buying signal becomes a tip pushed to the partner at once. With no
 * speech model the partner is told once that listening is off. At the stream's end the call gets its summary.
 */
public final class MediaStreams {

    public static final String PATH = "/webhooks/twilio/media";

    private static final Logger log = LoggerFactory.getLogger(MediaStreams.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Twilio sends 20 ms frames; a frame of more than a second is no frame of theirs. */
    private static final int MAX_FRAME_BYTES = 8000;

    private final LeadCalls leadCalls;
    private final CallCues cues;
    private final SpeechStreams speech;
    private final LiveFeed feed;
    private final Function<Language, String> listeningOff;

    /** @param listeningOff the notice a partner gets when no speech model listens, in their language */
    public MediaStreams(LeadCalls leadCalls, CallCues cues, SpeechStreams speech, LiveFeed feed,
                        Function<Language, String> listeningOff) {
        this.leadCalls = leadCalls;
        this.cues = cues;
        this.speech = speech;
        this.feed = feed;
        this.listeningOff = listeningOff;
    }

    /** One WebSocket connection: one stream of one call. */
    public Endpoint connection() {
        return new Connection();
    }

    private final class Connection extends Endpoint implements MessageHandler.Whole<String> {

        private Session session;
        private LeadCalls.LeadCall call;
        private final Map<LeadCalls.Speaker, SpeechStreams.SpeechStream> streams = new EnumMap<>(LeadCalls.Speaker.class);
        private int seq;
        private long lastAt;
        private int objections;
        private int questions;
        private int signals;
        private int tips;

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            this.session = session;
            session.setMaxTextMessageBufferSize(64 * 1024);
            session.addMessageHandler(this);
        }

        @Override
        public void onMessage(String text) {
            try {
                JsonNode message = JSON.readTree(text);
                switch (message.path("event").asString("")) {
                    case "start" -> start(message.path("start"));
                    case "media" -> media(message.path("media"));
                    case "stop" -> stop();
                    default -> {
                        // connected, mark, dtmf: nothing to do
                    }
                }
            } catch (RuntimeException e) {
                log.warn("media stream of lead call {}: a message could not be handled ({}); the stream is closed",
                        call == null ? "-" : call.id(), e.toString());
                close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "message not understood");
            }
        }

        private void start(JsonNode start) {
            String callSid = start.path("callSid").asString("");
            String id = start.path("customParameters").path("c").asString("");
            Optional<LeadCalls.LeadCall> found = id.matches("[0-9]{1,18}")
                    ? leadCalls.find(Long.parseLong(id)).filter(c -> callSid.equals(c.callSid())) : Optional.empty();
            if (found.isEmpty()) {
                log.warn("media stream for lead call {} from call {}, which is not that call's: closed", id, callSid);
                close(CloseReason.CloseCodes.VIOLATED_POLICY, "not a call of ours");
                return;
            }
            call = found.get();
            for (LeadCalls.Speaker speaker : LeadCalls.Speaker.values()) {
                speech.open(call.language()).ifPresent(s -> streams.put(speaker, s));
            }
            if (streams.isEmpty()) {
                LeadCalls.Tip off = leadCalls.tip(call.id(), LeadCalls.TipKind.LISTENING_OFF, null,
                        listeningOff.apply(call.language()), null, 0);
                feed.publish(call.partnerId(), new LiveFeed.Event(LiveFeed.Type.TIP, call.id(), call.leadName(), off, null));
                log.info("lead call {}: media stream open, listening off (no speech model for {})", call.id(), call.language());
            } else {
                log.info("lead call {}: media stream open, listening to both sides", call.id());
            }
        }

        private void media(JsonNode media) {
            if (call == null) {
                return; // a frame before start, or of a stream refused
            }
            LeadCalls.Speaker speaker = "outbound".equals(media.path("track").asString("")) ? LeadCalls.Speaker.CUSTOMER
                    : LeadCalls.Speaker.PARTNER;
            SpeechStreams.SpeechStream stream = streams.get(speaker);
            if (stream == null) {
                return;
            }
            byte[] mulaw = Base64.getDecoder().decode(media.path("payload").asString(""));
            if (mulaw.length > MAX_FRAME_BYTES) {
                throw new IllegalArgumentException("a media frame of " + mulaw.length + " bytes");
            }
            long at = media.path("timestamp").asLong(lastAt);
            lastAt = Math.max(lastAt, at);
            stream.accept(Mulaw.toPcm16k(mulaw)).ifPresent(words -> heard(speaker, words, at));
        }

        private void heard(LeadCalls.Speaker speaker, String words, long at) {
            leadCalls.utterance(call.id(), seq++, new LeadCalls.Utterance(speaker, words, at));
            if (speaker != LeadCalls.Speaker.CUSTOMER) {
                return;
            }
            cues.spot(words, call.language(), call.product()).ifPresent(cue -> {
                switch (cue.kind()) {
                    case OBJECTION -> objections++;
                    case QUESTION -> questions++;
                    case SIGNAL -> signals++;
                    default -> {
                    }
                }
                tips++;
                LeadCalls.Tip tip = leadCalls.tip(call.id(), cue.kind(), words, cue.tip(), cue.source(), at);
                feed.publish(call.partnerId(), new LiveFeed.Event(LiveFeed.Type.TIP, call.id(), call.leadName(), tip, null));
            });
        }

        private void stop() {
            if (call == null) {
                return;
            }
            streams.forEach((speaker, stream) -> stream.finish().ifPresent(words -> heard(speaker, words, lastAt)));
            String summary = TwilioVoice.text(call.language(), "live.summary", lastAt / 60_000, (lastAt / 1000) % 60,
                    objections, questions, signals, tips);
            leadCalls.summarise(call.id(), summary);
            feed.publish(call.partnerId(), new LiveFeed.Event(LiveFeed.Type.ENDED, call.id(), call.leadName(), null, summary));
            log.info("lead call {}: media stream ended after {} s; {} utterances, {} tips", call.id(), lastAt / 1000, seq, tips);
            closeStreams();
            close(CloseReason.CloseCodes.NORMAL_CLOSURE, "stream stopped");
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            closeStreams();
        }

        @Override
        public void onError(Session session, Throwable error) {
            log.info("media stream of lead call {} broke: {}", call == null ? "-" : call.id(), error.toString());
            closeStreams();
        }

        private void closeStreams() {
            streams.values().forEach(SpeechStreams.SpeechStream::close);
            streams.clear();
        }

        private void close(CloseReason.CloseCode code, String why) {
            try {
                session.close(new CloseReason(code, why));
            } catch (IOException e) {
                log.debug("closing a media stream: {}", e.toString());
            }
        }
    }
}
