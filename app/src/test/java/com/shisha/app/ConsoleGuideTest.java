package com.shisha.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing the coach's guide in the console through real HTTP: a new or changed section is searched and quoted at
 * once, by the partner API too; bad edits are refused per field; two editors cannot overwrite each other; earlier
 * versions come back; agents may try questions but not edit. Every test puts the guide back as shipped, because the
 * app tests share one database and one coach.
 */
class ConsoleGuideTest extends AbstractApiTest {

    /**
     * A topic the shipped guide does not cover, so a hit on it can only come from the edit; a fresh id per test, because
     * the app tests share one database and an earlier test's versions of a section stay in its history.
     */
    static String droneId() {
        return "loans.kisan-drone-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private final String drone = droneId();
    static final String DRONE_QUESTION = "Can a farmer get a loan to buy an agricultural spraying drone?";

    private final List<String> toRetire = new ArrayList<>();
    private final List<String> toRestore = new ArrayList<>();

    @AfterEach
    void putTheGuideBack() {
        String admin = consoleAdmin();
        toRetire.forEach(id -> {
            JsonNode detail = console("GET", "/console/api/guide/sections/" + id, admin, null).json();
            if (!detail.get("retired").asBoolean()) {
                assertThat(console("POST", "/console/api/guide/sections/" + id + "/retire", admin,
                        Map.of("expectedVersion", detail.get("version").asInt())).status()).isEqualTo(200);
            }
        });
        toRestore.forEach(id -> {
            JsonNode detail = console("GET", "/console/api/guide/sections/" + id, admin, null).json();
            assertThat(console("POST", "/console/api/guide/sections/" + id + "/versions/0/restore", admin,
                    Map.of("expectedVersion", detail.get("version").asInt())).status()).isEqualTo(200);
        });
    }

    static Map<String, Object> droneSection(int expectedVersion) {
        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("expectedVersion", expectedVersion);
        edit.put("products", List.of("LOANS"));
        edit.put("skills", List.of("LOANS", "NEED_DISCOVERY"));
        edit.put("english", Map.of("title", "Kisan drone loan for spraying drones",
                "body", "Some lenders finance agricultural drones that farmers and farmer groups use to spray crops.\n"
                        + "- The drone must be a model approved for farm spraying; the dealer's quotation is needed.\n"
                        + "- A farmer producer group or a custom hiring centre often gets better terms than one farmer."));
        edit.put("hindi", Map.of("title", "खेती के ड्रोन के लिए किसान ड्रोन लोन",
                "body", "कुछ लोन देने वाले खेती के ड्रोन के लिए पैसा देते हैं, जिनसे किसान फसल पर छिड़काव करते हैं।\n"
                        + "- ड्रोन खेती के छिड़काव के लिए मंज़ूर मॉडल होना चाहिए; डीलर का कोटेशन चाहिए।\n"
                        + "- किसान उत्पादक समूह को अक्सर अकेले किसान से बेहतर शर्तें मिलती हैं।"));
        edit.put("questions", List.of("drone loan for farmers", "kisan drone ke liye loan", "किसान ड्रोन लोन कैसे मिलेगा"));
        edit.put("note", "drone spraying is asked about");
        return edit;
    }

    private JsonNode trial(String cookie, String question, String language) {
        Response r = console("POST", "/console/api/guide/trial", cookie, Map.of("question", question, "language", language));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aNewSectionIsSearchedAtOnceInBothLanguagesAndRetiringItTakesItAway() {
        String admin = consoleAdmin();
        JsonNode before = trial(admin, DRONE_QUESTION, "en");
        assertThat(before.get("hits").toString()).doesNotContain(drone);
        int shippedCount = console("GET", "/console/api/guide", admin, null).json().get("sections").size();

        toRetire.add(drone);
        Response saved = console("PUT", "/console/api/guide/sections/" + drone, admin, droneSection(0));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(1);
        assertThat(saved.json().get("shipped").isNull()).isTrue();

        JsonNode after = trial(admin, DRONE_QUESTION, "en");
        assertThat(after.get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(after.get("hits").get(0).get("id").asString()).isEqualTo(drone);
        assertThat(after.get("hits").get(0).get("title").asString()).isEqualTo("Kisan drone loan for spraying drones");
        assertThat(after.get("answer").asString()).contains("drone");
        JsonNode hindi = trial(admin, "किसान को फसल पर छिड़काव वाला ड्रोन खरीदने के लिए लोन मिलेगा क्या?", "en");
        assertThat(hindi.get("language").asString()).isEqualTo("HI");
        assertThat(hindi.get("hits").get(0).get("title").asString()).isEqualTo("खेती के ड्रोन के लिए किसान ड्रोन लोन");

        // what a partner asking through the companion app gets now
        Response answer = call("POST", "/api/v1/coach/questions", tokenFor(freshPhone()), Map.of("question", DRONE_QUESTION));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("sources").get(0).get("id").asString()).isEqualTo(drone);

        JsonNode overview = console("GET", "/console/api/guide", admin, null).json();
        assertThat(overview.get("sections").size()).isEqualTo(shippedCount + 1);
        assertThat(overview.get("appliedRevision").asLong()).isEqualTo(overview.get("revision").asLong());

        Response retired = console("POST", "/console/api/guide/sections/" + drone + "/retire", admin,
                Map.of("expectedVersion", 1, "note", "no lender offers it any more"));
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().get("retired").asBoolean()).isTrue();
        assertThat(retired.json().get("history").size()).isEqualTo(2);
        assertThat(trial(admin, DRONE_QUESTION, "en").get("hits").toString()).doesNotContain(drone);

        JsonNode audit = console("GET", "/console/api/audit?limit=20", admin, null).json();
        assertThat(audit.toString()).contains("\"action\":\"guide.edit\"").contains("\"action\":\"guide.retire\"")
                .contains("section " + drone + " version 2");
    }

    @Test
    void aChangedSectionIsQuotedAndTheShippedTextComesBack() {
        String admin = consoleAdmin();
        String id = "savings.recurring-deposit";
        JsonNode detail = console("GET", "/console/api/guide/sections/" + id, admin, null).json();
        assertThat(detail.get("version").asInt()).isZero();
        String sentence = "A recurring deposit can be opened from the GroMo app with an instalment as small as 100 rupees a month.";
        Map<String, Object> edit = sectionAsEdit(detail.get("section"), 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> english = new LinkedHashMap<>((Map<String, Object>) edit.get("english"));
        english.put("body", english.get("body") + "\n- " + sentence);
        edit.put("english", english);

        toRestore.add(id);
        Response saved = console("PUT", "/console/api/guide/sections/" + id, admin, edit);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        String question = "What is the smallest monthly instalment for a recurring deposit in the GroMo app?";
        assertThat(trial(admin, question, "en").get("answer").asString()).contains("as small as 100 rupees");

        // an editor who opened the section before this save cannot overwrite it
        console("PUT", "/console/api/guide/sections/" + id, admin, edit).error(409, "stale_version");

        Response restored = console("POST", "/console/api/guide/sections/" + id + "/versions/0/restore", admin,
                Map.of("expectedVersion", 1));
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        toRestore.remove(id);
        assertThat(restored.json().get("version").asInt()).isEqualTo(2);
        assertThat(restored.json().get("history").get(0).get("note").asString()).isEqualTo("restored the shipped text");
        assertThat(trial(admin, question, "en").get("answer").asString()).doesNotContain("100 rupees");
        // version 1 is still there to look at
        JsonNode first = console("GET", "/console/api/guide/sections/" + id + "/versions/1", admin, null).json();
        assertThat(first.get("english").get("body").asString()).contains(sentence);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sectionAsEdit(JsonNode section, int expectedVersion) {
        Map<String, Object> edit = new LinkedHashMap<>(JSON.convertValue(section, Map.class));
        edit.remove("id");
        edit.put("expectedVersion", expectedVersion);
        return edit;
    }

    @Test
    void badEditsAreRefusedPerFieldAndNothingIsKept() {
        String admin = consoleAdmin();
        Map<String, Object> edit = droneSection(0);
        edit.put("skills", List.of());
        edit.put("english", Map.of("title", "Too short", "body", "Drones."));
        edit.put("hindi", Map.of("title", "", "body", "## ड्रोन\n- खेती के ड्रोन के लिए लोन के बारे में कुछ बातें यहाँ लिखी हैं।"));
        JsonNode refused = console("PUT", "/console/api/guide/sections/" + drone, admin, edit).error(400, "validation_failed");
        assertThat(refused.get("fields").toString()).contains("\"field\":\"skills\"").contains("\"field\":\"english.body\"")
                .contains("\"field\":\"hindi.title\"").contains("\"field\":\"hindi.body\"");
        console("PUT", "/console/api/guide/sections/Not%20An%20Id", admin, droneSection(0)).error(400, "validation_failed");
        console("PUT", "/console/api/guide/sections/" + drone, admin, Map.of("expectedVersion", 0)).error(400, "validation_failed");
        console("PUT", "/console/api/guide/sections/" + drone, admin, "not json").error(400, null);
        console("GET", "/console/api/guide/sections/" + drone, admin, null).error(404, "not_found");
        console("POST", "/console/api/guide/sections/" + drone + "/retire", admin, Map.of("expectedVersion", 0))
                .error(400, "validation_failed");
        console("POST", "/console/api/guide/trial", admin, Map.of("question", " ")).error(400, "validation_failed");
        console("POST", "/console/api/guide/trial", admin, Map.of("question", "EMI kya hai", "language", "fr"))
                .error(400, "validation_failed");
    }

    @Test
    void agentsTryQuestionsButOnlyAdminsEdit() {
        String admin = consoleAdmin();
        String email = "guide-agent-" + UUID.randomUUID() + "@gromo.test";
        assertThat(console("POST", "/console/api/staff", admin,
                Map.of("email", email, "name", "Agent Meera", "role", "AGENT", "password", "agent-password-1234")).status())
                .isEqualTo(201);
        String agent = staffSignIn(email, "agent-password-1234");
        JsonNode trial = trial(agent, "EMI kaise calculate hota hai", "en");
        assertThat(trial.get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(trial.get("hits").get(0).get("id").asString()).isEqualTo("loans.emi-explained");
        // a question outside the guide is declined, with the scores that decided it
        JsonNode weather = trial(agent, "Will it rain in Indore tomorrow?", "en");
        assertThat(weather.get("outcome").asString()).isEqualTo("NO_PASSAGE");
        assertThat(weather.get("answer").asString()).isNotBlank();
        console("PUT", "/console/api/guide/sections/" + drone, agent, droneSection(0)).error(403, "forbidden");
        console("GET", "/console/api/guide", null, null).error(401, "unauthorized");
    }
}
