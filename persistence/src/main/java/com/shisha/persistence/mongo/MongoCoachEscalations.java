package com.shisha.persistence.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.coach.CoachEscalations;
import org.bson.Document;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;

/**
 * Collection {@code ai_coach_escalations}: one document per report the coach routed to a human, with status OPEN
 * until an operator works it. Operators find open reports with {@code find({status: "OPEN"})}.
 */
public final class MongoCoachEscalations implements CoachEscalations {

    public static final String COLLECTION = "ai_coach_escalations";
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final MongoCollection<Document> escalations;
    private final SecureRandom random = new SecureRandom();

    public MongoCoachEscalations(MongoDatabase database) {
        this.escalations = database.getCollection(COLLECTION);
    }

    @Override
    public String record(ConversationKey partner, Reason reason, Language language, String message, Instant at) {
        String reference = reference();
        insert(reference, partner, reason, language, message, at);
        return reference;
    }

    /** The reference follows from the message, so a turn run again for it finds its record instead of adding one. */
    @Override
    public String record(ConversationKey partner, Reason reason, Language language, String message, Instant at, String messageId) {
        if (messageId == null) {
            return record(partner, reason, language, message, at);
        }
        String reference = reference(messageId);
        try {
            insert(reference, partner, reason, language, message, at);
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return reference;
    }

    private void insert(String reference, ConversationKey partner, Reason reason, Language language, String message, Instant at) {
        escalations.insertOne(new Document("_id", reference)
                .append("partner", partner.value())
                .append("reason", reason.name())
                .append("language", language.code())
                .append("message", message)
                .append("status", "OPEN")
                .append("at", Date.from(at)));
    }

    /** 6 characters of the message id's SHA-256: 32^6 = 10^9 references, so collisions between messages are rare. */
    static String reference(String messageId) {
        byte[] hash;
        try {
            hash = java.security.MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder ref = new StringBuilder("SH-");
        for (int i = 0; i < 6; i++) {
            ref.append(ALPHABET[(hash[i] & 0xFF) % ALPHABET.length]);
        }
        return ref.toString();
    }

    /** Short enough to read out on a call, without letters that look like digits (O/0, I/1). */
    private String reference() {
        StringBuilder ref = new StringBuilder("SH-");
        for (int i = 0; i < 6; i++) {
            ref.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return ref.toString();
    }
}
