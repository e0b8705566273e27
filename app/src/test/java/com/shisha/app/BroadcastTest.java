package com.shisha.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broadcasts end to end: partners onboarded on WhatsApp, a template to a segment from the console, sent by the real
 * sender through the outbox to the Twilio stand-in; opted-out partners skipped, nobody twice, nothing in quiet hours,
 * a broadcast that cannot start again.
 */
class BroadcastTest extends AbstractApiTest {

    private static final String TEMPLATE = "HX" + "0123456789abcdef".repeat(2);

    @Autowired
    BroadcastSender sender;

    /** Onboards a partner through the WhatsApp conversation itself; returns the number of replies they have had. */
    private int onboard(String phone, String name, String city) {
        List<String> turns = List.of("hello", name, "english", city, "loans", "yes");
        for (int i = 0; i < turns.size(); i++) {
            partnerSays(phone, turns.get(i), i, true);
        }
        return turns.size();
    }

    private static java.time.Instant indiaTime(int hour) {
        return LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).atTime(LocalTime.of(hour, 0))
                .atZone(java.time.ZoneId.of("Asia/Kolkata")).toInstant();
    }

    @Test
    void aTemplateGoesToTheSegmentOnceSkippingOptedOutPartnersAndNeverInQuietHours() {
        List<String> phones = new ArrayList<>();
        for (String name : List.of("Mohan Lal", "Savita Devi", "Kishan Meena")) {
            String phone = freshPhone();
            onboard(phone, name, "Sikar");
            phones.add(phone);
        }
        String optedOut = phones.get(2);
        partnerSays(optedOut, "STOP", 6, true);

        String cookie = consoleAdmin();
        Map<String, Object> segment = Map.of("city", "Sikar", "product", "LOANS");
        long matching = console("POST", "/console/api/broadcasts/count", cookie, segment).json().get("partners").asLong();
        assertThat(matching).isGreaterThanOrEqualTo(3);
        Response created = console("POST", "/console/api/broadcasts", cookie, Map.of("name", "Diwali loan offers", "templateSid", TEMPLATE,
                "body", "Namaste {{1}}! New loan offers are live in the GroMo app.", "segment", segment));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("broadcast").get("id").asLong();
        console("POST", "/console/api/broadcasts", cookie, Map.of("name", "bad", "templateSid", "HXnot-a-sid", "body", "x",
                "segment", segment)).error(400, "validation_failed");

        JsonNode started = console("POST", "/console/api/broadcasts/" + id + "/start", cookie, null).json();
        assertThat(started.get("broadcast").get("state").asString()).isEqualTo("SENDING");
        assertThat(started.get("progress").get("recipients").asLong()).isEqualTo(matching);

        assertThat(sender.runOnce(indiaTime(22))).as("nothing in quiet hours").isZero();
        int rounds = 0;
        while (console("GET", "/console/api/broadcasts/" + id, cookie, null).json().get("progress").get("pending").asLong() > 0 && rounds++ < 50) {
            sender.runOnce(indiaTime(11));
        }
        for (String phone : phones.subList(0, 2)) {
            List<TwilioStandIn.Sent> sent = TwilioStandIn.awaitSent("whatsapp:" + phone, 7, REPLY_TIMEOUT);
            assertThat(sent.get(6).contentSid()).isEqualTo(TEMPLATE);
        }
        TwilioStandIn.sleep(300);
        assertThat(TwilioStandIn.sentTo("whatsapp:" + optedOut)).as("an opted-out partner gets nothing").hasSize(7);

        JsonNode done = console("GET", "/console/api/broadcasts/" + id, cookie, null).json();
        assertThat(done.get("broadcast").get("state").asString()).isEqualTo("SENT");
        assertThat(done.get("progress").get("skippedOptedOut").asLong()).isGreaterThanOrEqualTo(1);
        // more passes, a restart or a second start send nothing again
        sender.runOnce(indiaTime(11));
        console("POST", "/console/api/broadcasts/" + id + "/start", cookie, null).error(409, "conflict");
        console("POST", "/console/api/broadcasts/" + id + "/cancel", cookie, null).error(409, "conflict");
        TwilioStandIn.sleep(300);
        for (String phone : phones.subList(0, 2)) {
            assertThat(TwilioStandIn.sentTo("whatsapp:" + phone)).as("once only").hasSize(7);
        }

        // a second broadcast the same day stays within each partner's daily limit
        long second = console("POST", "/console/api/broadcasts", cookie, Map.of("name", "Reminder", "templateSid", TEMPLATE,
                "body", "Namaste {{1}}, one more thing.", "segment", segment)).json().get("broadcast").get("id").asLong();
        console("POST", "/console/api/broadcasts/" + second + "/start", cookie, null);
        rounds = 0;
        while (console("GET", "/console/api/broadcasts/" + second, cookie, null).json().get("progress").get("pending").asLong() > 0 && rounds++ < 50) {
            sender.runOnce(indiaTime(11));
        }
        JsonNode limited = console("GET", "/console/api/broadcasts/" + second, cookie, null).json().get("progress");
        assertThat(limited.get("skippedDailyLimit").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(TwilioStandIn.sentTo("whatsapp:" + phones.get(0))).hasSize(7);
    }
}
