package com.shisha.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More than one app instance against the same PostgreSQL and Redis, and instances that stop and start:
 * state is durable, and dedupe and ordering hold across instances.
 */
class InstancesTest extends AbstractPipelineTest {

    private static final String WEBHOOK = "/webhooks/twilio/messaging";

    /**
     * The other instance stores each message in the inbox before acknowledging it (as instances with DATABASE_URL
     * do by default), while the test's own instance journals first: both ways meet in the shared inbox.
     */
    private static ConfigurableApplicationContext startInstance(String... more) {
        String[] settings = java.util.stream.Stream.concat(java.util.stream.Stream.of("SHISHA_INTAKE_JOURNAL=off"),
                java.util.Arrays.stream(more)).toArray(String[]::new);
        return new SpringApplicationBuilder(ShishaApplication.class)
                .properties(ConfigurationValidationTest.properties(settings)).run();
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void restartMidConversationKeepsTheState() {
        String phone = freshPhone();
        String to = "whatsapp:" + phone;
        try (ConfigurableApplicationContext first = startInstance()) {
            int port = portOf(first);
            for (String text : List.of("hi", "Deepa", "1")) {
                assertThat(postSignedTo(port, WEBHOOK, whatsappForm(phone, text, newMessageSid())).statusCode()).isEqualTo(200);
            }
            assertThat(TwilioStandIn.awaitSent(to, 3, REPLY_TIMEOUT).get(2).body()).contains("Which city");
        }
        try (ConfigurableApplicationContext second = startInstance()) {
            assertThat(postSignedTo(portOf(second), WEBHOOK, whatsappForm(phone, "Bhopal", newMessageSid())).statusCode()).isEqualTo(200);
            List<TwilioStandIn.Sent> sent = TwilioStandIn.awaitSent(to, 4, REPLY_TIMEOUT);
            assertThat(sent).hasSize(4);
            assertThat(sent.get(3).body()).contains("Which products");
        }
    }

    @Test
    void copiesOfOneMessageAtTwoInstancesGetOneReply() throws Exception {
        String phone = freshPhone();
        Map<String, String> form = whatsappForm(phone, "hi", newMessageSid());
        try (ConfigurableApplicationContext other = startInstance()) {
            int otherPort = portOf(other);
            List<HttpResponse<String>> acks = PipelineGuaranteesTest.concurrently(6,
                    i -> postSignedTo(i % 2 == 0 ? port : otherPort, WEBHOOK, form));
            assertThat(acks).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
            assertThat(awaitProcessed(form.get("MessageSid"), REPLY_TIMEOUT)).isTrue();
            assertThat(TwilioStandIn.awaitSent("whatsapp:" + phone, 1, REPLY_TIMEOUT)).hasSize(1);
            TwilioStandIn.sleep(500);
            assertThat(TwilioStandIn.sentTo("whatsapp:" + phone)).hasSize(1);
        }
    }

    @Test
    void conversationSpreadOverTwoInstancesStaysInOrder() throws Exception {
        String phone = freshPhone();
        String key = "whatsapp:" + phone;
        try (ConfigurableApplicationContext other = startInstance()) {
            int otherPort = portOf(other);
            List<HttpResponse<String>> acks = PipelineGuaranteesTest.concurrently(20,
                    i -> postSignedTo(i % 2 == 0 ? port : otherPort, WEBHOOK, whatsappForm(phone, "text " + i, newMessageSid())));
            assertThat(acks).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
            assertThat(TwilioStandIn.awaitSent(key, 20, REPLY_TIMEOUT)).hasSize(20);
            List<Long> seqInProcessingOrder = jdbc.sql("""
                            select i.seq from outbound_messages o join inbound_messages i on i.id = o.inbound_id
                            where o.conversation_key = :k order by o.id""")
                    .param("k", key).query(Long.class).list();
            assertThat(seqInProcessingOrder).hasSize(20).isSorted();
        }
    }

    /**
     * A guide edit saved on one instance is searched on the others: told over Redis (the other instance here does not
     * poll, so only that path can bring it), and loaded at start by an instance started afterwards.
     */
    @Test
    void aGuideEditOnOneInstanceIsSearchedOnTheOthers() throws Exception {
        String drone = ConsoleGuideTest.droneId();
        try (ConfigurableApplicationContext other = startInstance("SHISHA_GUIDE_SYNC_SECONDS=0")) {
            String cookie = Console.signIn(port);
            assertThat(Console.trialTop(portOf(other), cookie, ConsoleGuideTest.DRONE_QUESTION)).isNotEqualTo(drone);
            HttpResponse<String> saved = Console.send(port, "PUT", "/console/api/guide/sections/" + drone, cookie,
                    ConsoleGuideTest.droneSection(Console.version(port, cookie, drone)));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            try {
                long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
                String top = null;
                while (System.nanoTime() < deadline && !drone.equals(top)) {
                    TwilioStandIn.sleep(200);
                    top = Console.trialTop(portOf(other), cookie, ConsoleGuideTest.DRONE_QUESTION);
                }
                assertThat(top).as("the other instance's best section").isEqualTo(drone);
                try (ConfigurableApplicationContext third = startInstance("SHISHA_GUIDE_SYNC_SECONDS=0")) {
                    assertThat(Console.trialTop(portOf(third), cookie, ConsoleGuideTest.DRONE_QUESTION)).isEqualTo(drone);
                }
            } finally {
                HttpResponse<String> retired = Console.send(port, "POST", "/console/api/guide/sections/" + drone + "/retire",
                        cookie, Map.of("expectedVersion", Console.version(port, cookie, drone)));
                assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
            }
        }
    }

    /** The console's API on any instance: a staff session works on all of them. */
    private static final class Console {
        private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

        static HttpResponse<String> send(int port, String method, String path, String cookie, Object body) throws Exception {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Console-Request", "1").header("Content-Type", "application/json")
                    .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(AbstractApiTest.JSON.writeValueAsString(body)));
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        static String signIn(int port) throws Exception {
            HttpResponse<String> r = send(port, "POST", "/console/api/session", null,
                    Map.of("email", ConsoleConfig.DEV_ADMIN_EMAIL, "password", ConsoleConfig.DEV_ADMIN_PASSWORD));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
            return cookie.substring(0, cookie.indexOf(';'));
        }

        static String trialTop(int port, String cookie, String question) throws Exception {
            HttpResponse<String> r = send(port, "POST", "/console/api/guide/trial", cookie, Map.of("question", question));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            tools.jackson.databind.JsonNode hits = AbstractApiTest.JSON.readTree(r.body()).get("hits");
            return hits.isEmpty() ? null : hits.get(0).get("id").asString();
        }

        /** The section's latest version number; 0 when it has none. */
        static int version(int port, String cookie, String id) throws Exception {
            HttpResponse<String> r = send(port, "GET", "/console/api/guide/sections/" + id, cookie, null);
            return r.statusCode() == 404 ? 0 : AbstractApiTest.JSON.readTree(r.body()).get("version").asInt();
        }
    }
}
