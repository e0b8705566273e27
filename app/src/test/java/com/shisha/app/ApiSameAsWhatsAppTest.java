package com.shisha.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner onboarded on WhatsApp (through the signed webhook) signs in to the app with the same phone number
 * and sees the same partner, progress and leads; what they report in the app shows on WhatsApp.
 */
class ApiSameAsWhatsAppTest extends AbstractApiTest {

    @Test
    void whatsappAndTheAppShareOnePartner() {
        String phone = freshPhone();
        sayAndAwaitReply(phone, "hi");
        sayAndAwaitReply(phone, "Kavita Rao");
        sayAndAwaitReply(phone, "1");
        sayAndAwaitReply(phone, "Jaipur");
        sayAndAwaitReply(phone, "1,2");
        assertThat(sayAndAwaitReply(phone, "yes").body()).contains("You are all set");
        assertThat(sayAndAwaitReply(phone, "2").body()).contains("Your top leads");
        long partnerId = jdbc.sql("select id from partners where phone = :p").param("p", phone).query(Long.class).single();
        List<Long> shownOnWhatsApp = jdbc.sql("select id from leads where assigned_to = :p and status = 'OPEN'")
                .param("p", partnerId).query(Long.class).list();
        assertThat(shownOnWhatsApp).hasSize(3);

        JsonNode session = signIn(phone);
        JsonNode partner = session.get("partner");
        assertThat(partner.get("id").asLong()).isEqualTo(partnerId);
        assertThat(partner.get("name").asString()).isEqualTo("Kavita Rao");
        assertThat(partner.get("city").asString()).isEqualTo("Jaipur");
        assertThat(partner.get("products").toString()).isEqualTo("[\"LOANS\",\"CREDIT_CARDS\"]");
        assertThat(partner.get("onboarded").asBoolean()).isTrue();
        String token = session.get("token").asString();

        JsonNode dashboard = get("/api/v1/dashboard", token).json();
        assertThat(dashboard.get("activity").get("leadsHeld").asInt()).isEqualTo(3);
        assertThat(dashboard.get("nextBestAction").get("kind").asString()).isEqualTo("TAKE_QUIZ");

        // the same matcher: whatever the app lists is reserved to this partner, like WhatsApp's list
        Set<Long> inApp = new HashSet<>();
        get("/api/v1/leads?size=3", token).json().get("items").forEach(l -> inApp.add(l.get("id").asLong()));
        assertThat(inApp).hasSize(3);
        for (long id : inApp) {
            assertThat(jdbc.sql("select assigned_to from leads where id = :id").param("id", id).query(Long.class).single()).isEqualTo(partnerId);
        }
        long lead = shownOnWhatsApp.get(0);
        assertThat(get("/api/v1/leads/" + lead, token).status()).isEqualTo(200);
        Response sold = call("POST", "/api/v1/leads/" + lead + "/outcome", token, Map.of("outcome", "SOLD", "amount", 10000));
        assertThat(sold.status()).as(sold.body()).isEqualTo(200);

        String progress = sayAndAwaitReply(phone, "progress").body();
        assertThat(progress).contains("Sales: 1").contains("First sale");
        assertThat(get("/api/v1/dashboard", token).json().get("activity").get("sales").asInt()).isEqualTo(1);
    }

    @Test
    void aPartnerWhoSetUpTheirProfileInTheAppIsNotOnboardedAgainOnWhatsApp() {
        String phone = freshPhone();
        String token = signIn(phone).get("token").asString();
        Response patched = call("PATCH", "/api/v1/partners/me", token,
                Map.of("name", "Deepa Nair", "city", "Kochi", "language", "hi", "products", List.of("SAVINGS_ACCOUNTS", "INSURANCE")));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);

        String first = sayAndAwaitReply(phone, "hi").body();
        assertThat(first).contains("फिर से स्वागत है, Deepa Nair").contains("*मुख्य मेनू*").doesNotContain("What is your name?");
        assertThat(sayAndAwaitReply(phone, "4").body()).contains("Deepa Nair");
    }

    @Test
    void aLanguageChosenInTheAppIsTheLanguageOnWhatsApp() {
        String phone = freshPhone();
        sayAndAwaitReply(phone, "hi");
        sayAndAwaitReply(phone, "Ramesh Yadav");
        sayAndAwaitReply(phone, "1");
        sayAndAwaitReply(phone, "Patna");
        sayAndAwaitReply(phone, "3");
        assertThat(sayAndAwaitReply(phone, "yes").body()).contains("You are all set");
        String token = signIn(phone).get("token").asString();

        Response patched = call("PATCH", "/api/v1/partners/me", token, Map.of("language", "hi", "city", "Gaya"));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);

        String menu = sayAndAwaitReply(phone, "menu").body();
        assertThat(menu).contains("*मुख्य मेनू*");
        assertThat(sayAndAwaitReply(phone, "4").body()).contains("प्रगति");
    }
}
