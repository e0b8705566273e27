package com.shisha.channels.twilio;

import com.shisha.core.InboundMessage;
import com.shisha.core.dialog.Choices;
import com.shisha.core.pipeline.InboundIngest;
import com.shisha.core.pipeline.IntakePriority;
import com.shisha.core.pipeline.Inbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook filter on its own (the end-to-end behaviour is tested through the real server in the app module):
 * a message the inbox cannot store gets a 5xx, the outcome is timed, another method gets a 405, another path goes on.
 */
class TwilioWebhooksTest {

    private static final String TOKEN = "unit-test-token-123";
    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final TwilioSettings SETTINGS = new TwilioSettings("AC0123456789abcdef0123456789abcdef", TOKEN,
            "whatsapp:+14155238886", null, TwilioSettings.TWILIO_API, URI.create("https://bot.example.test"));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void storageFailureAnswers503SoTwilioRetries() throws Exception {
        Inbox broken = (Inbox) Proxy.newProxyInstance(Inbox.class.getClassLoader(), new Class<?>[]{Inbox.class}, (proxy, method, args) -> {
            throw new IllegalStateException("database unreachable");
        });
        TwilioWebhooks webhooks = new TwilioWebhooks(new InboundIngest(broken, null, IntakePriority.off()), (sid, s, c) -> true, SETTINGS, meters);
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        webhooks.doFilter(signedInbound(), response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getContentAsString()).isEqualTo(
                "{\"error\":\"unavailable\",\"message\":\"the message could not be stored right now; retry later\",\"status\":503}");
        assertThat(chain.getRequest()).as("answered here, not passed on").isNull();
        assertThat(meters.get("shisha.webhooks").tag("endpoint", "messaging").tag("outcome", "unavailable").timer().count()).isEqualTo(1);
    }

    @Test
    void aForgedSignatureIsRefusedAndCounted() throws Exception {
        TwilioWebhooks webhooks = new TwilioWebhooks(null, (sid, s, c) -> true, SETTINGS, meters);
        MockHttpServletRequest request = signedInbound();
        request.addParameter("Body", "changed after signing");
        MockHttpServletResponse response = new MockHttpServletResponse();

        webhooks.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("\"error\":\"forbidden\"");
        assertThat(meters.get("shisha.webhooks").tag("endpoint", "messaging").tag("outcome", "forbidden").timer().count()).isEqualTo(1);
    }

    @Test
    void otherMethodsGetA405AndOtherPathsGoOnDownTheChain() throws Exception {
        TwilioWebhooks webhooks = new TwilioWebhooks(null, (sid, s, c) -> true, SETTINGS, meters);
        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain notCalled = new MockFilterChain();
        webhooks.doFilter(new MockHttpServletRequest("GET", TwilioWebhooks.MESSAGING), refused, notCalled);
        assertThat(refused.getStatus()).isEqualTo(405);
        assertThat(refused.getHeader("Allow")).isEqualTo("POST");
        assertThat(refused.getContentAsString()).contains("\"error\":\"method_not_allowed\"");
        assertThat(notCalled.getRequest()).isNull();

        MockHttpServletRequest elsewhere = new MockHttpServletRequest("POST", TwilioWebhooks.MESSAGING + "/extra");
        MockFilterChain chain = new MockFilterChain();
        webhooks.doFilter(elsewhere, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isSameAs(elsewhere);
    }

    @Test
    void aTappedButtonOrListItemReachesTheInboxAsItsChoiceId() throws Exception {
        List<InboundMessage> stored = new ArrayList<>();
        TwilioWebhooks webhooks = new TwilioWebhooks(new InboundIngest(recording(stored), null, IntakePriority.off()),
                (sid, s, c) -> true, SETTINGS, meters);

        // a quick-reply button (Twilio: ButtonPayload and ButtonText, the title also in Body)
        webhooks.doFilter(signedInbound(Map.of("Body", "Yes", "ButtonText", "Yes", "ButtonPayload", "confirm:yes")),
                new MockHttpServletResponse(), new MockFilterChain());
        // a list item (ListId and ListTitle), with no Body at all
        webhooks.doFilter(signedInbound(Map.of("ListId", "product:LOAN", "ListTitle", "Personal loan")),
                new MockHttpServletResponse(), new MockFilterChain());
        // typed: no choice, whatever it says
        webhooks.doFilter(signedInbound(Map.of("Body", "confirm:yes")), new MockHttpServletResponse(), new MockFilterChain());
        // an id longer than any we give is not a tap of ours: the text stands
        webhooks.doFilter(signedInbound(Map.of("Body", "ok", "ButtonPayload", "x".repeat(Choices.MAX_ID + 1))),
                new MockHttpServletResponse(), new MockFilterChain());

        assertThat(stored).extracting(InboundMessage::choiceId).containsExactly("confirm:yes", "product:LOAN", null, null);
        assertThat(stored).extracting(InboundMessage::text).containsExactly("Yes", "Personal loan", "confirm:yes", "ok");
    }

    @Test
    void controlCharactersInTextFieldsAreStrippedBeforeStoringAndAnsweredWith200() throws Exception {
        List<InboundMessage> stored = new ArrayList<>();
        TwilioWebhooks webhooks = new TwilioWebhooks(new InboundIngest(recording(stored), null, IntakePriority.off()),
                (sid, s, c) -> true, SETTINGS, meters);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Body", "hi\u0000 there\u0007\u001b[2J\tok\r\nline two\u007f\u0085");
        fields.put("ProfileName", "As\u0000ha");
        fields.put("NumMedia", "1");
        fields.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Messages/MM1/Media/ME1\u0000");
        fields.put("MediaContentType0", "audio/ogg\u0000");
        fields.put("ButtonPayload", "confirm:\u0000yes");
        MockHttpServletResponse response = new MockHttpServletResponse();

        webhooks.doFilter(signedInbound(fields), response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(200);
        InboundMessage message = stored.get(0);
        assertThat(message.text()).isEqualTo("hi there[2J\tok\r\nline two");
        assertThat(message.profileName()).isEqualTo("Asha");
        assertThat(message.choiceId()).isEqualTo("confirm:yes");
        assertThat(message.media().get(0).url()).doesNotContain("\u0000");
        assertThat(message.media().get(0).contentType()).isEqualTo("audio/ogg");
    }

    @Test
    void malformedAddressesAreRefusedWith400NotStored() throws Exception {
        List<InboundMessage> stored = new ArrayList<>();
        TwilioWebhooks webhooks = new TwilioWebhooks(new InboundIngest(recording(stored), null, IntakePriority.off()),
                (sid, s, c) -> true, SETTINGS, meters);
        List<Map<String, String>> bad = List.of(
                Map.of("To", "whatsapp:+14155238886\u0000"),
                Map.of("From", "whatsapp:+91981234\u00005678"),
                Map.of("From", "whatsapp:919812345678"),           // no +
                Map.of("From", "919812345678", "To", "+14155238886"), // SMS without +
                Map.of("From", "whatsapp:+0919812345678"),
                Map.of("From", "whatsapp:+9198123456789012"),       // 16 digits
                Map.of("From", "messenger:+919812345678"),
                Map.of("To", "+14155238886"),                       // WhatsApp From, SMS To
                Map.of("From", "+919812345678"),                    // SMS From, WhatsApp To
                Map.of("To", "whatsapp:14155238886"));
        for (Map<String, String> fields : bad) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            webhooks.doFilter(signedInbound(fields), response, new MockFilterChain());
            assertThat(response.getStatus()).as(fields.toString()).isEqualTo(400);
            assertThat(response.getContentAsString()).as(fields.toString()).contains("\"error\":\"bad_request\"");
        }
        assertThat(stored).isEmpty();

        MockHttpServletResponse sms = new MockHttpServletResponse();
        webhooks.doFilter(signedInbound(Map.of("From", "+919812345678", "To", "+14155238886")), sms, new MockFilterChain());
        assertThat(sms.getStatus()).isEqualTo(200);
        assertThat(stored).singleElement().satisfies(m -> assertThat(m.conversation().value()).isEqualTo("sms:+919812345678"));
    }

    @Test
    void aWebhookOfAnotherAccountIsRefusedWith403AndLoggedOnceMasked() throws Exception {
        List<InboundMessage> stored = new ArrayList<>();
        List<String> recorded = new ArrayList<>();
        TwilioWebhooks webhooks = new TwilioWebhooks(new InboundIngest(recording(stored), null, IntakePriority.off()),
                (sid, s, c) -> recorded.add(sid), SETTINGS, meters);
        String other = "AC" + "f".repeat(32);
        java.util.function.Function<MockHttpServletRequest, MockHttpServletResponse> post = request -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                webhooks.doFilter(request, response, new MockFilterChain());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return response;
        };
        Map<String, String> foreign = new LinkedHashMap<>();
        foreign.put("AccountSid", other);
        Map<String, String> missing = new LinkedHashMap<>();
        missing.put("AccountSid", null);

        for (Map<String, String> fields : List.of(foreign, missing)) {
            List<MockHttpServletResponse> answers = new ArrayList<>();
            List<ILoggingEvent> lines = logged(() -> {
                answers.add(post.apply(signedInbound(fields)));
                answers.add(post.apply(signedStatus(fields)));
            });
            assertThat(answers).as(fields.toString()).allSatisfy(r -> {
                assertThat(r.getStatus()).isEqualTo(403);
                assertThat(r.getContentAsString()).contains("\"error\":\"forbidden\"");
            });
            assertThat(lines).as("one line per refused webhook").hasSize(2).allSatisfy(line -> {
                assertThat(line.getFormattedMessage()).contains("AccountSid").contains("+91********78")
                        .doesNotContain("919812345678");
            });
        }
        assertThat(stored).isEmpty();
        assertThat(recorded).isEmpty();
        assertThat(meters.get("shisha.webhooks").tag("endpoint", "status").tag("outcome", "forbidden").timer().count()).isEqualTo(2);

        // ours: both go through
        assertThat(post.apply(signedInbound()).getStatus()).isEqualTo(200);
        assertThat(post.apply(signedStatus(Map.of())).getStatus()).isEqualTo(200);
        assertThat(stored).hasSize(1);
        assertThat(recorded).hasSize(1);
    }

    @Test
    void aStatusErrorCodeThatIsNotANumberIsNotStored() throws Exception {
        List<String> codes = new ArrayList<>();
        TwilioWebhooks webhooks = new TwilioWebhooks(null, (sid, s, c) -> codes.add(String.valueOf(c)), SETTINGS, meters);

        MockHttpServletResponse response = new MockHttpServletResponse();
        webhooks.doFilter(signedStatus(Map.of("MessageStatus", "failed", "ErrorCode", "63016\u0000")), response, new MockFilterChain());
        webhooks.doFilter(signedStatus(Map.of("MessageStatus", "failed", "ErrorCode", "63016")), new MockHttpServletResponse(), new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(codes).containsExactly("null", "63016");
    }

    @Test
    void aStorageFailureIsLoggedWithoutTheStatementOrTheText() throws Exception {
        Inbox broken = (Inbox) Proxy.newProxyInstance(Inbox.class.getClassLoader(), new Class<?>[]{Inbox.class}, (proxy, method, args) -> {
            throw new IllegalStateException("PreparedStatementCallback; SQL [insert into inbound_messages (body) values (?)]",
                    new java.sql.SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 in secret text", "22021"));
        });
        TwilioWebhooks webhooks = new TwilioWebhooks(new InboundIngest(broken, null, IntakePriority.off()), (sid, s, c) -> true, SETTINGS, meters);
        MockHttpServletResponse response = new MockHttpServletResponse();

        List<ILoggingEvent> lines = logged(() -> webhooks.doFilter(signedInbound(Map.of("Body", "secret text")), response, new MockFilterChain()));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).doesNotContain("insert").doesNotContain("secret text")
                    .contains("IllegalStateException").contains("22021");
            assertThat(line.getThrowableProxy()).isNull();
        });
    }

    /** An inbox that keeps what it is given and reports each as a duplicate (so no turn is scheduled). */
    private static Inbox recording(List<InboundMessage> stored) {
        return (Inbox) Proxy.newProxyInstance(Inbox.class.getClassLoader(), new Class<?>[]{Inbox.class}, (proxy, method, args) -> {
            if (method.getName().equals("store")) {
                stored.add((InboundMessage) args[0]);
                return Optional.empty();
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    private static int sids;

    private static MockHttpServletRequest signedInbound() {
        return signedInbound(Map.of("Body", "hi"));
    }

    private static MockHttpServletRequest signedInbound(Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", String.format("SM0123456789abcdef0123456789ab%04d", sids++));
        form.put("From", "whatsapp:+919812345678");
        form.put("To", "whatsapp:+14155238886");
        form.put("AccountSid", ACCOUNT);
        form.putAll(fields);
        form.values().removeIf(v -> v == null);
        return signed(TwilioWebhooks.MESSAGING, form);
    }

    private static MockHttpServletRequest signedStatus(Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", String.format("SM0123456789abcdef0123456789ab%04d", sids++));
        form.put("MessageStatus", "delivered");
        form.put("To", "whatsapp:+919812345678");
        form.put("From", "whatsapp:+14155238886");
        form.put("AccountSid", ACCOUNT);
        form.putAll(fields);
        form.values().removeIf(v -> v == null);
        return signed(TwilioWebhooks.STATUS, form);
    }

    private static MockHttpServletRequest signed(String path, Map<String, String> form) {
        Map<String, String[]> params = new LinkedHashMap<>();
        form.forEach((k, v) -> params.put(k, new String[]{v}));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType("application/x-www-form-urlencoded");
        form.forEach(request::addParameter);
        request.addHeader("X-Twilio-Signature", new TwilioSignature(TOKEN).sign("https://bot.example.test" + path, params));
        return request;
    }

    /** The webhook filter's log lines while {@code run} runs. */
    private static List<ILoggingEvent> logged(ThrowingRunnable run) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(TwilioWebhooks.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            run.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
