package com.shisha.channels.twilio;

import com.shisha.core.InboundMessage;
import com.shisha.core.dialog.Choices;
import com.shisha.core.pipeline.InboundIngest;
import com.shisha.core.pipeline.IntakePriority;
import com.shisha.core.pipeline.Inbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
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
        form.putAll(fields);
        Map<String, String[]> params = new LinkedHashMap<>();
        form.forEach((k, v) -> params.put(k, new String[]{v}));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", TwilioWebhooks.MESSAGING);
        request.setContentType("application/x-www-form-urlencoded");
        form.forEach(request::addParameter);
        request.addHeader("X-Twilio-Signature", new TwilioSignature(TOKEN).sign("https://bot.example.test" + TwilioWebhooks.MESSAGING, params));
        return request;
    }
}
