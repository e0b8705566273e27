package com.shisha.channels.twilio;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.OutboundMessage;
import com.shisha.core.dialog.Choices;
import com.shisha.core.dialog.Choices.Choice;
import com.shisha.core.pipeline.ChannelSender.SendResult;
import com.shisha.core.pipeline.ChoiceContents;
import com.twilio.http.TwilioRestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender on the wire, through the HTTP client the app builds ({@link TwilioMessageSender#client}), against
 * stand-ins for Twilio's REST and Content APIs answering as Twilio does: what is posted where with which credentials,
 * and what each answer becomes.
 */
class TwilioMessageSenderWireTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "wire-secret-token";
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final String WHATSAPP_FROM = "whatsapp:+14155238886";
    private static final URI CALLBACK = URI.create("https://bot.example.test/webhooks/twilio/status");
    /** A create's answer as Twilio gives it: the sid after nested objects and nulls, which the sender skips. */
    private static final String CREATED = """
            {"account_sid": "%s", "api_version": "2010-04-01", "body": "Namaste!", "date_created": "Mon, 07 Dec 2026 21:00:00 +0000",
             "date_sent": null, "date_updated": "Mon, 07 Dec 2026 21:00:00 +0000", "direction": "outbound-api", "error_code": null,
             "error_message": null, "from": "whatsapp:+14155238886", "messaging_service_sid": null, "num_media": "0",
             "num_segments": "1", "price": null, "price_unit": null,
             "subresource_uris": {"media": "/2010-04-01/Accounts/%s/Messages/SMx/Media.json", "sid": "not this one"},
             "tags": ["a", {"sid": "nor this"}], "sid": "SM0123456789abcdef0123456789abcdef", "status": "queued",
             "to": "whatsapp:+919812345678", "uri": "/2010-04-01/Accounts/%s/Messages/SM0123456789abcdef0123456789abcdef.json"}
            """.formatted(SID, SID, SID);

    private static WireMockServer api;
    private static WireMockServer content;
    private static TwilioRestClient client;

    @BeforeAll
    static void start() {
        api = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        content = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
        content.start();
        client = TwilioMessageSender.client(settings(URI.create("http://127.0.0.1:" + api.port())), 4, Duration.ofSeconds(5));
    }

    private static TwilioSettings settings(URI apiBase) {
        return new TwilioSettings(SID, TOKEN, WHATSAPP_FROM, null, apiBase, URI.create("https://bot.example.test"),
                URI.create("http://127.0.0.1:" + content.port()));
    }

    @AfterAll
    static void stop() {
        api.stop();
        content.stop();
    }

    @BeforeEach
    void reset() {
        api.resetAll();
        content.resetAll();
    }

    @Test
    void aReplyIsOneFormPostWithTheAccountsCredentialsAndItsSidIsRead() {
        api.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(CREATED)));

        SendResult result = whatsapp(null).send(message("Namaste! 1 + 1 = 2 & कैसे हो?"));

        assertThat(result).isEqualTo(new SendResult.Accepted("SM0123456789abcdef0123456789abcdef"));
        LoggedRequest sent = api.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(sent.getMethod().getName()).isEqualTo("POST");
        assertThat(sent.getUrl()).isEqualTo(MESSAGES);
        assertThat(sent.getHeader("Authorization")).isEqualTo(BASIC);
        assertThat(sent.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(sent.getBodyAsString())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "To", "whatsapp:+919812345678", "From", WHATSAPP_FROM, "Body", "Namaste! 1 + 1 = 2 & कैसे हो?",
                "StatusCallback", CALLBACK.toString()));
        assertThat(content.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void busyOrFailingTwilioIsRetriedWithoutReconcilingAndAnOptOutIsRejectedForGood() {
        api.stubFor(post(MESSAGES).willReturn(error(429, 20429, "Too Many Requests")));
        assertThat(whatsapp(null).send(message("hi"))).isInstanceOfSatisfying(SendResult.Retry.class, r -> {
            assertThat(r.maybeDelivered()).isFalse();
            assertThat(r.reason()).contains("429").contains("20429");
        });

        api.stubFor(post(MESSAGES).willReturn(error(503, 20503, "Service Unavailable")));
        assertThat(whatsapp(null).send(message("hi"))).isInstanceOfSatisfying(SendResult.Retry.class,
                r -> assertThat(r.maybeDelivered()).isFalse());

        api.stubFor(post(MESSAGES).willReturn(error(400, TwilioMessageSender.UNSUBSCRIBED_RECIPIENT, "Attempt to send to unsubscribed recipient")));
        assertThat(whatsapp(null).send(message("hi"))).isEqualTo(new SendResult.Rejected(
                "Twilio 400 error 21610: Attempt to send to unsubscribed recipient", true));

        api.stubFor(post(MESSAGES).willReturn(error(400, 21211, "Invalid 'To' Phone Number")));
        assertThat(whatsapp(null).send(message("hi"))).isInstanceOfSatisfying(SendResult.Rejected.class,
                r -> assertThat(r.optedOut()).isFalse());
    }

    @Test
    void anAnswerWithoutASidOrNoAnswerAtAllMayHaveSentItSoItIsReconciled() throws Exception {
        api.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody("{\"status\": \"queued\"}")));
        assertThat(whatsapp(null).send(message("hi"))).isInstanceOfSatisfying(SendResult.Retry.class,
                r -> assertThat(r.maybeDelivered()).isTrue());

        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        TwilioRestClient unreachable = TwilioMessageSender.client(settings(URI.create("http://127.0.0.1:" + closed)), 1, Duration.ofSeconds(2));
        SendResult result = new TwilioMessageSender(Channel.WHATSAPP, WHATSAPP_FROM, unreachable, null).send(message("hi"));
        assertThat(result).isInstanceOfSatisfying(SendResult.Retry.class, r -> assertThat(r.maybeDelivered()).isTrue());
    }

    @Test
    void choicesGoThroughTheContentApiOnItsOwnBaseThenByContentSid() {
        String contentSid = "HX0123456789abcdef0123456789abcdef";
        content.stubFor(post("/v1/Content").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"" + contentSid + "\", \"friendly_name\": \"x\"}")));
        api.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody(CREATED)));
        Choices yesNo = Choices.buttons(List.of(new Choice("confirm:yes", "Yes"), new Choice("confirm:no", "No")));
        OutboundMessage reply = new OutboundMessage(7, new ConversationKey(Channel.WHATSAPP, "+919812345678"), null,
                "Is your name Asha?", 1, Instant.now(), null, Map.of(), yesNo);

        assertThat(whatsapp(new TwilioContentApi(client, new Kept(), Clock.systemUTC())).send(reply)).isInstanceOf(SendResult.Accepted.class);

        LoggedRequest created = content.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(created.getHeader("Authorization")).isEqualTo(BASIC);
        assertThat(created.getHeader("Content-Type")).startsWith("application/json");
        assertThat(created.getBodyAsString()).contains("\"twilio/quick-reply\"");
        Map<String, String> sent = form(api.findAll(anyRequestedFor(anyUrl())).get(0).getBodyAsString());
        assertThat(sent).containsEntry("ContentSid", contentSid).containsEntry("ContentVariables", "{\"1\":\"Is your name Asha?\"}")
                .doesNotContainKey("Body");
    }

    @Test
    void reconcilingReadsTheRecentMessagesToTheRecipientWithTheirQuery() {
        api.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(200).withBody("""
                {"messages": [%s], "end": 0, "first_page_uri": "%s?PageSize=50&Page=0", "next_page_uri": null, "page": 0,
                 "page_size": 50, "previous_page_uri": null, "start": 0, "uri": "%s?PageSize=50&Page=0"}
                """.formatted(CREATED, MESSAGES, MESSAGES))));

        Optional<String> found = whatsapp(null).findAlreadySent(message("Namaste!"), Set.of(), Instant.parse("2026-12-07T20:00:00Z"));

        assertThat(found).contains("SM0123456789abcdef0123456789abcdef");
        LoggedRequest read = api.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(read.getHeader("Authorization")).isEqualTo(BASIC);
        assertThat(read.queryParameter("To").firstValue()).isEqualTo("whatsapp:+919812345678");
        assertThat(read.queryParameter("From").firstValue()).isEqualTo(WHATSAPP_FROM);
        assertThat(read.queryParameter("PageSize").firstValue()).isEqualTo("50");
    }

    private static TwilioMessageSender whatsapp(TwilioContentApi contents) {
        return new TwilioMessageSender(Channel.WHATSAPP, WHATSAPP_FROM, client, contents == null ? CALLBACK : null, contents);
    }

    private static OutboundMessage message(String body) {
        return new OutboundMessage(7, new ConversationKey(Channel.WHATSAPP, "+919812345678"), null, body, 1, Instant.now(), null, Map.of());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(
                "{\"code\": %d, \"message\": \"%s\", \"more_info\": \"https://www.twilio.com/docs/errors/%d\", \"status\": %d}"
                        .formatted(code, message, code, status));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static final class Kept implements ChoiceContents {
        private final Map<String, String> sids = new ConcurrentHashMap<>();

        @Override
        public Optional<String> find(String key) {
            return Optional.ofNullable(sids.get(key));
        }

        @Override
        public String keep(String key, String sid) {
            String kept = sids.putIfAbsent(key, sid);
            return kept == null ? sid : kept;
        }
    }
}
