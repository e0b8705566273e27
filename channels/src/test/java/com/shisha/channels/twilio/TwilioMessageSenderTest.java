package com.shisha.channels.twilio;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.OutboundMessage;
import com.shisha.core.pipeline.ChannelSender.SendResult;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the sender puts on the wire, seen through twilio-java's HTTP seam. */
class TwilioMessageSenderTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String CONTENT_SID = "HX0123456789abcdef0123456789abcdef";
    private static final String WHATSAPP_FROM = "whatsapp:+14155238886";
    private static final String SMS_FROM = "+15005550006";

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final TwilioRestClient client = new TwilioRestClient.Builder(ACCOUNT_SID, "secret-token").httpClient(http).build();

    @Test
    void aWhatsappTemplateGoesOutByContentSidWithVariablesAndNoBody() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("1", "Asha");
        variables.put("2", "call Priya \"today\"");
        OutboundMessage template = message(Channel.WHATSAPP, "Hi Asha, next step: call Priya \"today\"", CONTENT_SID, variables);

        SendResult result = new TwilioMessageSender(Channel.WHATSAPP, WHATSAPP_FROM, client, null).send(template);

        assertThat(result).isEqualTo(new SendResult.Accepted("SM00000000000000000000000000000001"));
        Map<String, List<String>> form = http.only().getPostParams();
        assertThat(form).containsEntry("To", List.of("whatsapp:+919812345678"))
                .containsEntry("From", List.of(WHATSAPP_FROM))
                .containsEntry("ContentSid", List.of(CONTENT_SID))
                .containsEntry("ContentVariables", List.of("{\"1\":\"Asha\",\"2\":\"call Priya \\\"today\\\"\"}"))
                .doesNotContainKey("Body");
    }

    @Test
    void aTemplateWithoutVariablesSendsNoContentVariables() {
        new TwilioMessageSender(Channel.WHATSAPP, WHATSAPP_FROM, client, null)
                .send(message(Channel.WHATSAPP, "Your weekly summary is ready", CONTENT_SID, Map.of()));
        assertThat(http.only().getPostParams()).containsEntry("ContentSid", List.of(CONTENT_SID))
                .doesNotContainKeys("ContentVariables", "Body");
    }

    @Test
    void aPlainMessageGoesOutAsBody() {
        new TwilioMessageSender(Channel.WHATSAPP, WHATSAPP_FROM, client, null).send(message(Channel.WHATSAPP, "Namaste!", null, null));
        assertThat(http.only().getPostParams()).containsEntry("Body", List.of("Namaste!"))
                .doesNotContainKeys("ContentSid", "ContentVariables");
    }

    @Test
    void smsHasNoTemplatesSoTheRenderedBodyIsSent() {
        OutboundMessage template = message(Channel.SMS, "Hi Asha, next step: call Priya", CONTENT_SID, Map.of("1", "Asha"));
        new TwilioMessageSender(Channel.SMS, SMS_FROM, client, null).send(template);
        assertThat(http.only().getPostParams()).containsEntry("To", List.of("+919812345678"))
                .containsEntry("Body", List.of("Hi Asha, next step: call Priya"))
                .doesNotContainKeys("ContentSid", "ContentVariables");
    }

    private static OutboundMessage message(Channel channel, String body, String contentSid, Map<String, String> variables) {
        return new OutboundMessage(7, new ConversationKey(channel, "+919812345678"), null, body, 1, Instant.now(), contentSid, variables);
    }

    /** Answers every request as Twilio answers a create: 201 and a Message resource. */
    private static final class RecordingHttpClient extends HttpClient {

        private final List<Request> requests = new ArrayList<>();

        @Override
        public Response makeRequest(Request request) {
            requests.add(request);
            return new Response("{\"sid\": \"SM%032d\", \"status\": \"queued\"}".formatted(requests.size()), 201);
        }

        Request only() {
            assertThat(requests).hasSize(1);
            return requests.get(0);
        }
    }
}
