package com.shisha.channels.twilio;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.OutboundMessage;
import com.shisha.core.dialog.Choices;
import com.shisha.core.dialog.Choices.Choice;
import com.shisha.core.pipeline.ChannelSender.SendResult;
import com.shisha.core.pipeline.ChoiceContents;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * WhatsApp replies with choices, seen through twilio-java's HTTP seam: the content is created once per choice set
 * with the Content API's JSON, messages go out by ContentSid with the reply's text as the variable, and whenever
 * no content can be had the reply goes as plain text. (The same against a stand-in speaking HTTP: the app module.)
 */
class TwilioChoicesSenderTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String WHATSAPP_FROM = "whatsapp:+14155238886";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Choices YES_NO = Choices.buttons(List.of(new Choice("confirm:yes", "Yes"), new Choice("confirm:no", "No, change")));
    private static final Choices PRODUCTS = Choices.list("उत्पाद चुनें", List.of(
            new Choice("product:LOAN", "पर्सनल लोन", "5 लाख तक"), new Choice("product:CARD", "क्रेडिट कार्ड")));

    private final Scripted http = new Scripted();
    private final TwilioRestClient client = new TwilioRestClient.Builder(ACCOUNT_SID, "secret-token").httpClient(http).build();
    private final MemoryContents kept = new MemoryContents();
    private final MutableClock clock = new MutableClock();
    private final TwilioContentApi contents = new TwilioContentApi(client, kept, clock);
    private final TwilioMessageSender whatsapp = new TwilioMessageSender(Channel.WHATSAPP, WHATSAPP_FROM, client, null, contents);

    @Test
    void buttonsAreCreatedOnceAndEveryReplyGoesByContentSidWithItsTextAsTheVariable() {
        assertThat(whatsapp.send(reply("Is your name Asha?", YES_NO))).isInstanceOf(SendResult.Accepted.class);
        assertThat(whatsapp.send(reply("Is your city Bhopal?", YES_NO))).isInstanceOf(SendResult.Accepted.class);

        List<Request> content = http.to("content.twilio.com");
        assertThat(content).as("one content for the set").hasSize(1);
        assertThat(content.get(0).getMethod()).isEqualTo(HttpMethod.POST);
        assertThat(content.get(0).constructURL().toString()).isEqualTo("https://content.twilio.com/v1/Content");
        JsonNode created = JSON.readTree(content.get(0).getBody());
        assertThat(created.get("friendly_name").asString()).startsWith("shisha_twilio_quick_reply_");
        assertThat(created.get("language").asString()).isEqualTo("en");
        assertThat(created.get("variables").get("1").asString()).isNotBlank();
        JsonNode quickReply = created.get("types").get("twilio/quick-reply");
        assertThat(quickReply.get("body").asString()).isEqualTo("{{1}}");
        assertThat(quickReply.get("actions").toString()).isEqualTo(
                "[{\"title\":\"Yes\",\"id\":\"confirm:yes\"},{\"title\":\"No, change\",\"id\":\"confirm:no\"}]");

        List<Request> messages = http.to("api.twilio.com");
        assertThat(messages).hasSize(2).allSatisfy(m -> assertThat(m.getPostParams())
                .containsEntry("ContentSid", List.of(Scripted.contentSid(1)))
                .containsEntry("From", List.of(WHATSAPP_FROM))
                .doesNotContainKey("Body"));
        assertThat(messages.get(0).getPostParams()).containsEntry("ContentVariables", List.of("{\"1\":\"Is your name Asha?\"}"));
        assertThat(messages.get(1).getPostParams()).containsEntry("ContentVariables", List.of("{\"1\":\"Is your city Bhopal?\"}"));
        assertThat(kept.find(TwilioContentApi.key(YES_NO))).contains(Scripted.contentSid(1));
    }

    @Test
    void aListPickerHasItsButtonItemsAndDescriptionsInTheirLanguage() {
        whatsapp.send(reply("आप कौन से उत्पाद बेचते हैं?\n1. पर्सनल लोन\n2. क्रेडिट कार्ड", PRODUCTS));

        JsonNode created = JSON.readTree(http.to("content.twilio.com").get(0).getBody());
        assertThat(created.get("language").asString()).isEqualTo("hi");
        JsonNode list = created.get("types").get("twilio/list-picker");
        assertThat(list.get("body").asString()).isEqualTo("{{1}}");
        assertThat(list.get("button").asString()).isEqualTo("उत्पाद चुनें");
        assertThat(list.get("items").toString()).isEqualTo("[{\"id\":\"product:LOAN\",\"item\":\"पर्सनल लोन\",\"description\":\"5 लाख तक\"},"
                + "{\"id\":\"product:CARD\",\"item\":\"क्रेडिट कार्ड\"}]");
        assertThat(http.to("api.twilio.com").get(0).getPostParams().get("ContentVariables").get(0))
                .isEqualTo("{\"1\":\"आप कौन से उत्पाद बेचते हैं?\\n1. पर्सनल लोन\\n2. क्रेडिट कार्ड\"}");
    }

    @Test
    void anotherInstanceOrARestartUsesTheKeptSidWithoutCreatingAgain() {
        whatsapp.send(reply("Is your name Asha?", YES_NO));
        TwilioMessageSender restarted = new TwilioMessageSender(Channel.WHATSAPP, WHATSAPP_FROM, client, null,
                new TwilioContentApi(client, kept, clock));

        restarted.send(reply("Is your name Ravi?", YES_NO));

        assertThat(http.to("content.twilio.com")).hasSize(1);
        assertThat(http.to("api.twilio.com").get(1).getPostParams()).containsEntry("ContentSid", List.of(Scripted.contentSid(1)));
    }

    @Test
    void whenAnotherInstanceKeptItsContentFirstOursIsDeletedAndTheirsSent() {
        String theirs = "HX" + "f".repeat(32);
        kept.keepOnNextFind(TwilioContentApi.key(YES_NO), theirs); // kept between our lookup and our keep

        whatsapp.send(reply("Is your name Asha?", YES_NO));

        List<Request> content = http.to("content.twilio.com");
        assertThat(content).extracting(Request::getMethod).containsExactly(HttpMethod.POST, HttpMethod.DELETE);
        assertThat(content.get(1).constructURL().toString()).isEqualTo("https://content.twilio.com/v1/Content/" + Scripted.contentSid(1));
        assertThat(http.to("api.twilio.com").get(0).getPostParams()).containsEntry("ContentSid", List.of(theirs));
    }

    @Test
    void aContentApiOutageSendsPlainTextAndTriesAgainOnlyAfterAWhile() {
        http.contentAnswer = r -> new Response("{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}", 500);

        whatsapp.send(reply("Is your name Asha?", YES_NO));
        whatsapp.send(reply("Is your name Ravi?", YES_NO));

        assertThat(http.to("content.twilio.com")).as("not asked again at once").hasSize(1);
        assertThat(http.to("api.twilio.com")).extracting(m -> m.getPostParams().get("Body"))
                .containsExactly(List.of("Is your name Asha?"), List.of("Is your name Ravi?"));
        assertThat(http.to("api.twilio.com")).allSatisfy(m -> assertThat(m.getPostParams()).doesNotContainKey("ContentSid"));

        http.contentAnswer = null;
        clock.advance(TwilioContentApi.RETRY_AFTER);
        whatsapp.send(reply("Is your name Meena?", YES_NO));
        assertThat(http.to("content.twilio.com")).hasSize(2);
        assertThat(http.to("api.twilio.com").get(2).getPostParams()).containsEntry("ContentSid", List.of(Scripted.contentSid(1)));
    }

    @Test
    void aSetTheContentApiRefusesGoesAsPlainTextAndIsNotAskedForAgain() {
        http.contentAnswer = r -> new Response("{\"code\": 20001, \"message\": \"Invalid types\", \"status\": 400}", 400);

        whatsapp.send(reply("Is your name Asha?", YES_NO));
        clock.advance(TwilioContentApi.RETRY_AFTER.multipliedBy(10));
        whatsapp.send(reply("Is your name Ravi?", YES_NO));

        assertThat(http.to("content.twilio.com")).hasSize(1);
        assertThat(http.to("api.twilio.com")).allSatisfy(m -> assertThat(m.getPostParams()).containsKey("Body").doesNotContainKey("ContentSid"));
    }

    @Test
    void aMessageTwilioRefusesWithTheContentGoesAsPlainTextAtOnce() {
        http.messageAnswer = r -> r.getPostParams().containsKey("ContentSid")
                ? new Response("{\"code\": 21656, \"message\": \"The ContentVariables Parameter is invalid\", \"status\": 400}", 400)
                : Scripted.accepted(r);

        SendResult result = whatsapp.send(reply("Is your name Asha?", YES_NO));
        whatsapp.send(reply("Is your name Ravi?", YES_NO));

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        assertThat(http.to("api.twilio.com")).extracting(m -> m.getPostParams().containsKey("ContentSid"))
                .as("with the content, refused; plain; then plain only").containsExactly(true, false, false);
    }

    @Test
    void aRefusalAboutThatOneMessageLeavesTheSetInUse() {
        http.messageAnswer = r -> r.getPostParams().containsKey("ContentSid") && r.getPostParams().get("ContentVariables").get(0).contains("Asha")
                ? new Response("{\"code\": 21408, \"message\": \"Permission to send an SMS has not been enabled for the region\", \"status\": 400}", 400)
                : Scripted.accepted(r);

        whatsapp.send(reply("Is your name Asha?", YES_NO));
        whatsapp.send(reply("Is your name Ravi?", YES_NO));

        assertThat(http.to("api.twilio.com")).extracting(m -> m.getPostParams().containsKey("ContentSid"))
                .as("refused with the content, plain, then the content again").containsExactly(true, false, true);
    }

    @Test
    void anOptOutIsNotRetriedAsPlainText() {
        http.messageAnswer = r -> new Response("{\"code\": 21610, \"message\": \"Attempt to send to unsubscribed recipient\", \"status\": 400}", 400);

        SendResult result = whatsapp.send(reply("Is your name Asha?", YES_NO));

        assertThat(result).isInstanceOfSatisfying(SendResult.Rejected.class, r -> assertThat(r.optedOut()).isTrue());
        assertThat(http.to("api.twilio.com")).hasSize(1);
    }

    @Test
    void aBodyLongerThanAContentMayHoldGoesAsPlainText() {
        String longBody = "x".repeat(Choices.MAX_BODY + 1);
        whatsapp.send(reply(longBody, YES_NO));
        whatsapp.send(reply("x".repeat(Choices.MAX_BODY), YES_NO));

        assertThat(http.to("api.twilio.com").get(0).getPostParams()).containsEntry("Body", List.of(longBody)).doesNotContainKey("ContentSid");
        assertThat(http.to("api.twilio.com").get(1).getPostParams()).containsKey("ContentSid");
    }

    @Test
    void smsNeverShowsChoices() {
        TwilioMessageSender sms = new TwilioMessageSender(Channel.SMS, "+15005550006", client, null, contents);
        OutboundMessage reply = new OutboundMessage(7, new ConversationKey(Channel.SMS, "+919812345678"), null,
                "Is your name Asha? Reply 1 for yes, 2 for no.", 1, Instant.now(), null, null, YES_NO);

        sms.send(reply);

        assertThat(http.to("content.twilio.com")).isEmpty();
        assertThat(http.to("api.twilio.com").get(0).getPostParams()).containsEntry("Body", List.of("Is your name Asha? Reply 1 for yes, 2 for no."))
                .doesNotContainKeys("ContentSid", "ContentVariables");
    }

    @Test
    void aTemplateNeverCarriesChoices() {
        assertThatThrownBy(() -> new OutboundMessage(1, new ConversationKey(Channel.WHATSAPP, "+919812345678"), null, "Hi", 0,
                Instant.now(), "HX" + "0".repeat(32), Map.of(), YES_NO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyNamesWhatTheContentShows() {
        assertThat(TwilioContentApi.key(YES_NO)).isEqualTo(TwilioContentApi.key(
                Choices.buttons(List.of(new Choice("confirm:yes", "Yes"), new Choice("confirm:no", "No, change")))));
        assertThat(TwilioContentApi.key(YES_NO)).startsWith("twilio/quick-reply:")
                .isNotEqualTo(TwilioContentApi.key(Choices.buttons(List.of(new Choice("confirm:yes", "हाँ"), new Choice("confirm:no", "No, change")))))
                .isNotEqualTo(TwilioContentApi.key(Choices.buttons(List.of(new Choice("confirm:no", "No, change"), new Choice("confirm:yes", "Yes")))));
        assertThat(TwilioContentApi.key(PRODUCTS)).startsWith("twilio/list-picker:");
    }

    private static OutboundMessage reply(String body, Choices choices) {
        return new OutboundMessage(7, new ConversationKey(Channel.WHATSAPP, "+919812345678"), null, body, 1, Instant.now(),
                null, null, choices);
    }

    /** Answers as Twilio does: the Content API with a Content resource, Messages with a Message resource. */
    private static final class Scripted extends HttpClient {

        private final List<Request> requests = new ArrayList<>();
        private int contents;
        /** Null: the content is created. */
        Function<Request, Response> contentAnswer;
        Function<Request, Response> messageAnswer = Scripted::accepted;

        static String contentSid(int n) {
            return String.format("HX%032d", n);
        }

        static Response accepted(Request request) {
            return new Response("{\"sid\": \"SM%032d\", \"status\": \"queued\"}".formatted(request.hashCode() & 0xffff), 201);
        }

        /** As the app's client: one attempt per request, the outbox retries (twilio-java would retry a 5xx itself). */
        @Override
        public Response reliableRequest(Request request) {
            return makeRequest(request);
        }

        @Override
        public synchronized Response makeRequest(Request request) {
            requests.add(request);
            if (!request.constructURL().getHost().equals("content.twilio.com")) {
                return messageAnswer.apply(request);
            }
            if (request.getMethod() == HttpMethod.DELETE) {
                return new Response("", 204);
            }
            if (contentAnswer != null) {
                return contentAnswer.apply(request);
            }
            contents++;
            return new Response("""
                    {"sid": "%s", "account_sid": "%s", "friendly_name": "x", "language": "en",
                     "variables": {"1": "Please choose"}, "types": {}, "url": "https://content.twilio.com/v1/Content/%s",
                     "date_created": "2026-11-26T10:15:30Z", "date_updated": "2026-11-26T10:15:30Z", "links": {}}"""
                    .formatted(contentSid(contents), ACCOUNT_SID, contentSid(contents)), 201);
        }

        synchronized List<Request> to(String host) {
            return requests.stream().filter(r -> r.constructURL().getHost().equals(host)).toList();
        }
    }

    private static final class MemoryContents implements ChoiceContents {

        private final Map<String, String> rows = new ConcurrentHashMap<>();
        private final Map<String, String> slipIn = new ConcurrentHashMap<>();

        /** Another instance keeps this sid right after our next lookup of the key. */
        void keepOnNextFind(String key, String sid) {
            slipIn.put(key, sid);
        }

        @Override
        public Optional<String> find(String key) {
            Optional<String> found = Optional.ofNullable(rows.get(key));
            String other = slipIn.remove(key);
            if (other != null) {
                rows.putIfAbsent(key, other);
            }
            return found;
        }

        @Override
        public String keep(String key, String contentId) {
            return rows.merge(key, contentId, (first, second) -> first);
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-26T10:00:00Z");

        void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
