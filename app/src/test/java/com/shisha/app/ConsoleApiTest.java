package com.shisha.app;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.console.Handoffs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's API through real HTTP: staff sign-in with lockout and audit, roles, sessions that end when an account
 * is switched off, and the handoff queue's transitions, against the real database through JPA.
 */
class ConsoleApiTest extends AbstractApiTest {

    @Autowired
    Handoffs handoffs;

    private String newAgent(String adminCookie, String email) {
        Response created = console("POST", "/console/api/staff", adminCookie,
                Map.of("email", email, "name", "Agent Kavya", "role", "AGENT", "password", "agent-password-1234"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return email;
    }

    @Test
    void theFirstAdminSignsInAndEveryAttemptIsAudited() {
        String cookie = consoleAdmin();
        JsonNode me = console("GET", "/console/api/me", cookie, null).json();
        assertThat(me.get("role").asString()).isEqualTo("ADMIN");
        assertThat(me.get("email").asString()).isEqualTo(ConsoleConfig.DEV_ADMIN_EMAIL);
        assertThat(me.has("passwordHash")).isFalse();

        String email = "agent-" + UUID.randomUUID() + "@gromo.test";
        newAgent(cookie, email);
        console("POST", "/console/api/session", null, Map.of("email", email, "password", "not-the-password-at-all"))
                .error(401, "invalid_credentials");

        JsonNode audit = console("GET", "/console/api/audit?limit=50", cookie, null).json();
        assertThat(audit.toString()).contains("\"action\":\"sign_in\"").contains("\"action\":\"staff.create\"")
                .contains("\"who\":\"" + email + "\",\"action\":\"sign_in.failed\"");
    }

    @Test
    void tooManyFailuresLockTheAccountEvenForTheRightPassword() {
        String email = newAgent(consoleAdmin(), "locked-" + UUID.randomUUID() + "@gromo.test");
        Response last = null;
        for (int i = 0; i < 10 && (last == null || last.status() != 429); i++) {
            last = console("POST", "/console/api/session", null, Map.of("email", email, "password", "wrong-password-" + i));
        }
        last.error(429, "locked");
        console("POST", "/console/api/session", null, Map.of("email", email, "password", "agent-password-1234")).error(429, "locked");
        // an unknown email is refused in the same words as a wrong password
        console("POST", "/console/api/session", null, Map.of("email", "nobody-" + UUID.randomUUID() + "@gromo.test",
                "password", "whatever-password")).error(401, "invalid_credentials");
    }

    @Test
    void theConsoleIsClosedWithoutAStaffSessionAndToCrossSiteRequests() {
        console("GET", "/console/api/me", null, null).error(401, "unauthorized");
        console("GET", "/console/api/handoffs", "shisha_console=not-a-token", null).error(401, "unauthorized");
        // a partner's app session is not a staff session
        String partner = tokenFor(freshPhone());
        assertThat(call("GET", "/console/api/me", partner, null).status()).isEqualTo(401);
        // a form posted from another site cannot add the header
        Response noHeader = call("POST", "/console/api/session", null,
                JSON.writeValueAsString(Map.of("email", ConsoleConfig.DEV_ADMIN_EMAIL, "password", ConsoleConfig.DEV_ADMIN_PASSWORD)),
                "application/json", Map.of());
        noHeader.error(403, "forbidden");
    }

    @Test
    void agentsWorkTheQueueButOnlyAdminsManageStaffAndSwitchedOffAccountsLoseTheirSessions() {
        String adminCookie = consoleAdmin();
        String email = newAgent(adminCookie, "kavya-" + UUID.randomUUID() + "@gromo.test");
        String agent = staffSignIn(email, "agent-password-1234");
        console("GET", "/console/api/staff", agent, null).error(403, "forbidden");
        console("POST", "/console/api/staff", agent, Map.of("email", "x-" + UUID.randomUUID() + "@gromo.test", "name", "X",
                "role", "ADMIN", "password", "another-long-password")).error(403, "forbidden");
        assertThat(console("GET", "/console/api/handoffs", agent, null).status()).isEqualTo(200);

        console("POST", "/console/api/staff", adminCookie, Map.of("email", email, "name", "Twice", "role", "AGENT",
                "password", "agent-password-1234")).error(409, "conflict");
        console("POST", "/console/api/staff", adminCookie, Map.of("email", "short-" + UUID.randomUUID() + "@gromo.test",
                "name", "Short", "role", "AGENT", "password", "short")).error(400, "validation_failed");

        long agentId = console("GET", "/console/api/me", agent, null).json().get("id").asLong();
        Response off = console("POST", "/console/api/staff/" + agentId + "/active", adminCookie, Map.of("active", false));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        console("GET", "/console/api/me", agent, null).error(401, "unauthorized");
        console("POST", "/console/api/session", null, Map.of("email", email, "password", "agent-password-1234"))
                .error(401, "invalid_credentials");
    }

    @Test
    void aHandoffIsQueuedOnceClaimedAndHandedBackOnlyOnce() {
        String cookie = consoleAdmin();
        ConversationKey partner = new ConversationKey(Channel.WHATSAPP, freshPhone());
        Handoffs.Handoff first = handoffs.request(partner, Handoffs.Reason.PARTNER_ASKED, "asked for a person");
        Handoffs.Handoff again = handoffs.request(partner, Handoffs.Reason.COACH_ESCALATION, "complaint");
        assertThat(again.id()).as("asking twice queues once").isEqualTo(first.id());

        JsonNode queue = console("GET", "/console/api/handoffs", cookie, null).json();
        assertThat(queue.toString()).contains("\"id\":" + first.id() + ",").contains("\"state\":\"WAITING\"");

        JsonNode claimed = console("POST", "/console/api/handoffs/" + first.id() + "/claim", cookie, null).json();
        assertThat(claimed.get("state").asString()).isEqualTo("WITH_AGENT");
        assertThat(handoffs.openFor(partner)).isPresent();

        JsonNode back = console("POST", "/console/api/handoffs/" + first.id() + "/hand-back", cookie, null).json();
        assertThat(back.get("state").asString()).isEqualTo("RETURNED");
        console("POST", "/console/api/handoffs/" + first.id() + "/hand-back", cookie, null).error(409, "conflict");
        console("POST", "/console/api/handoffs/" + first.id() + "/claim", cookie, null).error(409, "conflict");
        console("POST", "/console/api/handoffs/999999999/claim", cookie, null).error(404, "not_found");
        assertThat(handoffs.openFor(partner)).isEmpty();
        assertThat(handoffs.request(partner, Handoffs.Reason.PARTNER_ASKED, "again").id())
                .as("a new request after the hand-back is a new handoff").isNotEqualTo(first.id());

        JsonNode audit = console("GET", "/console/api/audit", cookie, null).json();
        assertThat(audit.toString()).contains("handoff " + first.id());
    }

    @Test
    void aPartnerAsksForAPersonAnAgentAnswersFromTheConsoleOnceAndHandsBackToTheBot() {
        String phone = freshPhone();
        String to = "whatsapp:" + phone;
        partnerSays(phone, "hello", 0, true);
        java.util.List<TwilioStandIn.Sent> sent = partnerSays(phone, "I want to talk to a real person from your team", 1, true);
        assertThat(sent.get(1).body()).contains("reference");
        ConversationKey key = new ConversationKey(Channel.WHATSAPP, phone);
        Handoffs.Handoff queued = handoffs.openFor(key).orElseThrow();
        assertThat(queued.reason()).isEqualTo(Handoffs.Reason.PARTNER_ASKED);
        assertThat(queued.state()).isEqualTo(Handoffs.State.WAITING);

        String cookie = consoleAdmin();
        assertThat(console("POST", "/console/api/handoffs/" + queued.id() + "/claim", cookie, null).status()).isEqualTo(200);
        // with an agent on it the bot keeps quiet
        assertThat(partnerSays(phone, "hello? is anyone there", 2, false)).hasSize(2);

        Map<String, Object> message = Map.of("text", "Namaste, this is Kavya from GroMo. How can I help?", "clientId", "c-" + UUID.randomUUID());
        Response first = console("POST", "/console/api/handoffs/" + queued.id() + "/messages", cookie, message);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(TwilioStandIn.awaitSent(to, 3, REPLY_TIMEOUT).get(2).body()).isEqualTo(message.get("text"));
        Response again = console("POST", "/console/api/handoffs/" + queued.id() + "/messages", cookie, message);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("outboundId").asLong()).isEqualTo(first.json().get("outboundId").asLong());
        TwilioStandIn.sleep(500);
        assertThat(TwilioStandIn.sentTo(to)).as("a retried send goes out once").hasSize(3);

        JsonNode detail = console("GET", "/console/api/handoffs/" + queued.id(), cookie, null).json();
        assertThat(detail.get("transcript").toString()).contains("hello? is anyone there").contains("\"from\":\"agent\"")
                .contains("How can I help?");
        assertThat(detail.get("partner").get("textAllowed").asBoolean()).isTrue();

        assertThat(console("POST", "/console/api/handoffs/" + queued.id() + "/hand-back", cookie, null).status()).isEqualTo(200);
        assertThat(TwilioStandIn.awaitSent(to, 4, REPLY_TIMEOUT).get(3).body()).contains("back with you");
        // the bot answers again
        assertThat(partnerSays(phone, "hello", 4, true)).hasSize(5);
        console("POST", "/console/api/handoffs/" + queued.id() + "/messages", cookie,
                Map.of("text", "one more thing", "clientId", "c-" + UUID.randomUUID())).error(409, "conflict");
    }

    @Test
    void anAgentCanTakeOverAConversationTheBotIsHaving() {
        String phone = freshPhone();
        partnerSays(phone, "hello", 0, true);
        String cookie = consoleAdmin();
        Response taken = console("POST", "/console/api/takeovers", cookie, Map.of("phone", phone.substring(3)));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        assertThat(taken.json().get("state").asString()).isEqualTo("WITH_AGENT");
        assertThat(taken.json().get("partner").asString()).doesNotContain(phone.substring(5));
        assertThat(partnerSays(phone, "Rakesh", 1, false)).hasSize(1);
        console("POST", "/console/api/takeovers", cookie, Map.of("phone", "not a number")).error(400, "validation_failed");
        console("POST", "/console/api/takeovers", cookie, Map.of("phone", freshPhone())).error(404, "not_found");
    }

    @Test
    void theOverviewCountsTheQueueAndTheLastHoursOfTraffic() {
        String phone = freshPhone();
        partnerSays(phone, "hello", 0, true);
        handoffs.request(new ConversationKey(Channel.WHATSAPP, phone), Handoffs.Reason.PARTNER_ASKED, "overview test");
        JsonNode overview = console("GET", "/console/api/overview", consoleAdmin(), null).json();
        assertThat(overview.get("now").get("handoffsWaiting").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode timeline = overview.get("timeline");
        assertThat(timeline.size()).isEqualTo(24);
        JsonNode last = timeline.get(timeline.size() - 1);
        assertThat(last.get("inbound").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(last.get("outbound").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(last.get("p95Millis").asDouble()).isGreaterThan(0);
    }
}
