package com.shisha.core.journey;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A change a dialog turn makes to journey data. Effects are committed in the same transaction as the turn
 * (state, processed mark, replies), so a turn that is retried after a crash never applies them twice.
 */
public sealed interface JourneyEffect {

    /** @param newScores the skills this run assessed, with the scores to store ({@link SkillScoring}) */
    record QuizCompleted(Instant startedAt, List<Answer> answers, Map<Skill, Integer> newScores) implements JourneyEffect {
        public QuizCompleted {
            answers = List.copyOf(answers);
            newScores = Map.copyOf(newScores);
        }
    }

    /** @param chosen the option letter A-D */
    record Answer(String questionId, Skill skill, char chosen, boolean correct) {
    }

    record LeadsOffered(List<Long> leadIds) implements JourneyEffect {
        public LeadsOffered {
            leadIds = List.copyOf(leadIds);
        }
    }

    enum OutcomeKind {
        CALLED, INTERESTED, SOLD, NOT_INTERESTED, WRONG_NUMBER;

        /** Outcomes after which the lead is closed and never offered again. */
        public boolean closes() {
            return this == SOLD || this == NOT_INTERESTED || this == WRONG_NUMBER;
        }
    }

    /** @param amount the sale amount in rupees; only for SOLD */
    record LeadOutcome(long leadId, OutcomeKind kind, BigDecimal amount) implements JourneyEffect {
        public LeadOutcome {
            if ((kind == OutcomeKind.SOLD) != (amount != null)) {
                throw new IllegalArgumentException("a sale needs an amount, and only a sale has one");
            }
        }
    }

    record Follow(long followeeId) implements JourneyEffect {
    }

    record Unfollow(long followeeId) implements JourneyEffect {
    }

    record NextBestActionChosen(NextBestAction action) implements JourneyEffect {
    }

    /**
     * A call review's verdict on the partner's skills: each delta moves the stored score (a skill never assessed
     * starts from {@link #UNASSESSED_START}), clamped to 0-100.
     */
    record CallReviewed(String reviewId, Map<Skill, Integer> skillDeltas) implements JourneyEffect {
        public static final int UNASSESSED_START = 50;

        public CallReviewed {
            skillDeltas = Map.copyOf(skillDeltas);
        }
    }

    /**
     * The partner asked SHISHA to connect them to a lead by phone.
     *
     * @param record  the partner agreed that this call be recorded for review (both sides hear a notice)
     * @param callSid the phone-line call the partner asked from (bridged on it), or null: SHISHA calls them first
     */
    record CallToLead(long leadId, boolean record, String callSid) implements JourneyEffect {
    }
}
