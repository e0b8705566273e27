package com.shisha.app;

import com.shisha.channels.twilio.TwilioSignature;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on a random port, against the embedded PostgreSQL/Redis/Mongo (started once per JVM by
 * the app itself) and WireMock in Twilio's place. Tests isolate by fresh phone numbers, not fresh servers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "TWILIO_ACCOUNT_SID=" + TwilioStandIn.ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN=" + AbstractPipelineTest.AUTH_TOKEN,
        "TWILIO_WHATSAPP_FROM=" + AbstractPipelineTest.WHATSAPP_FROM,
        "TWILIO_SMS_FROM=" + AbstractPipelineTest.SMS_FROM,
        "PUBLIC_BASE_URL=" + AbstractPipelineTest.PUBLIC_BASE,
        "TWILIO_SEND_RATE_PER_SECOND=10000",
        "SHISHA_SWEEP_MILLIS=200",
        // tests run the nudge scheduler themselves, with a clock they set; a real-time one would race them
        "SHISHA_NUDGE_EVERY_SECONDS=0", "SHISHA_BROADCAST_EVERY_SECONDS=0",
        // contexts of other test classes stay cached and share the database: only a test that drives call-review
        // jobs (with its own speech double) or pushes (with its FCM stand-in) lets its context poll for them
        "SHISHA_CALL_REVIEW_POLL_MILLIS=0", "SHISHA_PUSH_EVERY_SECONDS=0",
        // the speech-model download has a test of its own against a loopback server; no other test fetches 80 MB
        "SHISHA_SPEECH_MODEL_DOWNLOAD=false"})
abstract class AbstractPipelineTest {

    /** The same settings for an extra instance started by hand (another "server" against the same stores). */
    static String[] instanceProperties() {
        return new String[]{
                "TWILIO_ACCOUNT_SID=" + TwilioStandIn.ACCOUNT_SID, "TWILIO_AUTH_TOKEN=" + AUTH_TOKEN,
                "TWILIO_WHATSAPP_FROM=" + WHATSAPP_FROM, "TWILIO_SMS_FROM=" + SMS_FROM, "PUBLIC_BASE_URL=" + PUBLIC_BASE,
                "TWILIO_SEND_RATE_PER_SECOND=10000", "SHISHA_SWEEP_MILLIS=200", "SHISHA_NUDGE_EVERY_SECONDS=0", "SERVER_PORT=0",
                "SHISHA_CALL_REVIEW_POLL_MILLIS=0", "SHISHA_PUSH_EVERY_SECONDS=0", "SHISHA_SPEECH_MODEL_DOWNLOAD=false",
                "TWILIO_API_BASE_URL=" + TwilioStandIn.baseUrl(), "OLLAMA_BASE_URL=" + OllamaAppStandIn.baseUrl(),
                "OLLAMA_TIMEOUT_MILLIS=3000", "SHISHA_INTAKE_JOURNAL_DIR=" + newJournalDir()};
    }

    /**
     * A fresh intake journal directory: every instance needs its own (each holds a lock on it), and the contexts of
     * test classes with different settings stay open side by side.
     */
    static String newJournalDir() {
        try {
            return java.nio.file.Files.createTempDirectory("shisha-intake-journal").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final String AUTH_TOKEN = "test-auth-token-0123456789";
    static final String WHATSAPP_FROM = "whatsapp:+14155238886";
    static final String SMS_FROM = "+15005550006";
    static final String PUBLIC_BASE = "https://bot.example.test";
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(15);
    private static final AtomicLong SID = new AtomicLong(System.nanoTime());
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void twilioStandIn(DynamicPropertyRegistry registry) {
        registry.add("TWILIO_API_BASE_URL", TwilioStandIn::baseUrl);
        registry.add("OLLAMA_BASE_URL", OllamaAppStandIn::baseUrl);
        registry.add("OLLAMA_TIMEOUT_MILLIS", () -> "3000");
        String journal = newJournalDir(); // once per context
        registry.add("SHISHA_INTAKE_JOURNAL_DIR", () -> journal);
    }

    /** A phone number no other test uses (tests share the database). */
    static String freshPhone() {
        return "+9199" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String newMessageSid() {
        return "SM" + String.format("%032x", SID.incrementAndGet());
    }

    /** A Twilio WhatsApp inbound form as Twilio sends it. */
    static Map<String, String> whatsappForm(String phone, String body, String sid) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("SmsMessageSid", sid);
        f.put("NumMedia", "0");
        f.put("ProfileName", "Test Partner");
        f.put("MessageType", "text");
        f.put("SmsSid", sid);
        f.put("WaId", phone.substring(1));
        f.put("SmsStatus", "received");
        f.put("Body", body);
        f.put("To", WHATSAPP_FROM);
        f.put("NumSegments", "1");
        f.put("ReferralNumMedia", "0");
        f.put("MessageSid", sid);
        f.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        f.put("From", "whatsapp:" + phone);
        f.put("ApiVersion", "2010-04-01");
        return f;
    }

    static Map<String, String> smsForm(String phone, String body, String sid) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ToCountry", "US");
        f.put("SmsMessageSid", sid);
        f.put("NumMedia", "0");
        f.put("SmsSid", sid);
        f.put("SmsStatus", "received");
        f.put("Body", body);
        f.put("To", SMS_FROM);
        f.put("NumSegments", "1");
        f.put("MessageSid", sid);
        f.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        f.put("From", phone);
        f.put("ApiVersion", "2010-04-01");
        return f;
    }

    HttpResponse<String> postSigned(String path, Map<String, String> form) {
        return postSignedTo(port, path, form);
    }

    static HttpResponse<String> postSignedTo(int port, String path, Map<String, String> form) {
        Map<String, String[]> params = form.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new String[]{e.getValue()}));
        String signature = new TwilioSignature(AUTH_TOKEN).sign(PUBLIC_BASE + path, params);
        return postFormTo(port, path, form, signature);
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, String signature) {
        return postFormTo(port, path, form, signature);
    }

    static HttpResponse<String> postFormTo(int port, String path, Map<String, String> form, String signature) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return postRawTo(port, path, "application/x-www-form-urlencoded", body, signature);
    }

    HttpResponse<String> postRaw(String path, String contentType, String body, String signature) {
        return postRawTo(port, path, contentType, body, signature);
    }

    static HttpResponse<String> postRawTo(int port, String path, String contentType, String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> whatsapp(String phone, String text) {
        return postSigned("/webhooks/twilio/messaging", whatsappForm(phone, text, newMessageSid()));
    }

    /** Sends one WhatsApp message, as a partner types: asserts the ack and waits for exactly one more reply. */
    TwilioStandIn.Sent sayAndAwaitReply(String phone, String text) {
        String to = "whatsapp:" + phone;
        int before = TwilioStandIn.sentTo(to).size();
        assertThat(whatsapp(phone, text).statusCode()).as("ack of '%s'", text).isEqualTo(200);
        List<TwilioStandIn.Sent> sent = TwilioStandIn.awaitSent(to, before + 1, REPLY_TIMEOUT);
        assertThat(sent).as("replies after '%s'", text).hasSize(before + 1);
        return sent.get(before);
    }

    /** Waits until the pipeline has processed the inbound message with this provider id. */
    boolean awaitProcessed(String sid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Boolean> processed = jdbc.sql("select processed_at is not null from inbound_messages where provider_message_id = :sid")
                    .param("sid", sid).query(Boolean.class).optional();
            if (processed.orElse(false)) {
                return true;
            }
            TwilioStandIn.sleep(20);
        }
        return false;
    }

    int outboxRows(String conversationKey) {
        return jdbc.sql("select count(*) from outbound_messages where conversation_key = :k")
                .param("k", conversationKey).query(Integer.class).single();
    }

    /** The partner writes on WhatsApp through the signed webhook; returns what Twilio has been asked to send them so far. */
    java.util.List<TwilioStandIn.Sent> partnerSays(String phone, String text, int repliesBefore, boolean expectReply) {
        String sid = newMessageSid();
        assertThat(postSigned("/webhooks/twilio/messaging", whatsappForm(phone, text, sid)).statusCode()).isEqualTo(200);
        assertThat(awaitProcessed(sid, REPLY_TIMEOUT)).as("'%s' processed", text).isTrue();
        if (!expectReply) {
            TwilioStandIn.sleep(300);
            return TwilioStandIn.sentTo("whatsapp:" + phone);
        }
        return TwilioStandIn.awaitSent("whatsapp:" + phone, repliesBefore + 1, REPLY_TIMEOUT);
    }
}
