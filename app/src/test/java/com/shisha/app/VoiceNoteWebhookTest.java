package com.shisha.app;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.shisha.core.Language;
import com.shisha.core.voice.SpeechRecognizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole voice-note path: a signed Twilio webhook carrying a WhatsApp voice note, the media fetched from the
 * Twilio stand-in with Basic auth, the real decoder (OGG/Opus in Java, an MMS MP3 through the bundled FFmpeg),
 * then words into the real dialog. The only test double is {@link ScriptedRecognizer}, behind the speech port: no
 * speech model can run here (docs/voice.md).
 */
@Import(VoiceNoteWebhookTest.Recognizer.class)
class VoiceNoteWebhookTest extends AbstractPipelineTest {

    private static final String MEDIA_PATH = "/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Messages/%s/Media/ME%032d";
    /** two.ogg is espeak-ng saying "two": 0.627 s long (ai/src/test/resources/audio/durations.properties). */
    private static final double TWO_SECONDS = 0.627;
    /** sentence.mp3 (a copy of the ai module's test file): espeak-ng's sentence, 4.067 s, LAME MP3 as MMS carries. */
    private static final double SENTENCE_SECONDS = 4.067;

    @TestConfiguration
    static class Recognizer {
        @Bean
        @Primary
        ScriptedRecognizer scriptedRecognizer() {
            return new ScriptedRecognizer();
        }
    }

    /** Answers with scripted words, and records what it was given so the test can see decoding happened. */
    static final class ScriptedRecognizer implements SpeechRecognizer {
        final Deque<Recognition> script = new ArrayDeque<>();
        final List<Heard> calls = new ArrayList<>();

        record Heard(int samples, Language language, List<String> grammar) {
        }

        @Override
        public synchronized Recognition recognize(short[] pcm, Language language, List<String> grammar) {
            calls.add(new Heard(pcm.length, language, grammar));
            return script.isEmpty() ? new Recognition("", 0) : script.poll();
        }

        @Override
        public Availability availability(Language language) {
            return new Availability(true, "scripted test double");
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    ScriptedRecognizer recognizer;

    private String phone;
    private int replies;

    @BeforeEach
    void serveTheVoiceNote() throws IOException {
        byte[] ogg;
        try (InputStream in = getClass().getResourceAsStream("/audio/two.ogg")) {
            ogg = in.readAllBytes();
        }
        TwilioStandIn.server().stubFor(WireMock.get(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages/MM[^/]+/Media/ME[0-9]+"))
                .withBasicAuth(TwilioStandIn.ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/ogg").withBody(ogg)));
        phone = freshPhone();
        replies = 0;
        synchronized (recognizer) {
            recognizer.script.clear();
            recognizer.calls.clear();
        }
    }

    private String type(String text) {
        String sid = newMessageSid();
        assertThat(postSigned("/webhooks/twilio/messaging", whatsappForm(phone, text, sid)).statusCode()).isEqualTo(200);
        return nextReply();
    }

    private String speak(String mediaUrl, String heard, double confidence) {
        return speak(mediaUrl, "audio/ogg", heard, confidence);
    }

    private String speak(String mediaUrl, String contentType, String heard, double confidence) {
        synchronized (recognizer) {
            recognizer.script.add(new SpeechRecognizer.Recognition(heard, confidence));
        }
        String sid = "MM" + newMessageSid().substring(2);
        Map<String, String> form = whatsappForm(phone, "", sid);
        form.put("NumMedia", "1");
        form.put("MessageType", "audio");
        form.put("MediaUrl0", mediaUrl);
        form.put("MediaContentType0", contentType);
        assertThat(postSigned("/webhooks/twilio/messaging", form).statusCode()).isEqualTo(200);
        return nextReply();
    }

    private String twilioMediaUrl() {
        return TwilioStandIn.baseUrl() + MEDIA_PATH.formatted("MM" + newMessageSid().substring(2), replies);
    }

    private String nextReply() {
        replies++;
        List<TwilioStandIn.Sent> sent = TwilioStandIn.awaitSent("whatsapp:" + phone, replies, REPLY_TIMEOUT);
        assertThat(sent).hasSize(replies);
        return sent.get(replies - 1).body();
    }

    @Test
    void aVoiceNoteIsFetchedDecodedHeardAndDrivesTheDialog() {
        // the stand-in's request log is shared by every test in the class: count this test's fetches only
        int fetchedBefore = authorisedMediaFetches();
        type("hi");
        assertThat(speak(twilioMediaUrl(), "asha verma", 0.92)).contains("🎤 \"asha verma\"").contains("Which language");
        // the closed set of answers goes to the recogniser as a grammar; the spoken number picks Hindi
        assertThat(speak(twilioMediaUrl(), "two", 0.97)).contains("किस शहर");

        ScriptedRecognizer.Heard first = recognizer.calls.get(0);
        // 16 kHz samples of the real decoded note: decoding ran, and ran at the right rate
        assertThat(first.samples()).isBetween((int) ((TWO_SECONDS - 0.02) * 16_000), (int) ((TWO_SECONDS + 0.02) * 16_000));
        assertThat(first.grammar()).as("a name is free speech").isEmpty();
        ScriptedRecognizer.Heard second = recognizer.calls.get(1);
        assertThat(second.grammar()).contains("one", "two", "english", "hindi");
        assertThat(second.language()).isEqualTo(Language.EN);
        assertThat(authorisedMediaFetches() - fetchedBefore).isEqualTo(2);
    }

    private static int authorisedMediaFetches() {
        return TwilioStandIn.server().countRequestsMatching(getRequestedFor(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages/MM[^/]+/Media/ME[0-9]+"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(TwilioStandIn.ACCOUNT_SID, AUTH_TOKEN))
                .build()).getCount();
    }

    @Test
    void anMp3FromMmsIsDecodedThroughTheBundledFfmpegAndDrivesTheDialog() throws IOException {
        byte[] mp3;
        try (InputStream in = getClass().getResourceAsStream("/audio/sentence.mp3")) {
            mp3 = in.readAllBytes();
        }
        String url = twilioMediaUrl();
        // added after the OGG stub, so WireMock prefers it for this one URL
        TwilioStandIn.server().stubFor(WireMock.get(urlPathEqualTo(url.substring(TwilioStandIn.baseUrl().length())))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/mpeg").withBody(mp3)));
        type("hi");

        assertThat(speak(url, "audio/mpeg", "asha verma", 0.92)).contains("🎤 \"asha verma\"").contains("Which language");
        int samples = recognizer.calls.get(0).samples();
        assertThat(samples).isBetween((int) ((SENTENCE_SECONDS - 0.06) * 16_000), (int) ((SENTENCE_SECONDS + 0.06) * 16_000));
    }

    @Test
    void unsureWordsAreReadBackBeforeTheyCount() {
        type("hi");
        assertThat(speak(twilioMediaUrl(), "ravi kumar", 0.35)).contains("I heard: \"ravi kumar\"").contains("YES");
        assertThat(type("yes")).contains("Which language");
    }

    @Test
    void aRecordedSalesCallIsHeardAsFreeSpeechAndReviewed() {
        type("hi");
        type("Imran Khan");
        type("english");
        type("Agra");
        type("insurance");
        assertThat(type("yes")).contains("You are all set");
        assertThat(type("review")).contains("*Call review*");
        String call = "namaste sir I am Imran from GroMo do you have two minutes. what do you do for work and who depends on "
                + "your income. a term plan pays your family a fixed amount if something happens to you during the term. "
                + "the premium depends on your age and health and the insurer decides after checking. I understand it feels "
                + "costly, let me show a smaller cover in the app. shall I send you the link today";
        String review = speak(twilioMediaUrl(), call, 0.71);
        assertThat(review).contains("*Your call review*", "*Three tips*", "Need discovery").doesNotContain("🎤");
        ScriptedRecognizer.Heard heard = recognizer.calls.get(recognizer.calls.size() - 1);
        assertThat(heard.grammar()).as("a call is free speech").isEmpty();
    }

    @Test
    void mediaOutsideTwilioIsNeverFetchedAndThePartnerIsAskedToType() {
        type("hi");
        String foreign = "http://127.0.0.1:" + port + "/elsewhere/voice.ogg";
        assertThat(speak(foreign, "never heard", 0.99)).contains("could not play that voice note").contains("What is your name?");
        assertThat(recognizer.calls).as("nothing reached the recogniser").isEmpty();
    }

    /**
     * On the phone line, where a speech model listens: a question for the coach is recorded, fetched from Twilio with
     * the account's credentials, heard here as free speech, and the coach's answer is spoken.
     */
    @Test
    void aQuestionAskedOnThePhoneLineIsRecordedHeardHereAndAnswered() throws IOException {
        LeadCallRows.partner(jdbc, phone, "Asha Verma");
        String call = PhoneLineTest.newCallSid();
        String twiml = postSigned("/webhooks/twilio/voice", PhoneLineTest.callForm(call, phone, "ringing")).body();
        assertThat(twiml).contains("Namaste Asha Verma!");
        Map<String, String> press = PhoneLineTest.callForm(call, phone, "in-progress");
        press.put("Digits", "3");
        twiml = postSigned(PhoneLineTest.action(twiml).substring(PUBLIC_BASE.length()).replace("&amp;", "&"), press).body();
        String base = PUBLIC_BASE + "/webhooks/twilio/voice";
        assertThat(twiml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say language=\"en-IN\" voice=\"Polly.Raveena\">"
                + "Coach. Ask me anything about selling loans, credit cards, insurance, savings or demat accounts, handling objections"
                + " or compliance. Ask your question after the beep. Press hash when you are done.</Say><Record action=\"" + base
                + "/turn?n=3&amp;r=" + call + "-2\" finishOnKey=\"#*\" maxLength=\"60\" method=\"POST\" playBeep=\"true\" timeout=\"3\"/>"
                + "<Redirect method=\"POST\">" + base + "/quiet?n=3&amp;r=" + call + "-2&amp;q=1</Redirect></Response>");

        byte[] ogg;
        try (InputStream in = getClass().getResourceAsStream("/audio/two.ogg")) {
            ogg = in.readAllBytes();
        }
        String recording = "/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Recordings/RE" + "2".repeat(32);
        TwilioStandIn.server().stubFor(WireMock.get(urlPathEqualTo(recording)).withBasicAuth(TwilioStandIn.ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/ogg").withBody(ogg)));
        synchronized (recognizer) {
            recognizer.script.add(new SpeechRecognizer.Recognition("the customer says the interest rate is too high", 0.9));
        }
        Map<String, String> recorded = PhoneLineTest.callForm(call, phone, "in-progress");
        recorded.put("RecordingUrl", TwilioStandIn.baseUrl() + recording);
        recorded.put("RecordingDuration", "1");
        recorded.put("Digits", "#");
        String answer = throughWaits(call, postSigned(PhoneLineTest.action(twiml).substring(PUBLIC_BASE.length()).replace("&amp;", "&"),
                recorded).body());
        assertThat(answer).contains("I heard: the customer says the interest rate is too high.").containsIgnoringCase("interest")
                .contains("<Record action=\"" + base + "/turn?n=4&amp;r=" + call + "-3\"");
        assertThat(recognizer.calls).hasSize(1);
        assertThat(recognizer.calls.get(0).grammar()).as("a question is free speech").isEmpty();
        assertThat(TwilioStandIn.server().findAll(getRequestedFor(urlPathEqualTo(recording)))).hasSize(1);
    }

    /**
     * Follows the line's holding answers ("one moment" and a redirect to wait for the turn) as Twilio does, to the
     * turn's answer: on a busy machine a coach turn can outlast the webhook's own wait, and the caller then hears the
     * same answer one redirect later.
     */
    private String throughWaits(String call, String twiml) {
        java.util.regex.Pattern waiting = java.util.regex.Pattern.compile("<Redirect method=\"POST\">(" + java.util.regex.Pattern.quote(PUBLIC_BASE)
                + "/webhooks/twilio/voice/wait\\?[^<]+)</Redirect>");
        for (int waits = 0; waits < 10; waits++) {
            java.util.regex.Matcher m = waiting.matcher(twiml);
            if (!m.find()) {
                return twiml;
            }
            twiml = postSigned(m.group(1).substring(PUBLIC_BASE.length()).replace("&amp;", "&"),
                    PhoneLineTest.callForm(call, phone, "in-progress")).body();
        }
        return twiml;
    }

    /** A recorded call to a lead, bridged through SHISHA: its recording goes straight to call review, no upload. */
    @Test
    void theRecordingOfACallToALeadIsReviewedOnWhatsApp() throws IOException {
        long partner = LeadCallRows.partner(jdbc, phone, "Asha Verma");
        String leg = PhoneLineTest.newCallSid();
        long call = LeadCallRows.bridgedCall(jdbc, partner, leg, true);
        byte[] ogg;
        try (InputStream in = getClass().getResourceAsStream("/audio/sentence.mp3")) {
            ogg = in.readAllBytes();
        }
        String recording = "/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Recordings/RE" + "3".repeat(32);
        TwilioStandIn.server().stubFor(WireMock.get(urlPathEqualTo(recording)).withBasicAuth(TwilioStandIn.ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/mpeg").withBody(ogg)));
        synchronized (recognizer) {
            recognizer.script.add(new SpeechRecognizer.Recognition("namaste sir what do you need the loan for your shop ok"
                    + " the interest is fourteen percent and the processing fee is two percent shown in the app"
                    + " shall i send you the link to apply today", 0.9));
        }
        Map<String, String> form = PhoneLineTest.callForm(leg, phone, "completed");
        form.put("RecordingUrl", TwilioStandIn.baseUrl() + recording);
        form.put("RecordingStatus", "completed");
        form.put("RecordingDuration", "4");
        assertThat(postSigned("/webhooks/twilio/voice/recording?c=" + call, form).statusCode()).isEqualTo(200);
        String review = nextReply();
        assertThat(review).startsWith("*Your call review*").contains("*Three tips*");
        assertThat(recognizer.calls).hasSize(1);
        assertThat(recognizer.calls.get(0).grammar()).as("a call is free speech").isEmpty();
    }
}
