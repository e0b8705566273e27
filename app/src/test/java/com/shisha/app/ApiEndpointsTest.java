package com.shisha.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each endpoint group's happy path and its refusals, through HTTP; other partners' ids must never work. */
class ApiEndpointsTest extends AbstractApiTest {

    @Test
    void profileReadAndUpdateWithValidation() {
        String token = tokenFor(freshPhone());
        JsonNode me = get("/api/v1/partners/me", token).json();
        assertThat(me.get("onboarded").asBoolean()).isFalse();

        Response partial = call("PATCH", "/api/v1/partners/me", token, Map.of("name", "Meera  Joshi", "language", "hi"));
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(partial.json().get("name").asString()).isEqualTo("Meera Joshi");
        assertThat(partial.json().get("language").asString()).isEqualTo("hi");
        assertThat(partial.json().get("onboarded").asBoolean()).as("no city or products yet").isFalse();

        Response complete = call("PATCH", "/api/v1/partners/me", token, Map.of("city", "Bhopal", "products", List.of("INSURANCE", "DEMAT")));
        assertThat(complete.json().get("onboarded").asBoolean()).isTrue();
        assertThat(complete.json().get("products").toString()).isEqualTo("[\"INSURANCE\",\"DEMAT\"]");
        assertThat(complete.json().get("name").asString()).as("unchanged fields stay").isEqualTo("Meera Joshi");

        JsonNode invalid = call("PATCH", "/api/v1/partners/me", token, Map.of("name", "<script>", "language", "fr", "products", List.of()))
                .error(400, "validation_failed");
        List<String> fields = new ArrayList<>();
        invalid.get("fields").forEach(f -> fields.add(f.get("field").asString()));
        assertThat(fields).contains("name", "language", "products");
        call("PATCH", "/api/v1/partners/me", token, Map.of()).error(400, "bad_request");
        call("PATCH", "/api/v1/partners/me", token, Map.of("products", List.of("LOANS", "LOANS"))).error(400, "bad_request");
        call("PATCH", "/api/v1/partners/me", token, Map.of("products", List.of("YACHTS"))).error(400, "bad_request");
        assertThat(get("/api/v1/partners/me", token).json().get("city").asString()).isEqualTo("Bhopal");
    }

    @Test
    void anotherPartnersProfileIsForbidden() {
        JsonNode mine = signIn(freshPhone());
        JsonNode theirs = signIn(freshPhone());
        String token = mine.get("token").asString();
        long myId = mine.get("partner").get("id").asLong();
        assertThat(get("/api/v1/partners/" + myId, token).status()).isEqualTo(200);
        get("/api/v1/partners/" + theirs.get("partner").get("id").asLong(), token).error(403, "forbidden");
        get("/api/v1/partners/abc", token).error(400, "bad_request");
    }

    @Test
    void dashboardAchievementsAndQuestsOfANewPartner() {
        String token = tokenFor(freshPhone());
        JsonNode d = get("/api/v1/dashboard", token).json();
        assertThat(d.get("strand")).hasSize(9);
        assertThat(d.get("strand").get(0).get("skill").asString()).isEqualTo("loans");
        assertThat(d.get("strand").get(0).get("score").isNull()).isTrue();
        assertThat(d.get("earnings").get("total").decimalValue()).isZero();
        assertThat(d.get("nextBestAction").get("kind").asString()).isEqualTo("COMPLETE_PROFILE");
        assertThat(d.get("quests")).hasSize(3);

        String onboarded = onboardedPartner("Indore", "LOANS");
        JsonNode after = get("/api/v1/dashboard", onboarded).json();
        assertThat(after.get("nextBestAction").get("kind").asString()).as("WhatsApp's first step too").isEqualTo("TAKE_QUIZ");
        assertThat(after.get("nextBestAction").get("text").asString()).isNotBlank();

        JsonNode achievements = get("/api/v1/achievements", onboarded).json();
        assertThat(achievements.get("points").asInt()).isZero();
        assertThat(achievements.get("badges")).isEmpty();
        assertThat(achievements.get("achievements")).hasSize(7);
        achievements.get("achievements").forEach(a -> assertThat(a.get("earned").asBoolean()).isFalse());
        assertThat(achievements.get("achievements").get(0).get("code").asString()).isEqualTo("FIRST_QUIZ");
        assertThat(achievements.get("achievements").get(0).get("threshold").asInt()).isEqualTo(1);
        JsonNode quests = get("/api/v1/quests", onboarded).json().get("quests");
        assertThat(quests.get(0).get("code").asString()).isEqualTo("WEEK_CONTACT_5");
        assertThat(quests.get(0).get("done").asBoolean()).isFalse();
    }

    /** A run drawn in Hindi is read back and answered in Hindi, though the account's language is English. */
    @Test
    void aQuizRunKeepsItsLanguage() {
        String token = tokenFor(freshPhone());
        JsonNode run = call("POST", "/api/v1/quiz/runs?lang=hi", token, null).json();
        assertThat(run.get("language").asString()).isEqualTo("hi");
        String runId = run.get("runId").asString();
        JsonNode again = call("GET", "/api/v1/quiz/runs/" + runId, token, null).json();
        assertThat(again.get("language").asString()).isEqualTo("hi");
        assertThat(again.get("questions").get(0).toString()).isEqualTo(run.get("questions").get(0).toString());
        ArrayNode answers = JSON.createArrayNode();
        for (JsonNode q : run.get("questions")) {
            answers.addObject().put("questionId", q.get("id").asString()).put("choice", "B");
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("answers", answers);
        JsonNode done = call("POST", "/api/v1/quiz/runs/" + runId + "/answers", token, body).json();
        assertThat(done.get("language").asString()).isEqualTo("hi");
        assertThat(done.get("result").get("answers").get(0).get("explanation").asString()).containsPattern("[\\u0900-\\u097F]");
        // an explicit ?lang= still wins
        assertThat(call("GET", "/api/v1/quiz/runs/" + runId + "?lang=en", token, null).json().get("language").asString()).isEqualTo("en");
    }

    @Test
    void quizRunAnsweredOnceScoresSkillsAndAwardsTheFirstQuizBadge() {
        JsonNode other = signIn(freshPhone());
        String token = tokenFor(freshPhone());
        Response started = call("POST", "/api/v1/quiz/runs", token, null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode run = started.json();
        String runId = run.get("runId").asString();
        assertThat(run.get("questions")).hasSize(10);
        assertThat(run.get("questions").get(0).get("options")).hasSize(4);
        assertThat(run.toString()).doesNotContain("explanation").doesNotContain("\"answer\"");

        call("GET", "/api/v1/quiz/runs/" + runId, other.get("token").asString(), null).error(404, "not_found");
        call("POST", "/api/v1/quiz/runs/" + runId + "/answers", other.get("token").asString(),
                Map.of("answers", List.of(Map.of("questionId", "x", "choice", "A")))).error(404, "not_found");

        ArrayNode answers = JSON.createArrayNode();
        for (JsonNode q : run.get("questions")) {
            answers.addObject().put("questionId", q.get("id").asString()).put("choice", "A");
        }
        ObjectNode incomplete = JSON.createObjectNode();
        incomplete.putArray("answers").add(answers.get(0));
        call("POST", "/api/v1/quiz/runs/" + runId + "/answers", token, incomplete).error(400, "bad_request");
        ObjectNode badChoice = JSON.createObjectNode();
        badChoice.putArray("answers").addObject().put("questionId", run.get("questions").get(0).get("id").asString()).put("choice", "E");
        call("POST", "/api/v1/quiz/runs/" + runId + "/answers", token, badChoice).error(400, "validation_failed");

        ObjectNode body = JSON.createObjectNode();
        body.set("answers", answers);
        Response submitted = call("POST", "/api/v1/quiz/runs/" + runId + "/answers", token, body);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode result = submitted.json().get("result");
        assertThat(result.get("total").asInt()).isEqualTo(10);
        int correct = 0;
        for (JsonNode a : result.get("answers")) {
            correct += a.get("correctChoice").asString().equals("A") ? 1 : 0;
            assertThat(a.get("correct").asBoolean()).isEqualTo(a.get("correctChoice").asString().equals("A"));
        }
        assertThat(result.get("correct").asInt()).isEqualTo(correct);
        assertThat(result.get("awards").toString()).contains("FIRST_QUIZ");
        int assessed = 0;
        for (JsonNode s : result.get("strand")) {
            assessed += s.get("score").isNull() ? 0 : 1;
        }
        assertThat(assessed).as("a run covers every skill").isEqualTo(9);

        call("POST", "/api/v1/quiz/runs/" + runId + "/answers", token, body).error(409, "already_submitted");
        JsonNode again = get("/api/v1/quiz/runs/" + runId, token).json();
        assertThat(again.get("submitted").asBoolean()).isTrue();
        assertThat(again.get("result").get("correct").asInt()).isEqualTo(correct);

        JsonNode results = get("/api/v1/quiz/results?page=0&size=5", token).json();
        assertThat(results.get("items")).hasSize(1);
        assertThat(results.get("items").get(0).get("correct").asInt()).isEqualTo(correct);
        assertThat(results.get("hasMore").asBoolean()).isFalse();
        get("/api/v1/quiz/results?size=500", token).error(400, "bad_request");
        JsonNode dashboard = get("/api/v1/dashboard", token).json();
        assertThat(dashboard.get("activity").get("quizzes").asInt()).isEqualTo(1);
        assertThat(dashboard.get("badges").toString()).contains("FIRST_QUIZ");
        assertThat(dashboard.get("points").asInt()).isPositive();
        JsonNode firstQuiz = get("/api/v1/achievements", token).json().get("achievements").get(0);
        assertThat(firstQuiz.get("code").asString()).isEqualTo("FIRST_QUIZ");
        assertThat(firstQuiz.get("earned").asBoolean()).isTrue();
        assertThat(firstQuiz.get("awardedAt").isNull()).isFalse();
    }

    @Test
    void leadsAreRankedReservedAndOnlyTheHolderSeesOrReportsThem() {
        call("GET", "/api/v1/leads", tokenFor(freshPhone()), null).error(409, "profile_incomplete");
        String token = onboardedPartner("Indore", "LOANS", "INSURANCE");
        String rival = onboardedPartner("Indore", "LOANS", "INSURANCE");
        Response listed = get("/api/v1/leads?size=4", token);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode items = listed.json().get("items");
        assertThat(items).hasSize(4);
        // the partner's own town before any other (other tests' partners in Indore may hold its leads by now, so
        // whether any Indore lead is left is not this test's to say)
        boolean otherTownSeen = false;
        for (JsonNode item : items) {
            boolean own = item.get("city").asString().equals("Indore");
            assertThat(own && otherTownSeen).as("an Indore lead after another town's: %s", items).isFalse();
            otherTownSeen |= !own;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode lead = items.get(i);
            // nearness comes before the score (a nearer lead may score lower), so the score falls only among leads
            // that are equally near: the same town and product
            for (int j = i + 1; j < items.size(); j++) {
                JsonNode later = items.get(j);
                if (later.get("city").equals(lead.get("city")) && later.get("product").equals(lead.get("product"))) {
                    assertThat(later.get("score").asDouble()).isLessThanOrEqualTo(lead.get("score").asDouble());
                }
            }
            assertThat(lead.get("product").asString()).isIn("LOANS", "INSURANCE");
            assertThat(lead.has("phone")).as("the phone comes with the lead's own page").isFalse();
        }
        assertThat(items.get(0).get("pitchTip").get("text").asString()).isNotBlank();

        Set<Long> mine = new HashSet<>();
        items.forEach(l -> mine.add(l.get("id").asLong()));
        JsonNode rivals = get("/api/v1/leads?size=9", rival).json().get("items");
        rivals.forEach(l -> assertThat(mine).as("never offered to two partners at once").doesNotContain(l.get("id").asLong()));
        long rivalLead = rivals.get(0).get("id").asLong();

        long leadId = items.get(0).get("id").asLong();
        JsonNode detail = get("/api/v1/leads/" + leadId, token).json();
        assertThat(detail.get("phone").asString()).startsWith("+91");
        assertThat(detail.get("callUrl").asString()).isEqualTo("tel:" + detail.get("phone").asString());
        get("/api/v1/leads/" + rivalLead, token).error(404, "not_found");
        call("POST", "/api/v1/leads/" + rivalLead + "/outcome", token, Map.of("outcome", "CALLED")).error(404, "not_found");

        call("POST", "/api/v1/leads/" + leadId + "/outcome", token, Map.of("outcome", "SOLD")).error(400, "bad_request");
        call("POST", "/api/v1/leads/" + leadId + "/outcome", token, Map.of("outcome", "CALLED", "amount", 500)).error(400, "bad_request");
        call("POST", "/api/v1/leads/" + leadId + "/outcome", token, Map.of("outcome", "SOLD", "amount", -5)).error(400, "validation_failed");
        call("POST", "/api/v1/leads/" + leadId + "/outcome", token, Map.of("outcome", "MAYBE")).error(400, "bad_request");

        // connected to the lead by phone through SHISHA: Twilio is asked to call the partner first
        call("POST", "/api/v1/leads/" + rivalLead + "/call", token, Map.of("record", true)).error(404, "not_found");
        call("POST", "/api/v1/leads/" + leadId + "/call", token, Map.of()).error(400, "validation_failed");
        Response asked = call("POST", "/api/v1/leads/" + leadId + "/call", token, Map.of("record", false));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.json().get("leadId").asLong()).isEqualTo(leadId);
        assertThat(asked.json().get("status").asString()).isIn("REQUESTED", "DIALLING");
        assertThat(asked.json().get("recorded").asBoolean()).isFalse();
        String partnerPhone = jdbc.sql("select p.phone from partners p join lead_calls c on c.partner_id = p.id where c.id = :id")
                .param("id", asked.json().get("id").asLong()).query(String.class).single();
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        while (TwilioStandIn.callsPlacedTo(partnerPhone).isEmpty() && System.nanoTime() < deadline) {
            TwilioStandIn.sleep(50);
        }
        assertThat(TwilioStandIn.callsPlacedTo(partnerPhone)).hasSize(1);

        Response interested = call("POST", "/api/v1/leads/" + leadId + "/outcome", token, Map.of("outcome", "INTERESTED"));
        assertThat(interested.status()).as(interested.body()).isEqualTo(200);
        assertThat(interested.json().get("awards").toString()).contains("FIRST_CONTACT");
        Response sold = call("POST", "/api/v1/leads/" + leadId + "/outcome", token, Map.of("outcome", "SOLD", "amount", 25000));
        assertThat(sold.status()).as(sold.body()).isEqualTo(200);
        assertThat(sold.json().get("commission").decimalValue()).isPositive();
        assertThat(sold.json().get("awards").toString()).contains("FIRST_SALE");
        call("POST", "/api/v1/leads/" + leadId + "/outcome", token, Map.of("outcome", "CALLED")).error(409, "lead_closed");
        call("POST", "/api/v1/leads/" + leadId + "/call", token, Map.of("record", true)).error(409, "lead_closed");

        JsonNode dashboard = get("/api/v1/dashboard", token).json();
        assertThat(dashboard.get("earnings").get("total").decimalValue()).isEqualByComparingTo(sold.json().get("commission").decimalValue());
        assertThat(dashboard.get("activity").get("sales").asInt()).isEqualTo(1);
        assertThat(dashboard.get("activity").get("leadsContacted").asInt()).isEqualTo(1);
        get("/api/v1/leads?size=10", token).error(400, "bad_request");
    }

    @Test
    void communityTopPagesFollowAndTips() {
        JsonNode session = signIn(freshPhone());
        String token = session.get("token").asString();
        long myId = session.get("partner").get("id").asLong();
        JsonNode first = get("/api/v1/community/top?page=0&size=3", token).json();
        assertThat(first.get("items")).hasSize(3);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        JsonNode second = get("/api/v1/community/top?page=1&size=3", token).json();
        assertThat(second.get("items").get(0).get("rank").asInt()).isEqualTo(4);
        assertThat(first.get("items").get(0).get("points").asInt())
                .isGreaterThanOrEqualTo(second.get("items").get(0).get("points").asInt());
        String city = first.get("items").get(0).get("city").asString();
        JsonNode inCity = get("/api/v1/community/top?city=" + city.toUpperCase(), token).json();
        inCity.get("items").forEach(l -> assertThat(l.get("city").asString()).isEqualToIgnoringCase(city));
        get("/api/v1/community/top?size=0", token).error(400, "bad_request");
        get("/api/v1/community/top?page=-1", token).error(400, "bad_request");

        long star = first.get("items").get(0).get("partnerId").asLong();
        assertThat(call("PUT", "/api/v1/community/following/" + star, token, null).status()).isEqualTo(204);
        assertThat(get("/api/v1/community/top?page=0&size=3", token).json().get("items").get(0).get("followed").asBoolean()).isTrue();
        JsonNode tips = get("/api/v1/community/tips?size=3", token).json().get("tips");
        assertThat(tips).isNotEmpty();
        assertThat(tips.get(0).get("partnerId").asLong()).as("followed partners' tips first").isEqualTo(star);
        assertThat(call("DELETE", "/api/v1/community/following/" + star, token, null).status()).isEqualTo(204);
        assertThat(get("/api/v1/community/top?page=0&size=3", token).json().get("items").get(0).get("followed").asBoolean()).isFalse();

        call("PUT", "/api/v1/community/following/" + myId, token, null).error(400, "bad_request");
        call("PUT", "/api/v1/community/following/999999999", token, null).error(404, "not_found");
        get("/api/v1/community/tips?size=100", token).error(400, "bad_request");
    }

    @Test
    void deviceTokensRegisterAndOnlyTheirOwnerRemovesThem() {
        JsonNode session = signIn(freshPhone());
        String token = session.get("token").asString();
        String other = tokenFor(freshPhone());
        String device = "fcm-" + java.util.UUID.randomUUID() + ":APA91b" + "x".repeat(40);
        assertThat(call("POST", "/api/v1/devices", token, Map.of("token", device, "platform", "android")).status()).isEqualTo(204);
        assertThat(call("POST", "/api/v1/devices", token, Map.of("token", device, "platform", "android")).status()).as("idempotent").isEqualTo(204);
        assertThat(jdbc.sql("select partner_id from device_tokens where token = :t").param("t", device).query(Long.class).single())
                .isEqualTo(session.get("partner").get("id").asLong());
        call("POST", "/api/v1/devices", token, Map.of("token", "short", "platform", "blackberry")).error(400, "validation_failed");
        call("DELETE", "/api/v1/devices/" + device, other, null).error(404, "not_found");
        assertThat(call("DELETE", "/api/v1/devices/" + device, token, null).status()).isEqualTo(204);
        call("DELETE", "/api/v1/devices/" + device, token, null).error(404, "not_found");
    }

    @Test
    void theCoachAnswersFromTheKnowledgeBaseKeepsOneHistoryAndTakesThumbs() {
        String token = tokenFor(freshPhone());
        // the app tests' Ollama has no model loaded, so the coach answers from the guide and says so
        Response answer = call("POST", "/api/v1/coach/questions", token,
                Map.of("question", "What documents does a salaried customer need for a personal loan?"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("mode").asString()).isEqualTo("PASSAGES");
        assertThat(answer.json().get("model").asString()).isEqualTo("NOT_INSTALLED");
        assertThat(answer.json().get("notice").asString()).startsWith("No AI model is installed");
        // plain text: no WhatsApp markup, no section ids, no sources line (the sources are their own field)
        String text = answer.json().get("text").asString();
        assertThat(text).doesNotContain("*").doesNotContain("[").doesNotContain("loans.documents").doesNotContain("Source");
        JsonNode source = answer.json().get("sources").get(0);
        assertThat(source.get("id").asString()).isEqualTo("loans.documents");
        assertThat(source.get("title").asString()).isEqualTo("Documents needed for a loan");
        String answerId = answer.json().get("answerId").asString();

        JsonNode history = get("/api/v1/coach/history", token).json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("role").asString()).isEqualTo("PARTNER");
        assertThat(history.get(1).get("answerId").asString()).isEqualTo(answerId);
        assertThat(history.get(1).get("sources").get(0).get("title").asString()).isEqualTo("Documents needed for a loan");
        assertThat(history.get(1).get("text").asString()).startsWith("No AI model is installed").contains(text);

        assertThat(call("POST", "/api/v1/coach/feedback", token, Map.of("answerId", answerId, "helpful", true)).status())
                .isEqualTo(204);
        // another partner's answer, or one never given, is not yours to rate
        call("POST", "/api/v1/coach/feedback", tokenFor(freshPhone()), Map.of("answerId", answerId, "helpful", false))
                .error(404, "not_found");
        call("POST", "/api/v1/coach/questions", token, Map.of("question", "")).error(400, "validation_failed");
        get("/api/v1/coach/history?limit=0", token).error(400, "validation_failed");
    }

    @Test
    void everyErrorHasTheOneJsonShape() {
        String token = tokenFor(freshPhone());
        get("/api/v1/no-such-thing", token).error(404, "not_found");
        call("DELETE", "/api/v1/dashboard", token, null).error(405, "method_not_allowed");
        call("PATCH", "/api/v1/partners/me", token, "<name/>", "application/xml", Map.of()).error(415, "unsupported_media_type");
        String big = "{\"name\": \"" + "a".repeat(5000) + "\"}";
        call("PATCH", "/api/v1/partners/me", token, big, "application/json", Map.of()).error(413, "payload_too_large");
        call("POST", "/api/v1/session", null, "{\"idToken\": \"" + "a".repeat(5000) + "\"}", "application/json", Map.of())
                .error(413, "payload_too_large");
    }
}
