package com.shisha.core.coach;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;

import java.time.Instant;

/**
 * Reports the coach must not handle itself (a complaint, a fraud, harassment, mis-selling) go to people.
 * The record is what an operator works from: who, what kind, their words, when.
 */
public interface CoachEscalations {

    enum Reason {
        COMPLAINT, FRAUD, HARASSMENT, MIS_SELLING,
        /** The partner asked to talk to a person. */
        PERSON_REQUESTED
    }

    /** @return a short reference the partner can quote to support */
    String record(ConversationKey partner, Reason reason, Language language, String message, Instant at);

    /**
     * Records once per inbound message: a turn run again for the same message (after a crash) gets the same
     * reference back and stores nothing twice. Without an implementation of its own, a new record each time.
     */
    default String record(ConversationKey partner, Reason reason, Language language, String message, Instant at, String messageId) {
        return record(partner, reason, language, message, at);
    }
}
