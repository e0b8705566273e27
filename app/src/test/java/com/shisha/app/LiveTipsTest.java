package com.shisha.app;

import com.shisha.channels.twilio.TwilioSignature;
import com.shisha.core.voice.SpeechStreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Live tips on a call bridged through SHISHA: a recorded call (espeak-ng speech, both sides) replayed as Twilio's
 * Media Streams messages through the real WebSocket endpoint, the customer's objection, question and buying signal
 * pushed to the partner's live stream as tips, then the transcript, tips and summary kept with the call and found by
 * search. The speech port is the one stand-in ({@link ScriptedSpeechStreams}, in every API test's context: see
 * {@link AbstractApiTest}): there is no speech model here.
 */
class LiveTipsTest extends AbstractApiTest {

    @TestConfiguration
    static class Speech {
        @Bean
        @Primary
        SpeechStreams scriptedSpeech() {
            return new ScriptedSpeechStreams();
        }
    }

    static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** A partner on a call to one of their leads through SHISHA, bridged: the lead call's id and the partner's leg. */
    record Bridged(String token, long callId, String leg) {
    }

    Bridged bridgedCall() {
        String token = onboardedPartner("Indore", "LOANS");
        long leadId = get("/api/v1/leads?size=1", token).json().get("items").get(0).get("id").asLong();
        Response asked = call("POST", "/api/v1/leads/" + leadId + "/call", token, Map.of("record", false));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        long callId = asked.json().get("id").asLong();
        String phone = jdbc.sql("select p.phone from partners p join lead_calls c on c.partner_id = p.id where c.id = :id")
                .param("id", callId).query(String.class).single();
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        while (TwilioStandIn.callsPlacedTo(phone).isEmpty() && System.nanoTime() < deadline) {
            TwilioStandIn.sleep(50);
        }
        String leg = TwilioStandIn.callsPlacedTo(phone).get(0).sid();
        Map<String, String> form = PhoneLineTest.callForm(leg, phone, "in-progress");
        form.put("Direction", "outbound-api");
        HttpResponse<String> bridge = postSigned("/webhooks/twilio/voice/bridge?c=" + callId, form);
        assertThat(bridge.body()).contains("<Start><Stream track=\"both_tracks\" url=\"wss://bot.example.test/webhooks/twilio/media\">"
                + "<Parameter name=\"c\" value=\"" + callId + "\"/></Stream></Start><Dial");
        return new Bridged(token, callId, leg);
    }

    /** The partner's live stream, as an app reads it: each event's name and JSON. */
    BlockingQueue<String[]> listen(String token) {
        BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/calls/live"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            String[] name = {null};
            response.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring(6).strip();
                } else if (line.startsWith("data:") && name[0] != null) {
                    events.add(new String[]{name[0], line.substring(5).strip()});
                }
            });
        });
        return events;
    }

    static WebSocket.Builder signed() {
        String signature = new TwilioSignature(AUTH_TOKEN).sign("wss://bot.example.test/webhooks/twilio/media", Map.of());
        return CLIENT.newWebSocketBuilder().header("X-Twilio-Signature", signature);
    }

    /** Plays Twilio's part on the media stream WebSocket of the service at this port. */
    record Replayer(int port) {
        /** Sends every message in order, as fast as the socket takes them, and waits for the server to close the stream. */
        void replay(List<String> messages) throws Exception {
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            WebSocket socket = signed().buildAsync(URI.create("ws://127.0.0.1:" + port + "/webhooks/twilio/media"), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    closed.complete(statusCode);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            for (String message : messages) {
                socket.sendText(message, true).get(10, TimeUnit.SECONDS);
            }
            assertThat(closed.get(20, TimeUnit.SECONDS)).as("closed by the server once the stream stopped").isEqualTo(WebSocket.NORMAL_CLOSURE);
        }
    }

    void replay(List<String> messages) throws Exception {
        new Replayer(port).replay(messages);
    }

    static String[] next(BlockingQueue<String[]> events) throws InterruptedException {
        String[] event = events.poll(15, TimeUnit.SECONDS);
        assertThat(event).as("an event on the live stream").isNotNull();
        return event;
    }

    @Test
    void theCustomersObjectionQuestionAndBuyingSignalReachThePartnerAsTipsAndTheCallIsKept() throws Exception {
        Bridged call = bridgedCall();
        BlockingQueue<String[]> events = listen(call.token());
        TwilioStandIn.sleep(300); // the stream is open before the call's audio comes
        replay(MediaStreamReplay.messages(call.leg(), "MZ" + "a".repeat(32), call.callId(),
                MediaStreamReplay.resource("/audio/call-partner.ul"), MediaStreamReplay.resource("/audio/call-customer.ul")));

        List<String> kinds = new ArrayList<>();
        List<JsonNode> tips = new ArrayList<>();
        String[] event;
        while (!(event = next(events))[0].equals("ended")) {
            assertThat(event[0]).isEqualTo("tip");
            JsonNode tip = JSON.readTree(event[1]);
            assertThat(tip.get("callId").asLong()).isEqualTo(call.callId());
            kinds.add(tip.get("tip").get("kind").asString());
            tips.add(tip.get("tip"));
        }
        assertThat(kinds).containsExactly("OBJECTION", "QUESTION", "SIGNAL");
        assertThat(tips.get(0).get("heard").asString()).isEqualTo("the interest rate is too high i will not take it");
        assertThat(tips).allSatisfy(t -> assertThat(t.get("text").asString()).isNotBlank().hasSizeLessThanOrEqualTo(221));
        JsonNode ended = JSON.readTree(event[1]);
        assertThat(ended.get("summary").asString()).startsWith("Call of 0 min 3").contains("the customer raised one objection,"
                + " asked one question and gave one buying signal; 3 tips shown.");

        JsonNode detail = get("/api/v1/calls/" + call.callId(), call.token()).json();
        assertThat(detail.get("transcript")).hasSize(8);
        assertThat(detail.get("transcript").get(0).get("speaker").asString()).isEqualTo("PARTNER");
        assertThat(detail.get("transcript").get(1).get("words").asString()).isEqualTo("hello yes tell me");
        assertThat(detail.get("transcript").get(1).get("speaker").asString()).isEqualTo("CUSTOMER");
        assertThat(detail.get("tips")).hasSize(3);
        assertThat(detail.get("summary").asString()).isEqualTo(ended.get("summary").asString());

        long tipId = tips.get(1).get("id").asLong();
        Response thumbs = call("POST", "/api/v1/calls/" + call.callId() + "/tips/" + tipId + "/feedback", call.token(), Map.of("useful", true));
        assertThat(thumbs.status()).as(thumbs.body()).isEqualTo(204);
        assertThat(get("/api/v1/calls/" + call.callId(), call.token()).json().get("tips").get(1).get("useful").asBoolean()).isTrue();
        String stranger = onboardedPartner("Indore", "LOANS");
        call("POST", "/api/v1/calls/" + call.callId() + "/tips/" + tipId + "/feedback", stranger, Map.of("useful", false)).error(404, "not_found");
        get("/api/v1/calls/" + call.callId(), stranger).error(404, "not_found");

        assertThat(get("/api/v1/calls?q=processing+fee", call.token()).json().get("items")).hasSize(1);
        assertThat(get("/api/v1/calls?q=processing+dinosaur", call.token()).json().get("items")).isEmpty();
        assertThat(get("/api/v1/calls", stranger).json().get("items")).isEmpty();
    }

    @Test
    void onlyTwilioOpensAMediaStreamAndOnlyForItsOwnCall() throws Exception {
        assertThatThrownBy(() -> CLIENT.newWebSocketBuilder().header("X-Twilio-Signature", "forged")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/webhooks/twilio/media"), new WebSocket.Listener() {
                }).join())
                .isInstanceOf(CompletionException.class).hasRootCauseMessage("Unexpected HTTP response status code 403");
        Bridged call = bridgedCall();
        // a start naming the lead call with another call's sid: closed, nothing kept
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = signed().buildAsync(URI.create("ws://127.0.0.1:" + port + "/webhooks/twilio/media"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        List<String> messages = MediaStreamReplay.messages("CA" + "f".repeat(32), "MZ" + "b".repeat(32), call.callId(),
                MediaStreamReplay.resource("/audio/call-partner.ul"), MediaStreamReplay.resource("/audio/call-customer.ul"));
        socket.sendText(messages.get(0), true).get(5, TimeUnit.SECONDS);
        socket.sendText(messages.get(1), true).get(5, TimeUnit.SECONDS);
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(get("/api/v1/calls/" + call.callId(), call.token()).json().get("transcript")).isEmpty();
    }
}
