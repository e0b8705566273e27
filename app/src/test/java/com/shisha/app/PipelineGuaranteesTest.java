package com.shisha.app;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** Signatures, dedupe, ordering, retries and bad input, through the real webhook and pipeline. */
class PipelineGuaranteesTest extends AbstractPipelineTest {

    private static final String WEBHOOK = "/webhooks/twilio/messaging";

    @Test
    void missingOrForgedSignatureIsRefusedAndNothingIsStored() {
        String phone = freshPhone();
        Map<String, String> form = whatsappForm(phone, "hi", newMessageSid());
        HttpResponse<String> missing = postForm(WEBHOOK, form, null);
        HttpResponse<String> forged = postForm(WEBHOOK, form, "c2lnbmVkIGJ5IHNvbWVvbmUgZWxzZQ==");
        Map<String, String> tampered = whatsappForm(phone, "hi", form.get("MessageSid"));
        String goodSignatureForOtherBody = new com.shisha.channels.twilio.TwilioSignature(AUTH_TOKEN)
                .sign(PUBLIC_BASE + WEBHOOK, Map.of("Body", new String[]{"something else"}));
        HttpResponse<String> wrongBody = postForm(WEBHOOK, tampered, goodSignatureForOtherBody);
        HttpResponse<String> wrongToken = postForm(WEBHOOK, form, new com.shisha.channels.twilio.TwilioSignature("another-token-123")
                .sign(PUBLIC_BASE + WEBHOOK, toParams(form)));

        for (HttpResponse<String> r : List.of(missing, forged, wrongBody, wrongToken)) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("\"error\":\"forbidden\"");
        }
        assertThat(jdbc.sql("select count(*) from inbound_messages where provider_message_id = :sid")
                .param("sid", form.get("MessageSid")).query(Integer.class).single()).isZero();
    }

    @Test
    void webhooksAreTimedByOutcomeAndOtherMethodsAreRefused() throws Exception {
        double before = webhookCount("stored");
        assertThat(whatsapp(freshPhone(), "hi").statusCode()).isEqualTo(200);
        // the webhook is timed once its answer is written, so the client can ask before it is counted
        double after = webhookCount("stored");
        for (int i = 0; i < 50 && after < before + 1; i++) {
            TwilioStandIn.sleep(100);
            after = webhookCount("stored");
        }
        assertThat(after).isEqualTo(before + 1);

        HttpResponse<String> get = HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + WEBHOOK)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(get.body()).contains("\"error\":\"method_not_allowed\"");
    }

    @Test
    void withTheEmbeddedDatabaseTheIntakeJournalIsOnAndDrains() throws Exception {
        String sid = newMessageSid();
        assertThat(postSigned(WEBHOOK, whatsappForm(freshPhone(), "hi", sid)).statusCode()).isEqualTo(200);
        assertThat(awaitProcessed(sid, REPLY_TIMEOUT)).isTrue();
        // the gauge exists only when the journal is on (SHISHA_INTAKE_JOURNAL=auto with the embedded database)
        double waiting = journalWaiting();
        for (int i = 0; i < 50 && waiting > 0; i++) {
            TwilioStandIn.sleep(100); // other tests' messages may still be on their way through
            waiting = journalWaiting();
        }
        assertThat(waiting).isZero();
    }

    private double journalWaiting() throws Exception {
        return metric("shisha.intake.journal.waiting", "VALUE");
    }

    /** COUNT of shisha.webhooks for the messaging endpoint and this outcome, as /actuator/metrics reports it. */
    private double webhookCount(String outcome) throws Exception {
        return metric("shisha.webhooks?tag=endpoint:messaging&tag=outcome:" + outcome, "COUNT");
    }

    /** One statistic of a meter (name plus any ?tag= filters), as /actuator/metrics reports it. */
    private double metric(String meter, String statistic) throws Exception {
        HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + "/actuator/metrics/" + meter)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var m = java.util.regex.Pattern.compile("\"statistic\":\"" + statistic + "\",\"value\":([0-9.E]+)").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void oneMessageSidDeliveredFiveTimesConcurrentlyGetsOneReply() throws Exception {
        String phone = freshPhone();
        Map<String, String> form = whatsappForm(phone, "hi", newMessageSid());
        List<HttpResponse<String>> acks = concurrently(5, i -> postSigned(WEBHOOK, form));
        assertThat(acks).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(awaitProcessed(form.get("MessageSid"), REPLY_TIMEOUT)).isTrue();
        assertThat(TwilioStandIn.awaitSent("whatsapp:" + phone, 1, REPLY_TIMEOUT)).hasSize(1);
        TwilioStandIn.sleep(500); // a second reply, if there were one, would be here by now
        assertThat(TwilioStandIn.sentTo("whatsapp:" + phone)).hasSize(1);
        assertThat(outboxRows("whatsapp:" + phone)).isEqualTo(1);
    }

    @Test
    void thirtyConcurrentMessagesFromOnePartnerAreHandledInArrivalOrder() throws Exception {
        String phone = freshPhone();
        String key = "whatsapp:" + phone;
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sids.add(newMessageSid());
        }
        List<HttpResponse<String>> acks = concurrently(30, i -> postSigned(WEBHOOK, whatsappForm(phone, "message " + i, sids.get(i))));
        assertThat(acks).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        for (String sid : sids) {
            assertThat(awaitProcessed(sid, REPLY_TIMEOUT)).isTrue();
        }
        List<TwilioStandIn.Sent> sent = TwilioStandIn.awaitSent(key, 30, REPLY_TIMEOUT);
        assertThat(sent).hasSize(30);

        // arrival order is the order in which the inbox accepted them (seq); processing followed it exactly
        List<Long> seqInProcessingOrder = jdbc.sql("""
                        select i.seq from outbound_messages o join inbound_messages i on i.id = o.inbound_id
                        where o.conversation_key = :k order by o.id""")
                .param("k", key).query(Long.class).list();
        assertThat(seqInProcessingOrder).hasSize(30).isSorted();
        List<Long> processedOrder = jdbc.sql("select seq from inbound_messages where conversation_key = :k order by processed_at, id")
                .param("k", key).query(Long.class).list();
        assertThat(processedOrder).isSorted();
        // and Twilio received the replies in that order
        List<String> queuedBodies = jdbc.sql("select body from outbound_messages where conversation_key = :k order by id")
                .param("k", key).query(String.class).list();
        assertThat(sent.stream().map(TwilioStandIn.Sent::body).toList()).isEqualTo(queuedBodies);
        // the first accepted message got the greeting, whichever HTTP request carried it
        assertThat(queuedBodies.get(0)).contains("What is your name?");
    }

    @Test
    void twilioAnswering429ThenAcceptingDeliversExactlyOnce() {
        String phone = freshPhone();
        String to = "whatsapp:" + phone;
        var wiremock = TwilioStandIn.client();
        wiremock.register(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json"))
                .withRequestBody(containing("To=whatsapp%3A" + phone.replace("+", "%2B")))
                .atPriority(1)
                .inScenario("rate-limited-" + phone).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("accepted")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"more_info\": \"https://www.twilio.com/docs/errors/20429\", \"status\": 429}")));
        String sid = newMessageSid();
        assertThat(postSigned(WEBHOOK, whatsappForm(phone, "hi", sid)).statusCode()).isEqualTo(200);

        List<TwilioStandIn.Sent> attempts = TwilioStandIn.awaitSent(to, 2, Duration.ofSeconds(20));
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).body()).isEqualTo(attempts.get(1).body());
        TwilioStandIn.sleep(500);
        assertThat(TwilioStandIn.sentTo(to)).hasSize(2); // one refused, one accepted, no third
        Map<String, Object> row = jdbc.sql("select status, attempts, provider_message_id from outbound_messages where conversation_key = :k")
                .param("k", to).query().singleRow();
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("attempts")).isEqualTo(2);
        assertThat((String) row.get("provider_message_id")).startsWith("SM");
    }

    @Test
    void malformedAndMissingFieldsGetA4xxNeverA5xx() {
        String phone = freshPhone();
        Map<String, String> noSid = whatsappForm(phone, "hi", newMessageSid());
        noSid.remove("MessageSid");
        noSid.remove("SmsMessageSid");
        assertBadRequest(postSigned(WEBHOOK, noSid));

        Map<String, String> noFrom = whatsappForm(phone, "hi", newMessageSid());
        noFrom.remove("From");
        assertBadRequest(postSigned(WEBHOOK, noFrom));

        Map<String, String> badFrom = whatsappForm(phone, "hi", newMessageSid());
        badFrom.put("From", "whatsapp:not-a-number");
        assertBadRequest(postSigned(WEBHOOK, badFrom));

        // a body Tomcat cannot decode, signed over nothing: refused as unsigned-for-these-params
        HttpResponse<String> garbage = postRaw(WEBHOOK, "application/x-www-form-urlencoded", "Body=%E0%A4&&==&%zz",
                new com.shisha.channels.twilio.TwilioSignature(AUTH_TOKEN).sign(PUBLIC_BASE + WEBHOOK, Map.of()));
        assertThat(garbage.statusCode()).isBetween(400, 499);
        HttpResponse<String> json = postRaw(WEBHOOK, "application/json", "{\"Body\":\"hi\"}", null);
        assertThat(json.statusCode()).isBetween(400, 499);
        HttpResponse<String> empty = postRaw(WEBHOOK, null, "", null);
        assertThat(empty.statusCode()).isBetween(400, 499);
    }

    @Test
    void controlCharactersInBodyAndProfileNameAreStrippedAndTheMessageIsAnsweredOnce() {
        String phone = freshPhone();
        String sid = newMessageSid();
        Map<String, String> form = whatsappForm(phone, "hi\u0000\u0007", sid);
        form.put("ProfileName", "Te\u0000st\u001b");
        // PostgreSQL refuses NUL in text: were it passed on, every delivery would be a 503 and Twilio would retry forever
        assertThat(postSigned(WEBHOOK, form).statusCode()).isEqualTo(200);
        assertThat(postSigned(WEBHOOK, form).statusCode()).as("the redelivery, a duplicate").isEqualTo(200);
        assertThat(awaitProcessed(sid, REPLY_TIMEOUT)).isTrue();
        assertThat(jdbc.sql("select body || '|' || profile_name from inbound_messages where provider_message_id = :sid")
                .param("sid", sid).query(String.class).single()).isEqualTo("hi|Test");
        assertThat(TwilioStandIn.awaitSent("whatsapp:" + phone, 1, REPLY_TIMEOUT)).hasSize(1);
    }

    @Test
    void aMalformedToOrFromOrAnotherAccountIsRefusedAndNothingIsStored() {
        String phone = freshPhone();
        Map<String, String> nulTo = whatsappForm(phone, "hi", newMessageSid());
        nulTo.put("To", WHATSAPP_FROM + "\u0000");
        assertBadRequest(postSigned(WEBHOOK, nulTo));

        Map<String, String> noPlus = whatsappForm(phone, "hi", newMessageSid());
        noPlus.put("From", "whatsapp:" + phone.substring(1));
        assertBadRequest(postSigned(WEBHOOK, noPlus));

        Map<String, String> smsNoPlus = smsForm(phone, "hi", newMessageSid());
        smsNoPlus.put("From", phone.substring(1));
        assertBadRequest(postSigned(WEBHOOK, smsNoPlus));

        Map<String, String> foreign = whatsappForm(phone, "hi", newMessageSid());
        foreign.put("AccountSid", "AC" + "e".repeat(32));
        assertThat(postSigned(WEBHOOK, foreign).statusCode()).isEqualTo(403);
        Map<String, String> noAccount = whatsappForm(phone, "hi", newMessageSid());
        noAccount.remove("AccountSid");
        assertThat(postSigned(WEBHOOK, noAccount).statusCode()).isEqualTo(403);
        assertThat(postSigned("/webhooks/twilio/status", Map.of("MessageSid", newMessageSid(), "MessageStatus", "delivered",
                "AccountSid", "AC" + "e".repeat(32), "To", "whatsapp:" + phone, "From", WHATSAPP_FROM)).statusCode()).isEqualTo(403);

        assertThat(jdbc.sql("select count(*) from inbound_messages where conversation_key in (:keys)")
                .param("keys", List.of("whatsapp:" + phone, "sms:" + phone, "whatsapp:" + phone.substring(1), "sms:" + phone.substring(1)))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void tenThousandCharacterBodyIsStoredWholeAndAnswered() {
        String phone = freshPhone();
        String sid = newMessageSid();
        String body = "आ".repeat(5_000) + "x".repeat(5_000);
        assertThat(postSigned(WEBHOOK, whatsappForm(phone, body, sid)).statusCode()).isEqualTo(200);
        assertThat(awaitProcessed(sid, REPLY_TIMEOUT)).isTrue();
        assertThat(jdbc.sql("select length(body) from inbound_messages where provider_message_id = :sid")
                .param("sid", sid).query(Integer.class).single()).isEqualTo(10_000);
        List<TwilioStandIn.Sent> sent = TwilioStandIn.awaitSent("whatsapp:" + phone, 1, REPLY_TIMEOUT);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).body()).contains("very long (10,000 characters)");
    }

    @Test
    void statusCallbacksAreDedupedAndNeverMoveBackwards() {
        String phone = freshPhone();
        String to = "whatsapp:" + phone;
        sayAndAwaitReply(phone, "hi");
        assertThat(TwilioStandIn.sentTo(to).get(0).statusCallback()).isEqualTo(PUBLIC_BASE + "/webhooks/twilio/status");
        String sid = awaitProviderSid(to);
        for (String status : List.of("queued", "sent", "delivered", "sent", "delivered", "read", "delivered")) {
            HttpResponse<String> r = postSigned("/webhooks/twilio/status", Map.of("MessageSid", sid, "MessageStatus", status,
                    "AccountSid", TwilioStandIn.ACCOUNT_SID, "To", to, "From", WHATSAPP_FROM));
            assertThat(r.statusCode()).isEqualTo(200);
        }
        assertThat(jdbc.sql("select count(*) from message_status_events where message_sid = :sid").param("sid", sid)
                .query(Integer.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select delivery_status from outbound_messages where provider_message_id = :sid").param("sid", sid)
                .query(String.class).single()).isEqualTo("read");
        HttpResponse<String> unsigned = postForm("/webhooks/twilio/status", Map.of("MessageSid", sid, "MessageStatus", "failed"), null);
        assertThat(unsigned.statusCode()).isEqualTo(403);
    }

    @Test
    void aSendInterruptedByACrashIsReconciledWithTwilioBeforeSendingAgain() {
        String phone = freshPhone();
        String to = "whatsapp:" + phone;
        sayAndAwaitReply(phone, "hi");
        // two rows left SENDING by a "crashed" instance (lease run out): Twilio has the first, not the second
        TwilioStandIn.acceptDirectly(to, WHATSAPP_FROM, "reached Twilio before the crash");
        long reached = strandedRow(to, "reached Twilio before the crash");
        long lost = strandedRow(to, "lost in the crash");

        List<TwilioStandIn.Sent> sent = TwilioStandIn.awaitSent(to, 3, REPLY_TIMEOUT);
        TwilioStandIn.sleep(500);
        assertThat(TwilioStandIn.sentTo(to).stream().map(TwilioStandIn.Sent::body).filter(b -> b.contains("crash")))
                .containsExactly("reached Twilio before the crash", "lost in the crash");
        assertThat(sent).hasSize(3);
        for (long id : List.of(reached, lost)) {
            Map<String, Object> row = jdbc.sql("select status, provider_message_id from outbound_messages where id = :id")
                    .param("id", id).query().singleRow();
            assertThat(row.get("status")).isEqualTo("SENT");
            assertThat((String) row.get("provider_message_id")).startsWith("SM");
        }
    }

    @Test
    void confirmedOnboardingIsStoredAsThePartnersProfile() {
        String phone = freshPhone();
        for (String text : List.of("hi", "Lata Devi", "2", "Varanasi", "3, 5")) {
            sayAndAwaitReply(phone, text);
        }
        assertThat(sayAndAwaitReply(phone, "haan").body()).contains("सब तैयार है, Lata Devi!");
        Map<String, Object> partner = jdbc.sql("select name, language, city, array_to_string(products, ',') as products, onboarded_at from partners where phone = :p")
                .param("p", phone).query().singleRow();
        assertThat(partner.get("name")).isEqualTo("Lata Devi");
        assertThat(partner.get("language")).isEqualTo("hi");
        assertThat(partner.get("city")).isEqualTo("Varanasi");
        assertThat(partner.get("products")).isEqualTo("INSURANCE,DEMAT");
        assertThat(partner.get("onboarded_at")).isNotNull();
    }

    private long strandedRow(String conversationKey, String body) {
        return jdbc.sql("""
                        insert into outbound_messages (conversation_key, from_address, body, status, attempts, lease_until)
                        values (:k, :from, :body, 'SENDING', 1, now() - interval '1 second') returning id""")
                .param("k", conversationKey).param("from", WHATSAPP_FROM).param("body", body).query(Long.class).single();
    }

    private String awaitProviderSid(String conversationKey) {
        for (int i = 0; i < 200; i++) {
            var sid = jdbc.sql("select provider_message_id from outbound_messages where conversation_key = :k and status = 'SENT'")
                    .param("k", conversationKey).query(String.class).optional();
            if (sid.isPresent()) {
                return sid.get();
            }
            TwilioStandIn.sleep(20);
        }
        throw new AssertionError("no SENT row for " + conversationKey);
    }

    private static void assertBadRequest(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"error\":\"bad_request\"");
    }

    private static Map<String, String[]> toParams(Map<String, String> form) {
        Map<String, String[]> p = new java.util.HashMap<>();
        form.forEach((k, v) -> p.put(k, new String[]{v}));
        return p;
    }

    interface Call {
        HttpResponse<String> run(int i);
    }

    /** Starts n calls at the same instant (behind a latch) and waits for all. */
    static List<HttpResponse<String>> concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return call.run(index);
                }, pool));
            }
            start.countDown();
            List<HttpResponse<String>> results = new ArrayList<>();
            for (var f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
