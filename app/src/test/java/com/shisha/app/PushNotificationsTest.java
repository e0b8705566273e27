package com.shisha.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.shisha.core.companion.AppJourney;
import com.shisha.core.companion.PushDispatcher;
import com.shisha.core.companion.PushQueue;
import com.shisha.core.journey.JourneyEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Push through the real Admin SDK, configured as in production from FIREBASE_CREDENTIALS_JSON (a service-account
 * key with a fresh RSA key), against WireMock speaking FCM's HTTP v1 API: the SDK posts the message JSON to
 * /v1/projects/{project}/messages:send, events queue the pushes (a badge from a real quiz, a fresh lead offered, the
 * evening quest reminder), and the dispatcher sends, prunes, defers and limits them. Success and error
 * bodies are FCM's own (name; NOT_FOUND with FcmError UNREGISTERED; INVALID_ARGUMENT). The dispatcher runs with
 * clocks set to India times, so quiet hours and the daily limit are tested at the hours they are about.
 */
class PushNotificationsTest extends AbstractApiTest {

    static final String SEND = "/v1/projects/" + PROJECT + "/messages:send";
    static final String ACCESS_TOKEN = "ya29.test-access-token";
    static final int MAX_PER_DAY = 2;
    private static WireMockServer fcm;

    static synchronized WireMockServer fcm() {
        if (fcm == null) {
            fcm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
            fcm.start();
        }
        return fcm;
    }

    @DynamicPropertySource
    static void fcmStandIn(DynamicPropertyRegistry registry) {
        registry.add("FCM_BASE_URL", () -> "http://127.0.0.1:" + fcm().port());
        registry.add("FIREBASE_CREDENTIALS_JSON", PushNotificationsTest::serviceAccount);
        registry.add("SHISHA_PUSH_MAX_PER_DAY", () -> String.valueOf(MAX_PER_DAY));
    }

    /** A service-account key file as Google issues it, with the token endpoint at the stand-in. */
    static String serviceAccount() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            ObjectNode key = JSON.createObjectNode().put("type", "service_account").put("project_id", PROJECT)
                    .put("private_key_id", "0123456789abcdef").put("private_key", pem)
                    .put("client_email", "firebase-adminsdk@" + PROJECT + ".iam.gserviceaccount.com").put("client_id", "1234567890")
                    .put("token_uri", "http://127.0.0.1:" + fcm().port() + "/token");
            return JSON.writeValueAsString(key);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    PushQueue queue;

    @Autowired
    PushConfig.PushSetup setup;

    @Autowired
    AppJourney appJourney;

    @BeforeEach
    void standIn() {
        fcm().resetAll();
        fcm().stubFor(post(urlEqualTo("/token")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("assertion="))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\": \"" + ACCESS_TOKEN + "\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")));
        // any other device (other tests' partners share the database): accepted
        fcm().stubFor(post(urlEqualTo(SEND)).atPriority(10).willReturn(ok("0:1")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String id) {
        return aResponse().withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("{\"name\": \"projects/" + PROJECT + "/messages/" + id + "\"}");
    }

    private static void answer(String token, int status, String body) {
        fcm().stubFor(post(urlEqualTo(SEND)).atPriority(1).withRequestBody(matchingJsonPath("$.message.token", equalTo(token)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body)));
    }

    static final String UNREGISTERED = """
            {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND",
              "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNREGISTERED"}]}}""";
    static final String INVALID = """
            {"error": {"code": 400, "message": "The registration token is not a valid FCM registration token", "status": "INVALID_ARGUMENT",
              "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "INVALID_ARGUMENT"},
                          {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [{"field": "message.token",
                           "description": "The registration token is not a valid FCM registration token"}]}]}}""";
    static final String UNAVAILABLE = """
            {"error": {"code": 503, "message": "The service is currently unavailable.", "status": "UNAVAILABLE",
              "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNAVAILABLE"}]}}""";

    /** The next moment after now when it is this time in India: always within a day, so queued rows are fresh. */
    static Instant nextIndia(Instant after, LocalTime time) {
        ZonedDateTime t = after.atZone(PushDispatcher.INDIA).with(time);
        return (t.toInstant().isAfter(after) ? t : t.plusDays(1)).toInstant();
    }

    private PushDispatcher at(Instant instant) {
        return new PushDispatcher(queue, setup.fcm().orElseThrow(), Clock.fixed(instant, ZoneOffset.UTC), MAX_PER_DAY, 500);
    }

    private static String deviceToken() {
        return "fcm-" + UUID.randomUUID() + ":APA91b" + UUID.randomUUID().toString().replace("-", "");
    }

    private void register(String session, String device) {
        Response r = call("POST", "/api/v1/devices", session, Map.of("token", device, "platform", "android"));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    private long partnerId(String session) {
        return get("/api/v1/partners/me", session).json().get("id").asLong();
    }

    private void finishAQuiz(String session) {
        JsonNode run = call("POST", "/api/v1/quiz/runs", session, null).json();
        ArrayNode answers = JSON.createArrayNode();
        for (JsonNode q : run.get("questions")) {
            answers.addObject().put("questionId", q.get("id").asString()).put("choice", "A");
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("answers", answers);
        Response submitted = call("POST", "/api/v1/quiz/runs/" + run.get("runId").asString() + "/answers", session, body);
        assertThat(submitted.json().get("result").get("awards").toString()).contains("FIRST_QUIZ");
    }

    private List<Map<String, Object>> rows(long partnerId) {
        return jdbc.sql("select kind, status, detail from push_notifications where partner_id = :p order by id")
                .param("p", partnerId).query().listOfRows();
    }

    @Test
    void anUnlockedBadgeIsPushedAsFcmV1Json() {
        String session = onboardedPartner("Indore", "LOANS");
        String device = deviceToken();
        register(session, device);
        answer(device, 200, "{\"name\": \"projects/" + PROJECT + "/messages/0:1500415314455276%31bd1c9631bd1c96\"}");
        finishAQuiz(session);

        assertThat(at(nextIndia(Instant.now(), LocalTime.of(10, 0))).runOnce()).isPositive();

        // the Authorization header is the Auth Emulator's "owner" here: emulator mode (on for sign-in in these tests)
        // makes the Admin SDK use it for every request; the service account's OAuth exchange is tested without the
        // emulator in web-portal's FcmPushNotificationsTest
        fcm().verify(1, postRequestedFor(urlEqualTo(SEND))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+"))
                .withRequestBody(equalToJson("""
                        {"message": {"token": "%s", "notification": {"title": "Badge unlocked! 🏅"},
                                     "data": {"type": "badge", "code": "FIRST_QUIZ"}}}""".formatted(device), false, true)));
        assertThat(rows(partnerId(session))).singleElement().satisfies(r -> {
            assertThat(r.get("kind")).isEqualTo("BADGE");
            assertThat(r.get("status")).isEqualTo("SENT");
            assertThat((String) r.get("detail")).isEqualTo("projects/" + PROJECT + "/messages/0:1500415314455276%31bd1c9631bd1c96");
        });
    }

    @Test
    void deadTokensArePrunedAndTheLiveOneStillGetsThePush() {
        String session = onboardedPartner("Indore", "LOANS");
        String live = deviceToken();
        String uninstalled = deviceToken();
        String malformed = deviceToken();
        for (String t : List.of(live, uninstalled, malformed)) {
            register(session, t);
        }
        answer(uninstalled, 404, UNREGISTERED);
        answer(malformed, 400, INVALID);
        finishAQuiz(session);

        at(nextIndia(Instant.now(), LocalTime.of(11, 0))).runOnce();

        assertThat(jdbc.sql("select token from device_tokens where partner_id = :p").param("p", partnerId(session))
                .query(String.class).list()).containsExactly(live);
        assertThat(rows(partnerId(session))).singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("SENT"));
    }

    @Test
    void quietHoursDeferUntilNineInTheMorning() {
        String session = onboardedPartner("Indore", "LOANS");
        String device = deviceToken();
        register(session, device);
        finishAQuiz(session);
        Instant night = nextIndia(Instant.now(), LocalTime.of(22, 30));

        assertThat(at(night).runOnce()).isZero();
        assertThat(at(nextIndia(night, LocalTime.of(8, 59))).runOnce()).isZero();
        fcm().verify(0, postRequestedFor(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.message.token", equalTo(device))));
        assertThat(rows(partnerId(session))).singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("PENDING"));

        at(nextIndia(night, LocalTime.of(9, 0))).runOnce();
        fcm().verify(1, postRequestedFor(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.message.token", equalTo(device))));
        assertThat(rows(partnerId(session))).singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("SENT"));
    }

    @Test
    void atMostNPushesADayTheRestAreDroppedWithTheReason() {
        String session = onboardedPartner("Indore", "LOANS");
        long partner = partnerId(session);
        register(session, deviceToken());
        for (int i = 0; i < MAX_PER_DAY + 1; i++) {
            jdbc.sql("insert into push_notifications (partner_id, kind, dedupe_key, params) values (:p, 'BADGE', :k, cast(:params as jsonb))")
                    .param("p", partner).param("k", "badge:TEST_" + i)
                    .param("params", "{\"code\": \"TEST_" + i + "\", \"nameEn\": \"Test\", \"nameHi\": \"टेस्ट\", \"points\": \"1\"}")
                    .update();
        }
        at(nextIndia(Instant.now(), LocalTime.of(12, 0))).runOnce();

        List<Map<String, Object>> rows = rows(partner);
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("SENT", "SENT", "DROPPED");
        assertThat((String) rows.get(2).get("detail")).isEqualTo("daily limit of " + MAX_PER_DAY + " pushes reached");
    }

    @Test
    void aProviderOutageIsRetriedLaterNotDropped() {
        String session = onboardedPartner("Indore", "LOANS");
        String device = deviceToken();
        register(session, device);
        answer(device, 503, UNAVAILABLE);
        finishAQuiz(session);
        Instant noon = nextIndia(Instant.now(), LocalTime.of(12, 0));

        at(noon).runOnce();
        assertThat(rows(partnerId(session))).singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("PENDING"));
        assertThat(jdbc.sql("select token from device_tokens where partner_id = :p").param("p", partnerId(session))
                .query(String.class).list()).as("an outage says nothing about the token").containsExactly(device);

        answer(device, 200, "{\"name\": \"projects/" + PROJECT + "/messages/0:2\"}");
        at(noon.plusSeconds(30)).runOnce();
        assertThat(rows(partnerId(session))).singleElement().satisfies(r -> assertThat(r.get("status")).as("backoff of a minute").isEqualTo("PENDING"));
        at(noon.plusSeconds(61)).runOnce();
        assertThat(rows(partnerId(session))).singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("SENT"));
    }

    @Test
    void aNewHotLeadIsReservedToTheBestFitAndPushedAndTheEveningQuestReminderToo() {
        // a city of this test's own: other tests' partners share the database and must not be the best fit
        String city = "Hotpur " + (char) ('a' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26))
                + (char) ('a' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26))
                + (char) ('a' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26));
        String session = onboardedPartner(city, "LOANS");
        long partner = partnerId(session);
        String device = deviceToken();
        register(session, device);
        String noDevice = onboardedPartner(city, "LOANS"); // fits as well, but has no app to push to
        long lead = freeLead(city, "LOANS", "now()");
        long stale = freeLead(city, "LOANS", "now() - interval '3 days'");
        long otherProduct = freeLead(city, "INSURANCE", "now()");

        at(nextIndia(Instant.now(), LocalTime.of(18, 0))).runOnce();
        at(nextIndia(Instant.now(), LocalTime.of(18, 5))).runOnce(); // a second pass finds nothing new

        fcm().verify(1, postRequestedFor(urlEqualTo(SEND)).withRequestBody(equalToJson("""
                {"message": {"token": "%s", "data": {"type": "lead", "leadId": "%d"}}}""".formatted(device, lead), false, true)));
        fcm().verify(1, postRequestedFor(urlEqualTo(SEND)).withRequestBody(equalToJson("""
                {"message": {"token": "%s", "data": {"type": "quests"}}}""".formatted(device), false, true)));
        assertThat(rows(partner)).extracting(r -> r.get("kind") + " " + r.get("status"))
                .containsExactlyInAnyOrder("HOT_LEAD SENT", "QUEST_REMINDER SENT");
        // the pushed lead is held for the partner, as if the matcher had offered it; the others stay free
        assertThat(holder(lead)).isEqualTo(partner);
        assertThat(holder(stale)).as("not fresh").isNull();
        assertThat(holder(otherProduct)).as("a product the partner does not sell").isNull();
        assertThat(rows(partnerId(noDevice))).isEmpty();
    }

    private long freeLead(String city, String product, String createdAt) {
        return jdbc.sql("""
                        insert into leads (name, phone, gender, age, city, state, city_tier, product, income_band, credit_band, source,
                                           created_at)
                        values ('Ravi', '+919811111111', 'M', 30, :city, 'MP', 3, :product, 'MID', 'GOOD', 'walk_in', %s)
                        returning id""".formatted(createdAt))
                .param("city", city).param("product", product).query(Long.class).single();
    }

    private Long holder(long lead) {
        return jdbc.sql("select assigned_to from leads where id = :id").param("id", lead).query(Long.class).optional().orElse(null);
    }
}
