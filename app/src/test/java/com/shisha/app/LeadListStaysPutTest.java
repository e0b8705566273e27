package com.shisha.app;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "3" opens the same person however often the list is shown: LEADS, BACK and an outcome show the list on screen
 * again; only "new leads" draws another. Through the webhook, the pipeline and the dialogs.
 */
class LeadListStaysPutTest extends AbstractPipelineTest {

    private static final Pattern ITEM = Pattern.compile("(?m)^([1-3])\\. \\*([^*]+)\\*");

    private String phone;
    private int replies;

    private String say(String text) {
        String sid = newMessageSid();
        assertThat(postSigned("/webhooks/twilio/messaging", whatsappForm(phone, text, sid)).statusCode()).isEqualTo(200);
        assertThat(awaitProcessed(sid, REPLY_TIMEOUT)).isTrue();
        replies++;
        List<TwilioStandIn.Sent> sent = TwilioStandIn.awaitSent("whatsapp:" + phone, replies, REPLY_TIMEOUT);
        assertThat(sent).hasSize(replies);
        return sent.get(replies - 1).body();
    }

    private static List<String> names(String reply) {
        Matcher m = ITEM.matcher(reply);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1) + ". " + m.group(2));
        }
        return names;
    }

    @Test
    void theNumbersKeepTheirLeadsUntilThePartnerAsksForNewOnes() {
        phone = freshPhone();
        for (String step : List.of("hello", "Meera Joshi", "english", "Bhopal", "1,2,3", "yes")) {
            say(step);
        }
        List<String> first = names(say("leads"));
        assertThat(first).hasSize(3);

        assertThat(names(say("leads"))).as("LEADS again").isEqualTo(first);
        String third = say("3");
        assertThat(third).contains(first.get(2).substring(3));
        assertThat(names(say("interested"))).as("after an outcome that keeps the lead open").isEqualTo(first);
        say("2");
        assertThat(names(say("back"))).as("BACK").isEqualTo(first);

        List<String> fresh = names(say("new leads"));
        assertThat(fresh).hasSize(3);
        assertThat(fresh.stream().map(n -> n.substring(3)).toList()).as("new leads are other leads")
                .doesNotContainAnyElementsOf(first.stream().map(n -> n.substring(3)).toList());
        assertThat(names(say("show my leads"))).isEqualTo(fresh);
    }
}
