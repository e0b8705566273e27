package com.shisha.persistence.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.shisha.core.ConversationKey;
import com.shisha.core.coach.CoachReply;
import com.shisha.core.coach.CoachSessions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Collection {@code ai_coach_chat_sessions}: one document per partner conversation, {@code _id} the conversation
 * key, with its turns in one array capped at {@code maxTurns} (oldest dropped by {@code $push ... $slice}), so a
 * chatty partner's document stays far below Mongo's 16 MB and a read of the recent turns is one small fetch.
 * Feedback lives on the answer's turn; an answer that has been dropped by the cap can no longer take feedback.
 */
public final class MongoCoachSessions implements CoachSessions {

    public static final String COLLECTION = "ai_coach_chat_sessions";
    /** 100 questions with their answers: far more than the prompt uses, enough for an operator to read a thread. */
    public static final int DEFAULT_MAX_TURNS = 200;

    private final MongoCollection<Document> sessions;
    private final int maxTurns;

    public MongoCoachSessions(MongoDatabase database) {
        this(database, DEFAULT_MAX_TURNS);
    }

    /** @param maxTurns turns kept per conversation */
    public MongoCoachSessions(MongoDatabase database, int maxTurns) {
        if (maxTurns < 2) {
            throw new IllegalArgumentException("maxTurns must keep at least a question and its answer, was " + maxTurns);
        }
        this.sessions = database.getCollection(COLLECTION);
        this.maxTurns = maxTurns;
    }

    @Override
    public void append(ConversationKey partner, List<Turn> turns) {
        if (turns.isEmpty()) {
            return;
        }
        List<Document> docs = turns.stream().map(MongoCoachSessions::toDocument).toList();
        Turn last = turns.get(turns.size() - 1);
        // an answer is appended once: a turn run again for the same message (after a crash) carries the same answer
        // id, and finds it there (the upsert then collides with the existing conversation, which means "done")
        var filter = last.answerId() == null ? Filters.eq("_id", partner.value())
                : Filters.and(Filters.eq("_id", partner.value()), Filters.ne("turns.answerId", last.answerId()));
        try {
            push(filter, partner, turns, docs, last);
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY || last.answerId() == null) {
                throw e;
            }
        }
    }

    private void push(org.bson.conversions.Bson filter, ConversationKey partner, List<Turn> turns, List<Document> docs, Turn last) {
        sessions.updateOne(filter, Updates.combine(
                        Updates.pushEach("turns", docs, new PushOptions().slice(-maxTurns)),
                        Updates.set("updatedAt", Date.from(last.at())),
                        Updates.set("lastMode", last.mode() == null ? null : last.mode().name()),
                        Updates.setOnInsert("channel", partner.channel().prefix()),
                        Updates.setOnInsert("createdAt", Date.from(turns.get(0).at()))),
                new UpdateOptions().upsert(true));
    }

    private static Document toDocument(Turn turn) {
        Document doc = new Document("role", turn.role().name()).append("text", turn.text()).append("at", Date.from(turn.at()));
        if (turn.answerId() != null) {
            doc.append("answerId", turn.answerId());
        }
        if (turn.role() == Role.COACH) {
            doc.append("sources", turn.sources()).append("mode", turn.mode() == null ? null : turn.mode().name());
        }
        return doc;
    }

    @Override
    public List<Turn> recent(ConversationKey partner, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Document session = sessions.find(Filters.eq("_id", partner.value()))
                .projection(new Document("turns", new Document("$slice", -limit))).first();
        if (session == null) {
            return List.of();
        }
        List<Turn> turns = new ArrayList<>();
        for (Document t : session.getList("turns", Document.class, List.of())) {
            turns.add(toTurn(t));
        }
        // the projection trims server-side where supported; trim here too so every server gives the same answer
        return turns.size() <= limit ? turns : List.copyOf(turns.subList(turns.size() - limit, turns.size()));
    }

    @Override
    public boolean feedback(ConversationKey partner, String answerId, boolean helpful) {
        if (answerId == null || answerId.isBlank()) {
            return false;
        }
        // the positional $ sets the thumbs on the matched answer only, replacing an earlier thumbs in place
        return sessions.updateOne(Filters.and(Filters.eq("_id", partner.value()), Filters.eq("turns.answerId", answerId)),
                Updates.set("turns.$.feedback", new Document("helpful", helpful).append("at", new Date())))
                .getMatchedCount() > 0;
    }

    private static Turn toTurn(Document t) {
        String mode = t.getString("mode");
        return new Turn(Role.valueOf(t.getString("role")), t.getString("text"), t.getString("answerId"),
                t.getList("sources", String.class, List.of()), mode == null ? null : CoachReply.Mode.valueOf(mode),
                t.getDate("at").toInstant());
    }

    /** The stored thumbs of an answer, for operators and tests: empty when none was given. */
    public java.util.Optional<Boolean> feedbackOf(ConversationKey partner, String answerId) {
        Document session = sessions.find(Filters.eq("_id", partner.value())).first();
        if (session == null) {
            return java.util.Optional.empty();
        }
        return session.getList("turns", Document.class, List.of()).stream()
                .filter(t -> answerId.equals(t.getString("answerId")))
                .map(t -> t.get("feedback", Document.class)).filter(java.util.Objects::nonNull)
                .map(f -> f.getBoolean("helpful")).findFirst();
    }
}
