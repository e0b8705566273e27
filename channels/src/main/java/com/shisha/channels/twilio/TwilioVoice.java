package com.shisha.channels.twilio;

import com.shisha.core.ApiError;
import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.Failures;
import com.shisha.core.InboundMessage;
import com.shisha.core.Language;
import com.shisha.core.PhoneMask;
import com.shisha.core.Text;
import com.shisha.core.call.Calls;
import com.shisha.core.channel.SpeechFit;
import com.shisha.core.dialog.Choices;
import com.shisha.core.dialog.DialogEngine;
import com.shisha.core.pipeline.InboundIngest;
import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiML;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The phone line: Twilio Voice webhooks answered with TwiML. Each thing the caller says or keys in is a turn of
 * their chat conversation, stored and processed by the same pipeline and dialog as a WhatsApp message (so a call
 * can begin what WhatsApp goes on with); the webhook waits a few seconds for the turn's answer and speaks it, or
 * says a filler and asks Twilio to come back ({@code <Redirect>}) while a slow turn (the coach) finishes.
 *
 * <p>The call's place between webhooks travels in the URLs Twilio calls back (signed by Twilio like the form):
 * {@code n} numbers the call's next turn (turn ids are {@code CallSid-n}, so Twilio's retry of a webhook is the
 * same turn), {@code r} names the turn whose answer is on the caller's ear (what 0 repeats, and whose choices the
 * keypad picks from), {@code q} counts silences in a row.
 *
 * <p>The keypad: at the main menu 1 leads, 2 quiz, 3 coach, 4 progress, 9 a person; where the answer offers
 * choices, their numbers in order; anywhere 0 repeats the last answer and star goes to the main menu; other keys
 * are typed ({@code 1*3} is "1,3"). Speech is heard by Twilio's {@code <Gather>} for short answers and, for a
 * question to the coach, recorded and transcribed here (Vosk) when a model listens, else heard by Twilio too.
 */
public final class TwilioVoice implements Filter {

    public static final String VOICE = "/webhooks/twilio/voice";
    static final String TURN = VOICE + "/turn";
    static final String WAIT = VOICE + "/wait";
    static final String QUIET = VOICE + "/quiet";
    static final String STATUS = VOICE + "/status";

    private static final Logger log = LoggerFactory.getLogger(TwilioVoice.class);
    private static final Pattern CALL_SID = Pattern.compile("CA[0-9a-fA-F]{32}");
    private static final Pattern TURN_ID = Pattern.compile("(CA[0-9a-fA-F]{32})-([0-9]{1,4})");
    private static final Pattern KEYS = Pattern.compile("[0-9*#]{1,20}");
    /** The main menu's keys and the dialog's menu choices they pick (the chat menu numbers them differently). */
    static final Map<String, String> MENU_KEYS = Map.of("1", "menu:2", "2", "menu:1", "3", "menu:3", "4", "menu:4",
            "9", "menu:person");
    private static final String MENU_WORD = "MENU";
    private static final int MAX_SILENCES = 2;
    private static final int MAX_WAITS = 3;
    private static final int MAX_QUESTION_SECONDS = 60;
    private static final String TWIML_CONTENT_TYPE = "text/xml;charset=UTF-8";
    private static final java.util.Set<String> ENDED = java.util.Set.of("completed", "busy", "failed", "no-answer", "canceled");

    private final InboundIngest ingest;
    private final Calls calls;
    private final DialogEngine dialogs;
    private final Channel chat;
    private final TwilioSignature signature;
    private final String publicBase;
    private final String accountSid;
    private final Predicate<Language> listens;
    private final Duration turnWait;
    private final com.shisha.core.call.LeadCalls leadCalls;
    private final CallBridge bridge;

    /**
     * @param chat     the channel whose conversation a caller's turns belong to (WhatsApp where configured, else SMS)
     * @param listens  whether a speech model here hears the language (then a question is recorded and transcribed here)
     * @param turnWait how long one webhook waits for a turn's answer before a filler (Twilio allows 15 s in all)
     */
    /**
     * @param leadCalls where partners' calls to leads are kept
     * @param voiceFrom the number SHISHA calls and bridges from; null: no calls are bridged
     */
    public TwilioVoice(InboundIngest ingest, Calls calls, DialogEngine dialogs, Channel chat, TwilioSettings settings,
                       Predicate<Language> listens, Duration turnWait, com.shisha.core.call.LeadCalls leadCalls, String voiceFrom,
                       com.shisha.core.NamesInHindi names) {
        this.ingest = ingest;
        this.calls = calls;
        this.dialogs = dialogs;
        this.chat = chat;
        this.signature = new TwilioSignature(settings.authToken());
        this.accountSid = settings.accountSid();
        String base = settings.publicBaseUrl().toString();
        this.publicBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.listens = listens;
        this.turnWait = turnWait;
        this.leadCalls = leadCalls;
        this.bridge = voiceFrom == null ? null : new CallBridge(ingest, calls, leadCalls, chat,
                chat == Channel.WHATSAPP ? settings.whatsappFrom() : settings.smsFrom(), voiceFrom, publicBase, names);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals(VOICE) && !path.startsWith(VOICE + "/")) {
            chain.doFilter(req, res);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            TwilioWebhooks.json(response, new ApiError("method_not_allowed", request.getMethod() + " is not supported here", 405));
            return;
        }
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, String[]> params = TwilioWebhooks.formOf(request);
        if (params == null) {
            TwilioWebhooks.json(response, new ApiError("bad_request", "the form body could not be decoded", 400));
            return;
        }
        if (!TwilioWebhooks.verified(signature, publicBase, request, response, params)) {
            return;
        }
        String callSid = TwilioWebhooks.first(params, "CallSid", null);
        if (!accountSid.equals(TwilioWebhooks.first(params, "AccountSid", null))) {
            log.warn("refused {} for call {}: AccountSid is not our TWILIO_ACCOUNT_SID", path, safe(callSid));
            TwilioWebhooks.json(response, new ApiError("forbidden", "the webhook is not for this Twilio account", 403));
            return;
        }
        if (callSid == null || !CALL_SID.matcher(callSid).matches()) {
            log.warn("refused a signed voice webhook {}: CallSid is missing or malformed", path);
            TwilioWebhooks.json(response, new ApiError("bad_request", "CallSid is missing or malformed", 400));
            return;
        }
        try {
            switch (path) {
                case VOICE -> incoming(callSid, params, response);
                case TURN -> turn(callSid, request, params, response);
                case WAIT -> waitFor(callSid, request, response);
                case QUIET -> quietly(callSid, request, response);
                case STATUS -> status(callSid, request, params, response);
                case CallBridge.BRIDGE, CallBridge.NOTICE, CallBridge.BRIDGED, CallBridge.RECORDING ->
                        leadCall(path, callSid, request, params, response);
                default -> TwilioWebhooks.json(response, new ApiError("not_found", "no such voice webhook", 404));
            }
        } catch (RuntimeException e) {
            // the caller hears an apology, never silence; Twilio gets TwiML, never a stack trace
            log.error("voice webhook {} of call {} failed: {}", path, callSid, Failures.withoutMessages(e), e);
            VoiceResponse.Builder twiml = new VoiceResponse.Builder();
            twiml.say(say(Language.EN, text(Language.EN, "error")));
            twiml.hangup(new Hangup.Builder().build());
            write(response, twiml.build());
        }
    }

    // ------------------------------------------------------------------ the webhooks

    /** A call comes in: recorded; a caller SHISHA knows hears the menu in their language, a stranger is asked theirs. */
    private void incoming(String callSid, Map<String, String[]> params, HttpServletResponse response) throws IOException {
        String from = TwilioWebhooks.first(params, "From", null);
        if (from == null || !TwilioWebhooks.E164.matcher(from).matches()) {
            // a withheld or foreign-format number cannot be a partner's conversation
            log.info("call {} from a number that is not E.164 ({}): told to use WhatsApp", callSid, PhoneMask.mask(Text.withoutControls(from)));
            VoiceResponse.Builder twiml = new VoiceResponse.Builder();
            twiml.say(say(Language.EN, text(Language.EN, "greeting.stranger") + " " + text(Language.EN, "error")));
            twiml.hangup(new Hangup.Builder().build());
            write(response, twiml.build());
            return;
        }
        ConversationKey conversation = new ConversationKey(chat, from);
        calls.started(callSid, conversation, Calls.Direction.INBOUND, Instant.now());
        Optional<Calls.Caller> caller = calls.caller(conversation);
        log.info("call {} from {}: {}", callSid, PhoneMask.mask(from), caller.isEmpty() ? "a stranger" : "known");
        if (caller.isEmpty()) {
            askLanguage(1, 0, "greeting.stranger", response);
            return;
        }
        Calls.Caller known = caller.get();
        String greeting = known.name() == null ? text(known.language(), "greeting.returning")
                : text(known.language(), "greeting.known", known.name());
        take(callSid, conversation, 1, MENU_WORD, null, List.of(), greeting, response);
    }

    /** A stranger's first question, in both voices: which language (1 English, 2 Hindi, or the word said). */
    private void askLanguage(int n, int silences, String opening, HttpServletResponse response) throws IOException {
        VoiceResponse.Builder twiml = new VoiceResponse.Builder();
        Gather.Builder gather = new Gather.Builder().inputs(List.of(Gather.Input.DTMF, Gather.Input.SPEECH))
                .numDigits(1).timeout(5).action(url(TURN, n, null, 0) + "&k=lang").method(HttpMethod.POST)
                .language(Gather.Language.EN_IN).hints("English, Hindi, हिंदी");
        gather.say(say(Language.EN, text(Language.EN, opening) + " " + text(Language.EN, "language")));
        gather.say(say(Language.HI, text(Language.HI, "language")));
        twiml.gather(gather.build());
        twiml.redirect(redirect(url(QUIET, n, null, silences + 1) + "&k=lang"));
        write(response, twiml.build());
    }

    /** What the caller keyed in, said, or recorded: a turn, answered when it is done. */
    private void turn(String callSid, HttpServletRequest request, Map<String, String[]> params, HttpServletResponse response)
            throws IOException {
        Optional<Calls.Call> call = calls.find(callSid);
        if (call.isEmpty()) {
            log.warn("voice turn for call {}, which never came in here: hung up", callSid);
            hangUp(Language.EN, "error", response);
            return;
        }
        ConversationKey conversation = call.get().conversation();
        int n = number(request.getParameter("n"));
        String shown = turnOf(callSid, request.getParameter("r"));
        String digits = TwilioWebhooks.first(params, "Digits", "");
        digits = KEYS.matcher(digits).matches() ? digits : "";
        String speech = Text.withoutControls(TwilioWebhooks.first(params, "SpeechResult", "")).strip();
        String recording = TwilioWebhooks.first(params, "RecordingUrl", null);

        if ("lang".equals(request.getParameter("k"))) {
            Language picked = digits.equals("2") || speech.toLowerCase(Locale.ROOT).contains("hindi")
                    || speech.contains("हिंदी") || speech.contains("हिन्दी") ? Language.HI : Language.EN;
            if (digits.isEmpty() && speech.isEmpty()) {
                quietly(callSid, request, response);
                return;
            }
            String choice = picked == Language.HI ? "lang:2" : "lang:1";
            take(callSid, conversation, n, picked == Language.HI ? "हिंदी" : "English", choice, List.of(), null, response);
            return;
        }
        Optional<Calls.Answer> before = shown == null ? Optional.empty() : calls.answer(shown);
        Language language = before.map(a -> a.state().language()).orElseGet(() -> callerLanguage(conversation));
        if (digits.equals("0")) {
            if (before.isPresent()) {
                speak(callSid, n, shown, before.get(), null, 0, response);
            } else {
                menuOnly(callSid, n, language, null, response);
            }
            return;
        }
        if (digits.startsWith("*") && digits.replace("*", "").isEmpty()) {
            take(callSid, conversation, n, MENU_WORD, null, List.of(), null, response);
            return;
        }
        boolean atMenu = before.map(this::atMenu).orElse(true);
        if (!digits.isEmpty() && recording == null) {
            Choices choices = before.map(Calls.Answer::choices).orElse(null);
            if (atMenu) {
                String item = MENU_KEYS.get(digits);
                if (item == null) {
                    menuOnly(callSid, n, language, "not_on_menu", response);
                    return;
                }
                take(callSid, conversation, n, menuTitle(digits, language), item, List.of(), null, response);
                return;
            }
            if (choices != null && digits.matches("[1-9]") && Integer.parseInt(digits) <= choices.items().size()) {
                Choices.Choice picked = choices.items().get(Integer.parseInt(digits) - 1);
                take(callSid, conversation, n, picked.title(), picked.id(), List.of(), null, response);
                return;
            }
            take(callSid, conversation, n, digits.replace('*', ',').replace("#", ""), null, List.of(), null, response);
            return;
        }
        if (recording != null) {
            if (digits.equals("*")) {
                take(callSid, conversation, n, MENU_WORD, null, List.of(), null, response);
                return;
            }
            // Twilio keeps the recording at its API host: fetched there with our credentials, heard by the speech model
            take(callSid, conversation, n, "", null, List.of(new InboundMessage.Media(recording, "audio/wav")), null, response);
            return;
        }
        if (!speech.isEmpty()) {
            take(callSid, conversation, n, speech, null, List.of(), null, response);
            return;
        }
        quietly(callSid, request, response);
    }

    /** Twilio came back for the answer of a turn that was still being worked on. */
    private void waitFor(String callSid, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String turnId = turnOf(callSid, request.getParameter("t"));
        if (turnId == null) {
            hangUp(Language.EN, "error", response);
            return;
        }
        int n = number(request.getParameter("n"));
        int waits = number(request.getParameter("w"));
        Optional<Calls.Answer> answer = awaitAnswer(turnId);
        Language language = calls.find(callSid).map(c -> callerLanguage(c.conversation())).orElse(Language.EN);
        if (answer.isPresent()) {
            speak(callSid, n, turnId, answer.get(), null, 0, response);
        } else if (waits < MAX_WAITS) {
            VoiceResponse.Builder twiml = new VoiceResponse.Builder();
            twiml.say(say(language, text(language, "still_working")));
            twiml.redirect(redirect(url(WAIT, n, null, 0) + "&t=" + turnId + "&w=" + (waits + 1)));
            write(response, twiml.build());
        } else {
            // the turn goes on without the call: its reply, never heard, is sent on WhatsApp (see VoiceCallSender)
            log.info("call {}: turn {} still unanswered after {} waits; the caller is told it comes on WhatsApp", callSid, turnId, waits);
            menuOnly(callSid, n, language, "answer_later", response);
        }
    }

    /** The caller said nothing when asked: the question again, twice, then goodbye. */
    private void quietly(String callSid, HttpServletRequest request, HttpServletResponse response) throws IOException {
        int n = number(request.getParameter("n"));
        int silences = number(request.getParameter("q"));
        String shown = turnOf(callSid, request.getParameter("r"));
        Optional<Calls.Answer> before = shown == null ? Optional.empty() : calls.answer(shown);
        Language language = before.map(a -> a.state().language())
                .orElseGet(() -> calls.find(callSid).map(c -> callerLanguage(c.conversation())).orElse(Language.EN));
        if (silences > MAX_SILENCES) {
            log.info("call {}: no answer {} times in a row; said goodbye", callSid, silences - 1);
            hangUp(language, "goodbye", response);
            return;
        }
        if ("lang".equals(request.getParameter("k"))) {
            askLanguage(n, silences, "no_input", response);
            return;
        }
        if (before.isPresent()) {
            speak(callSid, n, shown, before.get(), "no_input", silences, response);
        } else {
            menuOnly(callSid, n, language, "no_input", silences, response);
        }
    }

    private void status(String callSid, HttpServletRequest request, Map<String, String[]> params, HttpServletResponse response)
            throws IOException {
        String status = TwilioWebhooks.first(params, "CallStatus", "");
        if (ENDED.contains(status)) {
            calls.ended(callSid, Instant.now());
            if (bridge != null) {
                String c = request.getParameter("c");
                bridge.partnerLegEnded(c != null && c.matches("[0-9]{1,18}") ? Long.parseLong(c) : null, callSid);
            }
            log.info("call {} ended ({}, {} s)", callSid, status, safe(TwilioWebhooks.first(params, "CallDuration", "-")));
        }
        write(response, new VoiceResponse.Builder().build());
    }

    /** The webhooks of a call to a lead: the partner answered, the lead answered, the lead's leg ended, the recording. */
    private void leadCall(String path, String callSid, HttpServletRequest request, Map<String, String[]> params,
                          HttpServletResponse response) throws IOException {
        String c = request.getParameter("c");
        if (bridge == null || c == null || !c.matches("[0-9]{1,18}")) {
            TwilioWebhooks.json(response, new ApiError("not_found", "no such call to a lead", 404));
            return;
        }
        long id = Long.parseLong(c);
        if (path.equals(CallBridge.NOTICE)) {
            write(response, bridge.notice()); // the lead's leg, whose sid is Twilio's own: nothing of ours is said
            return;
        }
        if (path.equals(CallBridge.BRIDGE)) {
            write(response, bridge.partnerAnswered(callSid, id));
            return;
        }
        Optional<com.shisha.core.call.LeadCalls.LeadCall> call = leadCalls.find(id).filter(x -> callSid.equals(x.callSid()));
        if (call.isEmpty()) {
            log.warn("{} for lead call {} from call {}, which is not its call: refused", path, id, callSid);
            TwilioWebhooks.json(response, new ApiError("not_found", "no such call to a lead", 404));
            return;
        }
        if (path.equals(CallBridge.RECORDING)) {
            String url = TwilioWebhooks.first(params, "RecordingUrl", null);
            if ("completed".equals(TwilioWebhooks.first(params, "RecordingStatus", "")) && url != null) {
                bridge.recorded(call.get(), url);
            }
            write(response, new VoiceResponse.Builder().build());
            return;
        }
        String status = TwilioWebhooks.first(params, "DialCallStatus", "");
        String duration = TwilioWebhooks.first(params, "DialCallDuration", "0");
        int seconds = duration.matches("[0-9]{1,6}") ? Integer.parseInt(duration) : 0;
        bridge.dialEnded(call.get(), status, seconds);
        boolean connected = "completed".equals(status) || "answered".equals(status);
        if (request.getParameter("n") == null) {
            // SHISHA placed this call: how it went is asked on WhatsApp, and the call ends here
            bridge.askOnChat(call.get(), connected);
            hangUp(call.get().language(), "bridge.ended", response);
            return;
        }
        int n = number(request.getParameter("n"));
        ConversationKey conversation = calls.find(callSid).map(Calls.Call::conversation)
                .orElse(new ConversationKey(chat, call.get().partnerPhone()));
        answerTurn(callSid, conversation, n, bridge.afterCallTurn(call.get(), callSid + "-" + n, InboundMessage.spokenOn(callSid),
                connected), null, response);
    }

    // ------------------------------------------------------------------ turns

    /**
     * Stores a turn of the call in the conversation's inbox and answers with what the dialog said, or with a filler
     * and a redirect while the turn is still being worked on.
     */
    private void take(String callSid, ConversationKey conversation, int n, String text, String choiceId,
                      List<InboundMessage.Media> media, String before, HttpServletResponse response) throws IOException {
        String turnId = callSid + "-" + n;
        answerTurn(callSid, conversation, n, new InboundMessage(turnId, conversation, InboundMessage.spokenOn(callSid), text,
                media, null, Instant.now(), null, choiceId), before, response);
    }

    private void answerTurn(String callSid, ConversationKey conversation, int n, InboundMessage message, String before,
                            HttpServletResponse response) throws IOException {
        String turnId = message.providerMessageId();
        calls.turnTaken(callSid, turnId);
        ingest.accept(message);
        Optional<Calls.Answer> answer = awaitAnswer(turnId);
        if (answer.isPresent()) {
            speak(callSid, n + 1, turnId, answer.get(), null, 0, response, before);
            return;
        }
        Language language = callerLanguage(conversation);
        VoiceResponse.Builder twiml = new VoiceResponse.Builder();
        if (before != null) {
            twiml.say(say(language, before));
        }
        twiml.say(say(language, text(language, "filler")));
        twiml.redirect(redirect(url(WAIT, n + 1, null, 0) + "&t=" + turnId + "&w=1"));
        write(response, twiml.build());
    }

    private Optional<Calls.Answer> awaitAnswer(String turnId) {
        long deadline = System.nanoTime() + turnWait.toNanos();
        long pause = 10;
        while (true) {
            Optional<Calls.Answer> answer = calls.answer(turnId);
            if (answer.isPresent() || System.nanoTime() > deadline) {
                return answer;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pause = Math.min(pause * 2, 100);
        }
    }

    // ------------------------------------------------------------------ what the caller hears

    private void speak(String callSid, int next, String turnId, Calls.Answer answer, String note, int silences,
                       HttpServletResponse response) throws IOException {
        speak(callSid, next, turnId, answer, note, silences, response, null);
    }

    /**
     * The dialog's answer read out, then the caller's turn: the keypad menu at the main menu, the choices offered by
     * number, a recording for a question to the coach, and otherwise speech or keys.
     */
    private void speak(String callSid, int next, String turnId, Calls.Answer answer, String note, int silences,
                       HttpServletResponse response, String before) throws IOException {
        calls.heard(turnId);
        Language language = answer.state().language();
        DialogEngine.Listening listening = dialogs.listening(answer.state());
        List<String> lines = new ArrayList<>();
        if (note != null) {
            lines.add(text(language, note));
        }
        if (before != null) {
            lines.add(before);
        }
        String said = SpeechFit.speakable(String.join("\n", answer.replies()));
        if (!said.isEmpty()) {
            lines.add(said);
        } else if (note == null) {
            lines.add(text(language, "silent"));
        }
        if (bridge != null) {
            Optional<com.shisha.core.call.LeadCalls.LeadCall> asked = bridge.waitingOn(callSid);
            if (asked.isPresent()) {
                write(response, bridge.bridge(asked.get(), lines, next));
                return;
            }
        }
        String action = url(TURN, next, turnId, 0);
        String onSilence = url(QUIET, next, turnId, silences + 1);
        VoiceResponse.Builder twiml = new VoiceResponse.Builder();
        if (listening.mode() == DialogEngine.Mode.QUESTION) {
            if (listens.test(language)) {
                lines.add(text(language, "ask_question"));
                twiml.say(say(language, String.join(" ", lines)));
                twiml.record(new Record.Builder().action(action).method(HttpMethod.POST).maxLength(MAX_QUESTION_SECONDS)
                        .timeout(3).finishOnKey("#*").playBeep(true).build());
                twiml.redirect(redirect(onSilence));
                write(response, twiml.build());
                return;
            }
            lines.add(text(language, "listening_off"));
        }
        Gather.Builder gather = new Gather.Builder().inputs(List.of(Gather.Input.DTMF, Gather.Input.SPEECH))
                .action(action).method(HttpMethod.POST).timeout(5).finishOnKey("#").speechTimeout("auto")
                .language(language == Language.HI ? Gather.Language.HI_IN : Gather.Language.EN_IN);
        Choices choices = answer.choices();
        if (atMenu(answer)) {
            lines.add(text(language, "menu"));
            gather.numDigits(1);
        } else if (choices != null) {
            List<Choices.Choice> items = choices.items();
            for (int i = 0; i < items.size() && i < 9; i++) {
                lines.add(text(language, "choice", i + 1, SpeechFit.speakable(items.get(i).title())));
            }
            // a choice of "all" means several may be picked (1*3): then the caller ends with # or a pause
            if (items.size() <= 9 && items.stream().noneMatch(c -> c.id().endsWith(":all"))) {
                gather.numDigits(1);
            }
        } else {
            lines.add(text(language, "repeat"));
        }
        gather.say(say(language, String.join(" ", lines)));
        twiml.gather(gather.build());
        twiml.redirect(redirect(onSilence));
        write(response, twiml.build());
    }

    /** The keypad menu on its own (no turn): after an unknown key, a silence, or a turn that outlasted the call's patience. */
    private void menuOnly(String callSid, int next, Language language, String note, HttpServletResponse response) throws IOException {
        menuOnly(callSid, next, language, note, 0, response);
    }

    private void menuOnly(String callSid, int next, Language language, String note, int silences, HttpServletResponse response)
            throws IOException {
        if (silences > MAX_SILENCES) {
            hangUp(language, "goodbye", response);
            return;
        }
        VoiceResponse.Builder twiml = new VoiceResponse.Builder();
        Gather.Builder gather = new Gather.Builder().inputs(List.of(Gather.Input.DTMF, Gather.Input.SPEECH))
                .action(url(TURN, next, null, 0)).method(HttpMethod.POST).timeout(5).numDigits(1).speechTimeout("auto")
                .language(language == Language.HI ? Gather.Language.HI_IN : Gather.Language.EN_IN);
        gather.say(say(language, (note == null ? "" : text(language, note) + " ") + text(language, "menu")));
        twiml.gather(gather.build());
        twiml.redirect(redirect(url(QUIET, next, null, silences + 1)));
        write(response, twiml.build());
    }

    private boolean atMenu(Calls.Answer answer) {
        Choices choices = answer.choices();
        if (choices != null) {
            return choices.items().stream().allMatch(c -> c.id().startsWith("menu:"));
        }
        return dialogs.listening(answer.state()).mode() == DialogEngine.Mode.MENU;
    }

    private void hangUp(Language language, String key, HttpServletResponse response) throws IOException {
        VoiceResponse.Builder twiml = new VoiceResponse.Builder();
        twiml.say(say(language, text(language, key)));
        twiml.hangup(new Hangup.Builder().build());
        write(response, twiml.build());
    }

    /** Amazon Polly's Indian voices: Aditi speaks Hindi, Raveena Indian English. */
    static Say say(Language language, String words) {
        return new Say.Builder(words)
                .voice(language == Language.HI ? Say.Voice.POLLY_ADITI : Say.Voice.POLLY_RAVEENA)
                .language(language == Language.HI ? Say.Language.HI_IN : Say.Language.EN_IN)
                .build();
    }

    private static Redirect redirect(String url) {
        return new Redirect.Builder(url).method(HttpMethod.POST).build();
    }

    private String url(String path, int n, String shown, int silences) {
        StringBuilder url = new StringBuilder(publicBase).append(path).append("?n=").append(n);
        if (shown != null) {
            url.append("&r=").append(URLEncoder.encode(shown, StandardCharsets.UTF_8));
        }
        if (silences > 0) {
            url.append("&q=").append(silences);
        }
        return url.toString();
    }

    /** What a menu key stands for, as the turn's text (the tap's id decides; the text reads well in the history). */
    private static String menuTitle(String key, Language language) {
        return switch (key) {
            case "1" -> language == Language.HI ? "लीड" : "leads";
            case "2" -> language == Language.HI ? "क्विज़" : "quiz";
            case "3" -> language == Language.HI ? "कोच" : "coach";
            case "4" -> language == Language.HI ? "प्रगति" : "progress";
            default -> language == Language.HI ? "व्यक्ति से बात" : "talk to a person";
        };
    }

    private Language callerLanguage(ConversationKey conversation) {
        return calls.caller(conversation).map(Calls.Caller::language).orElse(Language.EN);
    }

    /** A turn id from a URL of ours, only when it is a turn of this call. */
    private static String turnOf(String callSid, String value) {
        if (value == null) {
            return null;
        }
        var m = TURN_ID.matcher(value);
        return m.matches() && m.group(1).equals(callSid) ? value : null;
    }

    private static int number(String value) {
        if (value == null || !value.matches("[0-9]{1,4}")) {
            return 1;
        }
        return Integer.parseInt(value);
    }

    static String text(Language language, String key, Object... args) {
        String pattern = ResourceBundle.getBundle("i18n/ivr", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), language.locale()).format(args);
    }

    private static String safe(String value) {
        return value == null ? "-" : Text.withoutControls(value).replaceAll("[^A-Za-z0-9-]", "?");
    }

    static void write(HttpServletResponse response, TwiML twiml) throws IOException {
        byte[] body = twiml.toXml().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(TWIML_CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
