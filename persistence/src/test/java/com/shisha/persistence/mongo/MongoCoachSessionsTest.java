package com.shisha.persistence.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.coach.CoachEscalations;
import com.shisha.core.coach.CoachReply;
import com.shisha.core.coach.CoachSessions;
import com.shisha.core.coach.CoachSessions.Turn;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class MongoCoachSessionsTest {

    private static MongoServer server;
    private static MongoClient client;
    private static MongoDatabase db;
    private static final AtomicInteger numbers = new AtomicInteger(100_000);

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort());
        db = client.getDatabase("shisha-test");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    /** Tests share one server and isolate by partner. */
    private static ConversationKey freshPartner() {
        return new ConversationKey(Channel.WHATSAPP, "+9198765" + numbers.incrementAndGet());
    }

    private static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");

    private static CoachReply reply(String id, String text) {
        return new CoachReply(id, null, text, List.of(new CoachReply.Source("loans.emi-explained", "EMI explained")),
                CoachReply.Mode.MODEL, CoachReply.ModelState.ANSWERED, com.shisha.core.Language.EN);
    }

    @Test
    void appendsTurnsAndReadsTheRecentOnesOldestFirst() {
        CoachSessions sessions = new MongoCoachSessions(db, 50);
        ConversationKey partner = freshPartner();
        sessions.append(partner, Turn.partner("what is an EMI?", T0));
        sessions.append(partner, Turn.coach(reply("a1", "A fixed monthly payment [loans.emi-explained]"), T0.plusSeconds(2)));
        sessions.append(partner, Turn.partner("and tenure?", T0.plusSeconds(60)));

        List<Turn> recent = sessions.recent(partner, 2);

        assertThat(recent).extracting(Turn::text).containsExactly("A fixed monthly payment [loans.emi-explained]", "and tenure?");
        assertThat(recent.get(0)).isEqualTo(new Turn(CoachSessions.Role.COACH, "A fixed monthly payment [loans.emi-explained]",
                "a1", List.of("loans.emi-explained"), CoachReply.Mode.MODEL, T0.plusSeconds(2)));
        assertThat(recent.get(1).role()).isEqualTo(CoachSessions.Role.PARTNER);
        assertThat(sessions.recent(freshPartner(), 5)).isEmpty();
    }

    @Test
    void aQuestionAndItsAnswerAreAppendedTogether() {
        CoachSessions sessions = new MongoCoachSessions(db);
        ConversationKey partner = freshPartner();
        sessions.append(partner, List.of(Turn.partner("what is an EMI?", T0), Turn.coach(reply("a1", "A fixed monthly payment"), T0.plusSeconds(1))));

        assertThat(sessions.recent(partner, 10)).extracting(Turn::text).containsExactly("what is an EMI?", "A fixed monthly payment");
        Document doc = db.getCollection(MongoCoachSessions.COLLECTION).find(Filters.eq("_id", partner.value())).first();
        assertThat(doc.getString("lastMode")).isEqualTo("MODEL");
        assertThat(doc.getDate("createdAt").toInstant()).isEqualTo(T0);
    }

    @Test
    void keepsOneDocumentPerConversationWithTheTurnsCapped() {
        CoachSessions sessions = new MongoCoachSessions(db, 4);
        ConversationKey partner = freshPartner();
        for (int i = 0; i < 10; i++) {
            sessions.append(partner, Turn.partner("q" + i, T0.plusSeconds(i)));
        }

        assertThat(db.getCollection(MongoCoachSessions.COLLECTION).countDocuments(Filters.eq("_id", partner.value()))).isEqualTo(1);
        Document doc = db.getCollection(MongoCoachSessions.COLLECTION).find(Filters.eq("_id", partner.value())).first();
        assertThat(doc.getList("turns", Document.class)).extracting(t -> t.getString("text")).containsExactly("q6", "q7", "q8", "q9");
        assertThat(doc.getDate("createdAt").toInstant()).isEqualTo(T0);
        assertThat(doc.getDate("updatedAt").toInstant()).isEqualTo(T0.plusSeconds(9));
        assertThat(doc.getString("channel")).isEqualTo("whatsapp");
    }

    @Test
    void feedbackIsStoredOnTheAnswerAndASecondThumbsReplacesTheFirst() {
        MongoCoachSessions sessions = new MongoCoachSessions(db, 50);
        ConversationKey partner = freshPartner();
        sessions.append(partner, Turn.coach(reply("a1", "first"), T0));
        sessions.append(partner, Turn.coach(reply("a2", "second"), T0.plusSeconds(1)));

        assertThat(sessions.feedback(partner, "a2", true)).isTrue();
        assertThat(sessions.feedback(partner, "a2", false)).isTrue();

        assertThat(sessions.feedbackOf(partner, "a2")).contains(false);
        assertThat(sessions.feedbackOf(partner, "a1")).isEmpty();
        Document doc = db.getCollection(MongoCoachSessions.COLLECTION).find(Filters.eq("_id", partner.value())).first();
        assertThat(doc.getList("turns", Document.class).stream().filter(t -> t.containsKey("feedback")).count()).isEqualTo(1);
    }

    @Test
    void feedbackForAnUnknownAnswerOrPartnerIsRefused() {
        MongoCoachSessions sessions = new MongoCoachSessions(db, 50);
        ConversationKey partner = freshPartner();
        sessions.append(partner, Turn.coach(reply("a1", "first"), T0));

        assertThat(sessions.feedback(partner, "nope", true)).isFalse();
        assertThat(sessions.feedback(freshPartner(), "a1", true)).isFalse();
        assertThat(sessions.feedbackOf(partner, "a1")).isEmpty();
    }

    @Test
    void escalationsAreStoredOpenWithAReference() {
        ConversationKey partner = freshPartner();
        String ref = new MongoCoachEscalations(db).record(partner, CoachEscalations.Reason.FRAUD, Language.HI,
                "someone asked my customer for 5000 rupees", T0);

        Document doc = db.getCollection(MongoCoachEscalations.COLLECTION).find(Filters.eq("_id", ref)).first();
        assertThat(ref).matches("SH-[A-Z2-9]{6}");
        assertThat(doc.getString("partner")).isEqualTo(partner.value());
        assertThat(doc.getString("reason")).isEqualTo("FRAUD");
        assertThat(doc.getString("status")).isEqualTo("OPEN");
        assertThat(doc.getString("language")).isEqualTo("hi");
        assertThat(doc.getString("message")).contains("5000");
    }

    /** A turn run again for the same message (after a crash) appends its question and answer once, not twice. */
    @Test
    void anAnswerAppendedAgainIsStoredOnce() {
        CoachSessions sessions = new MongoCoachSessions(db, 50);
        ConversationKey partner = freshPartner();
        List<CoachSessions.Turn> turn = List.of(CoachSessions.Turn.partner("what is an EMI?", T0),
                CoachSessions.Turn.coach(reply("answer-of-SM1", "a monthly instalment"), T0));
        sessions.append(partner, turn);
        sessions.append(partner, turn);
        assertThat(sessions.recent(partner, 10)).hasSize(2);
        sessions.append(partner, List.of(CoachSessions.Turn.partner("and a CIBIL score?", T0.plusSeconds(5)),
                CoachSessions.Turn.coach(reply("answer-of-SM2", "a credit score"), T0.plusSeconds(5))));
        assertThat(sessions.recent(partner, 10)).hasSize(4);
        // a first append for a new partner still creates the conversation
        ConversationKey other = freshPartner();
        sessions.append(other, turn);
        assertThat(sessions.recent(other, 10)).hasSize(2);
    }

    /** An escalation recorded again for the same message keeps its reference and its one record. */
    @Test
    void anEscalationRecordedAgainForTheSameMessageIsOneRecord() {
        MongoCoachEscalations escalations = new MongoCoachEscalations(db);
        ConversationKey partner = freshPartner();
        String first = escalations.record(partner, com.shisha.core.coach.CoachEscalations.Reason.PERSON_REQUESTED,
                com.shisha.core.Language.EN, "talk to a person", T0, "SM" + partner.address());
        String again = escalations.record(partner, com.shisha.core.coach.CoachEscalations.Reason.PERSON_REQUESTED,
                com.shisha.core.Language.EN, "talk to a person", T0, "SM" + partner.address());
        assertThat(again).isEqualTo(first).matches("SH-[A-Z2-9]{6}");
        assertThat(db.getCollection(MongoCoachEscalations.COLLECTION).countDocuments(
                com.mongodb.client.model.Filters.eq("partner", partner.value()))).isEqualTo(1);
    }
}
