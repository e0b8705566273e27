package com.shisha.persistence.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.coach.CallAnalysis;
import com.shisha.core.coach.CallAnalysis.Scoring;
import com.shisha.core.coach.CallReviews.Rubric;
import com.shisha.core.coach.CallReviews.Source;
import com.shisha.core.journey.Skill;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Against mongo-java-server speaking the wire protocol to the real driver, in process. */
class MongoCallAnalysesTest {

    private static MongoServer server;
    private static MongoClient client;
    private static MongoDatabase database;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("shisha_test");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void an_analysis_reads_back_exactly_as_saved_with_its_phone_number_unmasked() {
        MongoCallAnalyses store = new MongoCallAnalyses(database);
        CallAnalysis saved = analysis("whatsapp:+919812345678", Instant.parse("2026-11-26T06:00:00.123Z"), true);

        store.save(saved);

        assertThat(store.find(saved.id())).contains(saved);
        Document raw = database.getCollection(MongoCallAnalyses.COLLECTION)
                .find(com.mongodb.client.model.Filters.eq("_id", saved.id())).first();
        assertThat(raw.getString("partner")).isEqualTo("whatsapp:+919812345678");
        assertThat(raw.get("scores", Document.class).getInteger("need_discovery")).isEqualTo(30);
        assertThat(raw.get("skillDeltas", Document.class).getInteger("need_discovery")).isEqualTo(-1);
    }

    @Test
    void an_analysis_by_the_rubric_alone_has_no_model_part() {
        MongoCallAnalyses store = new MongoCallAnalyses(database);
        CallAnalysis saved = analysis("sms:+919800000001", Instant.parse("2026-11-26T06:00:00Z"), false);

        store.save(saved);

        CallAnalysis read = store.find(saved.id()).orElseThrow();
        assertThat(read.model()).isNull();
        assertThat(read.modelRaw()).isNull();
        assertThat(read).isEqualTo(saved);
        assertThat(store.find("no-such-id")).isEmpty();
    }

    @Test
    void saving_again_replaces_and_recent_ones_come_newest_first_for_that_partner_only() {
        MongoCallAnalyses store = new MongoCallAnalyses(database);
        String partner = "whatsapp:+91990000" + (System.nanoTime() % 10_000);
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        CallAnalysis oldest = analysis(partner, t, true);
        CallAnalysis middle = analysis(partner, t.plus(1, ChronoUnit.HOURS), false);
        CallAnalysis newest = analysis(partner, t.plus(2, ChronoUnit.HOURS), true);
        store.save(middle);
        store.save(newest);
        store.save(oldest);
        store.save(analysis("whatsapp:+919811111111", t.plus(3, ChronoUnit.HOURS), true));
        store.save(oldest);

        assertThat(store.recentFor(partner, 10)).extracting(CallAnalysis::id)
                .containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(store.recentFor(partner, 2)).extracting(CallAnalysis::id).containsExactly(newest.id(), middle.id());
    }

    private static CallAnalysis analysis(String partner, Instant startedAt, boolean byModel) {
        Map<Rubric, Integer> rubric = new EnumMap<>(Rubric.class);
        Map<Rubric, List<String>> evidence = new EnumMap<>(Rubric.class);
        for (Rubric item : Rubric.values()) {
            rubric.put(item, 10 * item.ordinal() + 20);
            evidence.put(item, List.of("quote " + item.ordinal()));
        }
        Map<Rubric, Integer> model = new EnumMap<>(rubric);
        model.put(Rubric.OPENING, 90);
        Scoring modelScoring = byModel ? new Scoring(model, Map.of(Rubric.OPENING, List.of("नमस्ते जी"))) : null;
        return new CallAnalysis(UUID.randomUUID().toString(), partner, Language.HI, Source.VOICE_NOTE, 1234, byModel,
                "Partner: नमस्ते जी\nCustomer: haan", new Scoring(rubric, evidence), modelScoring,
                byModel ? "```{\"scores\":{}}```" : null, byModel ? "{\"scores\":{}}" : null,
                byModel ? List.of("code fence removed") : List.of(), byModel ? null : "model timeout: 8000 ms",
                byModel ? model : rubric, byModel ? List.of(Rubric.OPENING) : List.of(), byModel, Product.INSURANCE,
                List.of("tip one", "tip two", "tip three"), Map.of(Skill.NEED_DISCOVERY, -1, Skill.INSURANCE, 2),
                startedAt, startedAt.plusMillis(2500));
    }
}
