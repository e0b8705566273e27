package com.shisha.app;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.pipeline.OptOuts;
import com.shisha.core.pipeline.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Messages nobody replied to, queued through the Outbox port and sent by the dispatcher's sweep alone: a
 * WhatsApp template reaches Twilio as ContentSid and ContentVariables, never as a Body.
 */
class ProactiveMessagesTest extends AbstractPipelineTest {

    private static final String CONTENT_SID = "HX0123456789abcdef0123456789abcdef";

    @Autowired
    Outbox outbox;

    @Autowired
    OptOuts optOuts;

    @Test
    void aWhatsappTemplateReachesTwilioAsContentSidAndVariablesWithoutBody() {
        String phone = freshPhone(); // has never written to us: the enqueue creates the conversation
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("1", "Asha");
        variables.put("2", "call Priya about her credit card");
        long id = outbox.enqueueProactive(new ConversationKey(Channel.WHATSAPP, phone), null,
                "Hi Asha! Your next step: call Priya about her credit card.", CONTENT_SID, variables);

        assertThat(TwilioStandIn.awaitSent("whatsapp:" + phone, 1, REPLY_TIMEOUT)).hasSize(1);
        assertThat(TwilioStandIn.formsPostedTo("whatsapp:" + phone)).singleElement().satisfies(form -> assertThat(form)
                .containsEntry("To", "whatsapp:" + phone)
                .containsEntry("From", WHATSAPP_FROM)
                .containsEntry("ContentSid", CONTENT_SID)
                .containsEntry("ContentVariables", "{\"1\":\"Asha\",\"2\":\"call Priya about her credit card\"}")
                .doesNotContainKey("Body"));
        Map<String, Object> row = awaitFinished(id);
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat((String) row.get("provider_message_id")).startsWith("SM");
        assertThat(row.get("body")).isEqualTo("Hi Asha! Your next step: call Priya about her credit card.");
        assertThat(row.get("inbound_id")).isNull();
    }

    @Test
    void aPlainProactiveSmsGoesOutAsBodyFromTheDefaultNumber() {
        String phone = freshPhone();
        long id = outbox.enqueueProactive(new ConversationKey(Channel.SMS, phone), null, "Quiz time! Reply QUIZ to start.");

        assertThat(TwilioStandIn.awaitSent(phone, 1, REPLY_TIMEOUT)).singleElement()
                .isEqualTo(new TwilioStandIn.Sent(phone, SMS_FROM, "Quiz time! Reply QUIZ to start.", PUBLIC_BASE + "/webhooks/twilio/status", null));
        assertThat(TwilioStandIn.formsPostedTo(phone).get(0)).doesNotContainKeys("ContentSid", "ContentVariables");
        assertThat(awaitFinished(id).get("status")).isEqualTo("SENT");
    }

    @Test
    void aPartnerWhoOptedOutGetsNoTemplate() {
        String phone = freshPhone();
        ConversationKey key = new ConversationKey(Channel.WHATSAPP, phone);
        sayAndAwaitReply(phone, "hi");
        optOuts.recordOptOut(key, "test: the partner unsubscribed");

        long id = outbox.enqueueProactive(key, null, "Hi! Come back for today's tip.", CONTENT_SID, Map.of("1", "Asha"));

        assertThat(awaitFinished(id).get("status")).isEqualTo("SUPPRESSED");
        assertThat(TwilioStandIn.formsPostedTo("whatsapp:" + phone)).hasSize(1).noneMatch(f -> f.containsKey("ContentSid"));
    }

    @Test
    void aMalformedContentSidIsRefusedBeforeAnythingIsStored() {
        String phone = freshPhone();
        ConversationKey key = new ConversationKey(Channel.WHATSAPP, phone);
        assertThatThrownBy(() -> outbox.enqueueProactive(key, null, "Hi", "HX123", Map.of("1", "Asha")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Content SID");
        assertThatThrownBy(() -> outbox.enqueueProactive(key, null, "Hi", null, Map.of("1", "Asha")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a contentSid");
        assertThat(outboxRows(key.value())).isZero();
    }

    /** Waits until the row has left PENDING/SENDING, and returns it. */
    private Map<String, Object> awaitFinished(long id) {
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> row = jdbc.sql("select status, provider_message_id, body, inbound_id from outbound_messages where id = :id")
                    .param("id", id).query().singleRow();
            if (!List.of("PENDING", "SENDING").contains((String) row.get("status"))) {
                return row;
            }
            TwilioStandIn.sleep(20);
        }
        throw new AssertionError("outbox row " + id + " still unsent after " + REPLY_TIMEOUT);
    }
}
