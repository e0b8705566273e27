package com.shisha.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup run has no Twilio: a portal code cannot reach WhatsApp, so none is queued (an outbox row would
 * only fail for want of a sender), and development mode answers it on the page instead.
 */
class PortalWithoutWhatsAppTest {

    @Test
    void registeringQueuesNothingAndDevelopmentModeAnswersTheCode() throws Exception {
        String[] properties = Arrays.stream(AbstractPipelineTest.instanceProperties())
                .filter(p -> !p.startsWith("TWILIO_")).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ShishaApplication.class).properties(properties).run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String phone = "+9199" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            String email = "offline" + phone.substring(3) + "@example.test";
            HttpClient http = HttpClient.newHttpClient();

            JsonNode config = JsonMapper.builder().build().readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/portal/config")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(config.get("whatsappUrl").isNull()).isTrue();

            String body = "{\"name\": \"Offline Partner\", \"email\": \"" + email + "\", \"password\": \"offline password 1\", \"phone\": \"" + phone + "\"}";
            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/portal/register"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            String code = JsonMapper.builder().build().readTree(registered.body()).get("devCode").asString();
            assertThat(code).matches("[0-9]{6}");

            int queued = context.getBean(JdbcClient.class).sql("select count(*) from outbound_messages where conversation_key = :k")
                    .param("k", "whatsapp:" + phone).query(Integer.class).single();
            assertThat(queued).isZero();

            HttpResponse<String> verified = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/portal/verify-phone"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\", \"code\": \"" + code + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        }
    }
}
