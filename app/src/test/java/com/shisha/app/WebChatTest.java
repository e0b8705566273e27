package com.shisha.app;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's channel: messages in over JSON, replies out over Server-Sent Events, same pipeline as WhatsApp. */
class WebChatTest extends AbstractPipelineTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void repliesArriveOverServerSentEvents() throws Exception {
        String phone = freshPhone();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/webchat/stream?phone=" + phone.replace("+", "%2B"))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
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

        List<String> replies = new ArrayList<>();
        for (String text : List.of("hi", "Asha", "2")) {
            HttpResponse<String> accepted = postJson("{\"phone\":\"" + phone + "\",\"text\":\"" + text + "\"}");
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(accepted.body()).contains("\"status\":\"accepted\"");
            String event = events.poll(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(event).as("reply to '%s'", text).isNotNull();
            replies.add(event);
        }
        assertThat(replies.get(0)).contains("What is your name?");
        assertThat(replies.get(1)).contains("Which language");
        assertThat(replies.get(2)).contains("किस शहर");
        assertThat(outboxRows("web:" + phone)).isEqualTo(3);
    }

    @Test
    void portalServesTheLandingPageAndTheSimulator() throws Exception {
        HttpResponse<String> landing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("Become a GroMo Partner").contains("href=\"/simulator\"");
        HttpResponse<String> simulator = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulator")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(simulator.statusCode()).isEqualTo(200);
        assertThat(simulator.body()).contains("id=\"log\"").contains("id=\"message\"").contains("simulator.js");
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulator.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.body()).contains("api/v1/webchat/stream").contains("api/v1/webchat/messages");
    }

    @Test
    void demoPartnersAreSeededAndOpenAtTheMainMenu() {
        assertThat(jdbc.sql("select count(*) from partners where phone like '+9198000000%'").query(Integer.class).single())
                .isEqualTo(5);
        assertThat(jdbc.sql("select step from conversations where conversation_key = 'web:+919800000001'")
                .query(String.class).single()).isEqualTo("MAIN_MENU");
    }

    @Test
    void badInputGetsA400WithAJsonError() throws Exception {
        assertThat(postJson("{\"phone\":\"12345\",\"text\":\"hi\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("{\"phone\":\"+919812345678\",\"text\":\"   \"}").body()).contains("text must not be empty");
        assertThat(postJson("{\"phone\":\"+919812345678\",\"text\":\"" + "x".repeat(5000) + "\"}").body()).contains("longer than 4096");
        HttpResponse<String> broken = postJson("{not json");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("\"error\":\"bad_request\"");
        HttpResponse<String> noPhone = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/webchat/stream"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noPhone.statusCode()).isEqualTo(400);
        assertThat(noPhone.body()).contains("E.164");
    }

    @Test
    void controlCharactersInTheTextAreStrippedNeverA5xx() throws Exception {
        String phone = freshPhone();
        HttpResponse<String> accepted = postJson("{\"phone\":\"" + phone + "\",\"text\":\"h\\u0000i\\u001b\",\"clientMessageId\":\"nul-text-1\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(jdbc.sql("select body from inbound_messages where provider_message_id = :id")
                .param("id", "web-" + phone + "-nul-text-1").query(String.class).single()).isEqualTo("hi");

        HttpResponse<String> onlyControls = postJson("{\"phone\":\"" + phone + "\",\"text\":\"\\u0000\\u0001\"}");
        assertThat(onlyControls.statusCode()).isEqualTo(400);
        assertThat(onlyControls.body()).contains("\"error\":\"bad_request\"").contains("text must not be empty");
        HttpResponse<String> nulChoice = postJson("{\"phone\":\"" + phone + "\",\"text\":\"Yes\",\"choice\":\"a\\u0000b\"}");
        assertThat(nulChoice.statusCode()).isEqualTo(400);
        HttpResponse<String> nulPhone = postJson("{\"phone\":\"" + phone + "\\u0000\",\"text\":\"hi\"}");
        assertThat(nulPhone.statusCode()).isEqualTo(400);
        assertThat(nulPhone.body()).contains("\"error\":\"bad_request\"");
    }

    private HttpResponse<String> postJson(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/webchat/messages"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
