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
    private static ConfigurableApplicationContext startInstance() {
        return new SpringApplicationBuilder(ShishaApplication.class)
                .properties(ConfigurationValidationTest.properties("SHISHA_INTAKE_JOURNAL=off")).run();
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
}
