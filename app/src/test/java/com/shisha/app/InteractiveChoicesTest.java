package com.shisha.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shisha.channels.twilio.TwilioContentApi;
import com.shisha.channels.twilio.TwilioMessageSender;
import com.shisha.core.InboundMessage;
import com.shisha.core.dialog.Choices;
import com.shisha.core.dialog.Choices.Choice;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.DialogEngine;
import com.shisha.core.dialog.OptOutChange;
import com.shisha.core.dialog.TurnResult;
import com.shisha.core.pipeline.ChoiceContents;
import com.twilio.http.TwilioRestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tap instead of type, through the whole service: a turn that offers choices reaches WhatsApp as a Content API
 * content (created once per choice set, at the stand-in speaking the Content API's JSON) sent by ContentSid, SMS as
 * plain text, the web chat as an event with the choices; a tap comes back (ButtonPayload, ListId, the web chat's
 * choice) as the inbound message's choice id. The dialogs are a stand-in here too: the real engine, except for a few
 * test phrases that answer with choices and an echo of any tap.
 */
class InteractiveChoicesTest extends AbstractPipelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** "buttons <nonce> <name>": a yes/no question; "list <nonce>": a product list; a tap: "You chose <id>: <text>". */
    @TestConfiguration
    static class TapDialogs {

        @Bean
        @Primary
        DialogEngine tapDialogs(@Qualifier("dialogEngine") DialogEngine real) {
            return new DialogEngine() {
                @Override
                public TurnResult handle(ConversationState state, InboundMessage message) {
                    String[] words = message.text().split(" ");
                    if (message.choiceId() != null) {
                        return reply(state, "You chose " + message.choiceId() + ": " + message.text(), null);
                    }
                    if (words.length >= 2 && words[0].equals("buttons")) {
                        String name = words.length > 2 ? words[2] : "Asha";
                        return reply(state, "Is your name " + name + "?\n1. Yes\n2. No", yesNo(words[1]));
                    }
                    if (words.length == 2 && words[0].equals("list")) {
                        return reply(state, "Which products do you sell?\n1. Personal loan\n2. Credit card\n3. Insurance", products(words[1]));
                    }
                    if (words.length == 2 && words[0].equals("long")) {
                        return reply(state, "x".repeat(Choices.MAX_BODY + 1), yesNo(words[1]));
                    }
                    return real.handle(state, message);
                }

                @Override
                public TurnResult apologise(ConversationState state) {
                    return real.apologise(state);
                }
            };
        }

        private static TurnResult reply(ConversationState state, String text, Choices choices) {
            // a step of its own: a conversation without one reads as never seen (version 0), and its next turn could not commit
            return new TurnResult("TAP_TEST", state.slots(), state.language(), List.of(text),
                    OptOutChange.NONE, null, null, choices);
        }
    }

    /** A choice set of its own per test (the content of a set is made once for every test sharing the database). */
    static Choices yesNo(String nonce) {
        return Choices.buttons(List.of(new Choice("yes-" + nonce, "Yes"), new Choice("no-" + nonce, "No")));
    }

    static Choices products(String nonce) {
        return Choices.list("Products", List.of(new Choice("loan-" + nonce, "Personal loan", "Up to 5 lakh"),
                new Choice("card-" + nonce, "Credit card"), new Choice("insurance-" + nonce, "Insurance")));
    }

    @Autowired
    ChoiceContents choiceContents;

    @Autowired
    ChannelsConfig.TwilioSetup twilio;

    @Test
    void whatsappButtonsAreCreatedOnceAndEveryReplyGoesByTheirContentSid() throws Exception {
        String nonce = nonce();
        String asha = freshPhone();
        String ravi = freshPhone();

        sayAndAwaitReply(asha, "buttons " + nonce + " Asha");
        sayAndAwaitReply(ravi, "buttons " + nonce + " Ravi");

        List<JsonNode> created = TwilioStandIn.contentsCreatedWith("yes-" + nonce);
        assertThat(created).as("one content for the set, for both partners").hasSize(1);
        JsonNode request = created.get(0);
        assertThat(request.get("language").asText()).isEqualTo("en");
        assertThat(request.get("friendly_name").asText()).startsWith("shisha_twilio_quick_reply_");
        assertThat(request.get("variables").get("1").asText()).isNotBlank();
        assertThat(request.get("types").get("twilio/quick-reply").get("body").asText()).isEqualTo("{{1}}");
        assertThat(request.get("types").get("twilio/quick-reply").get("actions").toString())
                .isEqualTo("[{\"title\":\"Yes\",\"id\":\"yes-" + nonce + "\"},{\"title\":\"No\",\"id\":\"no-" + nonce + "\"}]");

        String sid = keptSid(yesNo(nonce)).orElseThrow();
        assertThat(sid).matches("HX[0-9a-f]{32}");
        assertThat(TwilioStandIn.formsPostedTo("whatsapp:" + asha)).singleElement().satisfies(form -> assertThat(form)
                .containsEntry("ContentSid", sid)
                .containsEntry("ContentVariables", "{\"1\":\"Is your name Asha?\\n1. Yes\\n2. No\"}")
                .containsEntry("From", WHATSAPP_FROM)
                .doesNotContainKey("Body"));
        assertThat(TwilioStandIn.formsPostedTo("whatsapp:" + ravi)).singleElement().satisfies(form -> assertThat(form)
                .containsEntry("ContentSid", sid)
                .containsEntry("ContentVariables", "{\"1\":\"Is your name Ravi?\\n1. Yes\\n2. No\"}"));
        // the outbox row keeps what it offered
        assertThat(jdbc.sql("select choices->>'kind' from outbound_messages where conversation_key = :k")
                .param("k", "whatsapp:" + asha).query(String.class).single()).isEqualTo("BUTTONS");
    }

    @Test
    void aListPickerHasItsButtonAndItems() throws Exception {
        String nonce = nonce();
        String phone = freshPhone();

        sayAndAwaitReply(phone, "list " + nonce);

        JsonNode list = TwilioStandIn.contentsCreatedWith("loan-" + nonce).get(0).get("types").get("twilio/list-picker");
        assertThat(list.get("body").asText()).isEqualTo("{{1}}");
        assertThat(list.get("button").asText()).isEqualTo("Products");
        assertThat(list.get("items").toString()).isEqualTo("[{\"id\":\"loan-" + nonce + "\",\"item\":\"Personal loan\","
                + "\"description\":\"Up to 5 lakh\"},{\"id\":\"card-" + nonce + "\",\"item\":\"Credit card\"},"
                + "{\"id\":\"insurance-" + nonce + "\",\"item\":\"Insurance\"}]");
        assertThat(TwilioStandIn.formsPostedTo("whatsapp:" + phone).get(0))
                .containsEntry("ContentSid", keptSid(products(nonce)).orElseThrow()).doesNotContainKey("Body");
    }

    @Test
    void anotherInstanceOrARestartSendsTheKeptSidWithoutCreatingAgain() {
        String nonce = nonce();
        sayAndAwaitReply(freshPhone(), "buttons " + nonce);
        String sid = keptSid(yesNo(nonce)).orElseThrow();

        // what another instance (or this one after a restart) has: the shared database, no memory of the set
        TwilioContentApi elsewhere = new TwilioContentApi(client(), choiceContents, Clock.systemUTC());

        assertThat(elsewhere.contentFor(yesNo(nonce))).contains(sid);
        assertThat(TwilioStandIn.contentsCreatedWith("yes-" + nonce)).hasSize(1);
    }

    @Test
    void instancesRacingForANewSetAllSendTheOneSidKept() throws Exception {
        String nonce = nonce();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Optional<String>>> instances = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TwilioContentApi instance = new TwilioContentApi(client(), choiceContents, Clock.systemUTC());
                instances.add(() -> instance.contentFor(products(nonce)));
            }
            List<String> used = new ArrayList<>();
            for (Future<Optional<String>> f : pool.invokeAll(instances)) {
                used.add(f.get().orElseThrow());
            }
            String kept = keptSid(products(nonce)).orElseThrow();
            assertThat(used).containsOnly(kept);
            // every content made but the one kept was deleted again (how many were made depends on the race)
            List<String> created = TwilioStandIn.contentSidsCreatedWith("loan-" + nonce);
            assertThat(created).contains(kept);
            assertThat(TwilioStandIn.contentsDeleted()).doesNotContain(kept)
                    .containsAll(created.stream().filter(sid -> !sid.equals(kept)).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aContentApiThatFailsOrRefusesLeavesThePlainTextReply() {
        String down = nonce();
        String refused = nonce();
        TwilioStandIn.server().stubFor(post(urlEqualTo(TwilioStandIn.CONTENT_PATH)).withRequestBody(containing("yes-" + down))
                .atPriority(1).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20503, \"message\": \"Service unavailable\", \"more_info\": \"https://www.twilio.com/docs/errors/20503\", \"status\": 503}")));
        TwilioStandIn.server().stubFor(post(urlEqualTo(TwilioStandIn.CONTENT_PATH)).withRequestBody(containing("yes-" + refused))
                .atPriority(1).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20001, \"message\": \"Invalid types\", \"more_info\": \"https://www.twilio.com/docs/errors/20001\", \"status\": 400}")));
        String first = freshPhone();
        String second = freshPhone();

        TwilioStandIn.Sent outage = sayAndAwaitReply(first, "buttons " + down);
        TwilioStandIn.Sent refusal = sayAndAwaitReply(second, "buttons " + refused);

        assertThat(outage.body()).isEqualTo("Is your name Asha?\n1. Yes\n2. No");
        assertThat(refusal.body()).isEqualTo("Is your name Asha?\n1. Yes\n2. No");
        assertThat(TwilioStandIn.formsPostedTo("whatsapp:" + first).get(0)).doesNotContainKeys("ContentSid", "ContentVariables");
        assertThat(keptSid(yesNo(down))).isEmpty();
        assertThat(keptSid(yesNo(refused))).isEmpty();
    }

    @Test
    void aReplyTooLongForAContentGoesAsPlainText() {
        String nonce = nonce();
        String phone = freshPhone();

        TwilioStandIn.Sent sent = sayAndAwaitReply(phone, "long " + nonce);

        assertThat(sent.body()).hasSize(Choices.MAX_BODY + 1);
        assertThat(TwilioStandIn.contentsCreatedWith("yes-" + nonce)).isEmpty();
    }

    @Test
    void aTappedButtonOrListItemReachesTheDialogAsItsChoiceId() {
        String phone = freshPhone();
        String to = "whatsapp:" + phone;

        Map<String, String> button = whatsappForm(phone, "Yes", newMessageSid());
        button.put("ButtonText", "Yes");
        button.put("ButtonPayload", "yes-abc");
        button.put("MessageType", "button");
        int before = TwilioStandIn.sentTo(to).size();
        assertThat(postSigned("/webhooks/twilio/messaging", button).statusCode()).isEqualTo(200);
        assertThat(TwilioStandIn.awaitSent(to, before + 1, REPLY_TIMEOUT).get(before).body()).isEqualTo("You chose yes-abc: Yes");

        Map<String, String> item = whatsappForm(phone, "", newMessageSid());
        item.put("ListId", "card-abc");
        item.put("ListTitle", "Credit card");
        item.put("MessageType", "interactive");
        assertThat(postSigned("/webhooks/twilio/messaging", item).statusCode()).isEqualTo(200);
        assertThat(TwilioStandIn.awaitSent(to, before + 2, REPLY_TIMEOUT).get(before + 1).body()).isEqualTo("You chose card-abc: Credit card");

        assertThat(jdbc.sql("select choice_id || '/' || body from inbound_messages where conversation_key = :k order by seq")
                .param("k", to).query(String.class).list()).containsExactly("yes-abc/Yes", "card-abc/Credit card");
    }

    @Test
    void smsGetsTheNumberedTextOnly() {
        String nonce = nonce();
        String phone = freshPhone();

        assertThat(postSigned("/webhooks/twilio/messaging", smsForm(phone, "buttons " + nonce, newMessageSid())).statusCode()).isEqualTo(200);

        assertThat(TwilioStandIn.awaitSent(phone, 1, REPLY_TIMEOUT)).singleElement()
                .satisfies(sent -> assertThat(sent.body()).isEqualTo("Is your name Asha?\n1. Yes\n2. No"));
        assertThat(TwilioStandIn.formsPostedTo(phone).get(0)).doesNotContainKeys("ContentSid", "ContentVariables");
        assertThat(TwilioStandIn.contentsCreatedWith("yes-" + nonce)).isEmpty();
    }

    @Test
    void theWebChatCarriesChoicesOutAndTapsIn() throws Exception {
        String nonce = nonce();
        String phone = freshPhone();
        BlockingQueue<String> events = stream(phone);

        assertThat(postWebChat("{\"phone\":\"" + phone + "\",\"text\":\"list " + nonce + "\"}").statusCode()).isEqualTo(202);
        JsonNode reply = JSON.readTree(events.poll(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        assertThat(reply.get("text").asText()).startsWith("Which products do you sell?");
        JsonNode choices = reply.get("choices");
        assertThat(choices.get("kind").asText()).isEqualTo("list");
        assertThat(choices.get("button").asText()).isEqualTo("Products");
        assertThat(choices.get("items").toString()).isEqualTo("[{\"id\":\"loan-" + nonce + "\",\"title\":\"Personal loan\","
                + "\"description\":\"Up to 5 lakh\"},{\"id\":\"card-" + nonce + "\",\"title\":\"Credit card\"},"
                + "{\"id\":\"insurance-" + nonce + "\",\"title\":\"Insurance\"}]");

        // a tap: the id, with its title as the text the chat shows
        assertThat(postWebChat("{\"phone\":\"" + phone + "\",\"text\":\"Credit card\",\"choice\":\"card-" + nonce + "\"}").statusCode())
                .isEqualTo(202);
        JsonNode echoed = JSON.readTree(events.poll(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        assertThat(echoed.get("text").asText()).isEqualTo("You chose card-" + nonce + ": Credit card");
        assertThat(echoed.has("choices")).as("a reply without choices has no choices field").isFalse();

        // the id alone is enough (the text is then the id)
        assertThat(postWebChat("{\"phone\":\"" + phone + "\",\"choice\":\"loan-" + nonce + "\"}").statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(events.poll(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).get("text").asText())
                .isEqualTo("You chose loan-" + nonce + ": loan-" + nonce);

        HttpResponse<String> bad = postWebChat("{\"phone\":\"" + phone + "\",\"choice\":\"" + "x".repeat(Choices.MAX_ID + 1) + "\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("choice must be");
        assertThat(postWebChat("{\"phone\":\"" + phone + "\",\"choice\":\"a\\nb\"}").statusCode()).isEqualTo(400);
    }

    private Optional<String> keptSid(Choices choices) {
        return choiceContents.find(TwilioContentApi.key(choices));
    }

    private TwilioRestClient client() {
        return TwilioMessageSender.client(twilio.settings().orElseThrow(), 4, Duration.ofSeconds(10));
    }

    private static String nonce() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private BlockingQueue<String> stream(String phone) throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> stream = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/webchat/stream?phone=" + phone.replace("+", "%2B"))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        events.add(line.substring(5));
                    }
                }
            } catch (Exception ignored) {
                // the stream closes when the test ends
            }
        });
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    private HttpResponse<String> postWebChat(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/webchat/messages"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
