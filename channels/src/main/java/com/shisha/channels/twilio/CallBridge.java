package com.shisha.channels.twilio;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.Language;
import com.shisha.core.PhoneMask;
import com.shisha.core.call.Calls;
import com.shisha.core.call.LeadCalls;
import com.shisha.core.pipeline.InboundIngest;
import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A partner's call to a lead, bridged: the partner's leg (placed by {@link LeadCallPlacer}, or the phone-line call
 * they asked from) dials the lead with SHISHA's number as caller ID, so neither sees the other's number. Where the
 * partner chose recording, both sides hear a notice first and the recording comes back for review. How the call
 * went and the review come to the partner's conversation as turns of it ({@code called:<lead>}, {@code review:call}),
 * answered on WhatsApp, or on the phone line when the call was asked from there.
 */
final class CallBridge {

    static final String BRIDGE = TwilioVoice.VOICE + "/bridge";
    static final String NOTICE = TwilioVoice.VOICE + "/notice";
    static final String BRIDGED = TwilioVoice.VOICE + "/bridged";
    static final String RECORDING = TwilioVoice.VOICE + "/recording";

    private static final Logger log = LoggerFactory.getLogger(CallBridge.class);
    /** Seconds the lead's phone rings before the partner hears that nobody answered. */
    private static final int RING_SECONDS = 30;

    private final InboundIngest ingest;
    private final Calls calls;
    private final LeadCalls leadCalls;
    private final Channel chat;
    private final String chatFrom;
    private final String voiceFrom;
    private final String publicBase;
    private final com.shisha.core.NamesInHindi names;

    /**
     * @param chatFrom  our address on the chat channel, which the turns about a call are addressed to (replies go from it)
     * @param voiceFrom the number SHISHA calls and bridges from (the caller ID both sides see)
     */
    CallBridge(InboundIngest ingest, Calls calls, LeadCalls leadCalls, Channel chat, String chatFrom, String voiceFrom,
               String publicBase, com.shisha.core.NamesInHindi names) {
        this.names = names;
        this.ingest = ingest;
        this.calls = calls;
        this.leadCalls = leadCalls;
        this.chat = chat;
        this.chatFrom = chatFrom;
        this.voiceFrom = voiceFrom;
        this.publicBase = publicBase;
    }

    /** The call asked for on this phone-line call, waiting to be bridged. */
    Optional<LeadCalls.LeadCall> waitingOn(String callSid) {
        return leadCalls.waitingOn(callSid);
    }

    /** The partner picked up the call SHISHA placed: told who they are connected to, then the lead is dialled. */
    VoiceResponse partnerAnswered(String callSid, long id) {
        // Twilio may ring the partner before the placer has stored the sid its request got back: taken from here then
        Optional<LeadCalls.LeadCall> found = leadCalls.find(id).filter(c -> callSid.equals(c.callSid())
                || c.callSid() == null && c.status() == LeadCalls.Status.DIALLING);
        found.filter(c -> c.callSid() == null).ifPresent(c -> leadCalls.dialled(c.id(), callSid));
        found = found.map(c -> c.callSid() != null ? c : leadCalls.find(id).orElseThrow());
        if (found.isEmpty() || found.get().status() != LeadCalls.Status.DIALLING) {
            log.warn("bridge webhook for lead call {} from call {}, which is not that call's or not waiting: hung up", id, callSid);
            VoiceResponse.Builder twiml = new VoiceResponse.Builder();
            twiml.say(TwilioVoice.say(Language.EN, TwilioVoice.text(Language.EN, "error")));
            twiml.hangup(new Hangup.Builder().build());
            return twiml.build();
        }
        LeadCalls.LeadCall call = found.get();
        calls.started(callSid, conversation(call), Calls.Direction.OUTBOUND, Instant.now());
        return bridge(call, List.of(), null);
    }

    /**
     * What bridges the partner to the lead: what the partner hears first (what was said before, whom they are
     * connected to, the recording notice), then the lead dialled.
     *
     * @param next the phone-line turn after the call when asked on the phone line (its end comes back there); null
     *             when SHISHA placed the call (its end is told on WhatsApp, and the call hangs up)
     */
    VoiceResponse bridge(LeadCalls.LeadCall call, List<String> said, Integer next) {
        leadCalls.bridged(call.id());
        Language language = call.language();
        StringBuilder words = new StringBuilder(String.join(" ", said));
        if (next == null) {
            words.append(words.length() == 0 ? "" : " ").append(TwilioVoice.text(language, "bridge.connecting", firstName(call, language)));
        }
        if (call.record()) {
            words.append(words.length() == 0 ? "" : " ").append(TwilioVoice.text(language, "bridge.recorded", firstName(call, language)));
        }
        VoiceResponse.Builder twiml = new VoiceResponse.Builder();
        if (words.length() > 0) {
            twiml.say(TwilioVoice.say(language, words.toString()));
        }
        // the call's audio, both sides, to the live tips (the partner's leg: its inbound track is the partner)
        twiml.start(new com.twilio.twiml.voice.Start.Builder().stream(new com.twilio.twiml.voice.Stream.Builder()
                .url(MediaStreamGuard.webSocketBase(publicBase) + MediaStreams.PATH)
                .track(com.twilio.twiml.voice.Stream.Track.BOTH_TRACKS)
                .parameter(new com.twilio.twiml.voice.Parameter.Builder().name("c").value(Long.toString(call.id())).build())
                .build()).build());
        Dial.Builder dial = new Dial.Builder().callerId(voiceFrom).timeout(RING_SECONDS).method(HttpMethod.POST)
                .action(url(BRIDGED, call.id()) + (next == null ? "" : "&n=" + next));
        Number.Builder lead = new Number.Builder(call.leadPhone());
        if (call.record()) {
            dial.record(Dial.Record.RECORD_FROM_ANSWER_DUAL).recordingStatusCallback(url(RECORDING, call.id()))
                    .recordingStatusCallbackMethod(HttpMethod.POST).recordingStatusCallbackEvents(Dial.RecordingEvent.COMPLETED);
            lead.url(url(NOTICE, call.id())).method(HttpMethod.POST);
        }
        twiml.dial(dial.number(lead.build()).build());
        log.info("lead call {}: partner {} connected to lead {} ({})", call.id(), PhoneMask.mask(call.partnerPhone()),
                call.leadId(), call.record() ? "recorded" : "not recorded");
        return twiml.build();
    }

    /** What the lead hears on answering a recorded call, before the partner: that it is recorded, in both languages. */
    VoiceResponse notice() {
        VoiceResponse.Builder twiml = new VoiceResponse.Builder();
        twiml.say(TwilioVoice.say(Language.EN, TwilioVoice.text(Language.EN, "bridge.notice")));
        twiml.say(TwilioVoice.say(Language.HI, TwilioVoice.text(Language.HI, "bridge.notice")));
        return twiml.build();
    }

    /** The lead's leg ended (Twilio's {@code <Dial>} action): recorded with its length. */
    void dialEnded(LeadCalls.LeadCall call, String dialStatus, int seconds) {
        boolean connected = "completed".equals(dialStatus) || "answered".equals(dialStatus);
        if (leadCalls.ended(call.id(), Instant.now(), seconds, connected)) {
            log.info("lead call {} ended: {} after {} s", call.id(), dialStatus, seconds);
        }
    }

    /** The turn that asks how a call went (or says the lead did not answer), addressed as {@code to}. */
    InboundMessage afterCallTurn(LeadCalls.LeadCall call, String turnId, String to, boolean connected) {
        return new InboundMessage(turnId, conversation(call), to, "", List.of(), null, Instant.now(), null,
                "called:" + call.leadId() + (connected ? "" : ":unanswered"));
    }

    /** After a call SHISHA placed: how it went is asked on the chat channel (or that the lead did not answer). */
    void askOnChat(LeadCalls.LeadCall call, boolean connected) {
        ingest.accept(afterCallTurn(call, "LC" + call.id() + "-end", chatFrom, connected));
    }

    /** The partner's leg of a placed call ended without ever being bridged: they did not answer. */
    void partnerLegEnded(Long id, String callSid) {
        if (id != null) {
            leadCalls.dialled(id, callSid); // no-op once stored; stores it when the status outran the placer
        }
        leadCalls.waitingOn(callSid).ifPresent(call -> {
            leadCalls.failed(call.id(), "the partner did not answer");
            log.info("lead call {}: the partner did not answer SHISHA's call", call.id());
            ingest.accept(new InboundMessage("LC" + call.id() + "-missed", conversation(call), chatFrom, "", List.of(), null,
                    Instant.now(), null, "called:" + call.leadId() + ":missed"));
        });
    }

    /** Twilio's recording of a bridged call: to call review, as a turn of the partner's conversation. */
    void recorded(LeadCalls.LeadCall call, String recordingUrl) {
        if (!call.record()) {
            log.warn("lead call {}: a recording came back for a call the partner did not agree to record; ignored", call.id());
            return;
        }
        if (!leadCalls.recorded(call.id(), recordingUrl)) {
            return; // a repeated callback
        }
        ingest.accept(new InboundMessage("LC" + call.id() + "-rec", conversation(call), chatFrom, "",
                List.of(new InboundMessage.Media(recordingUrl, "audio/wav")), null, Instant.now(), null, "review:call"));
        log.info("lead call {}: recording handed to call review", call.id());
    }

    private ConversationKey conversation(LeadCalls.LeadCall call) {
        return new ConversationKey(chat, call.partnerPhone());
    }

    /** The lead's first name as the partner hears it (in Devanagari for Hindi, which the Hindi voice reads best). */
    private String firstName(LeadCalls.LeadCall call, Language language) {
        String name = call.leadName();
        int space = name.indexOf(' ');
        return names.person(language, space < 0 ? name : name.substring(0, space));
    }

    private String url(String path, long id) {
        return publicBase + path + "?c=" + id;
    }
}
