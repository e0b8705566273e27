package com.shisha.core.companion;

import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.JourneyUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Journey writes made by the companion app rather than by a dialog turn. They are the same
 * {@link JourneyEffect}s, committed by the same writer (so badges, quests and points follow the same rules and
 * are never awarded twice), each call in its own transaction.
 */
public interface AppJourney {

    /** @return the badges and quests these effects unlocked */
    List<JourneyUpdate.Award> apply(long partnerId, List<JourneyEffect> effects);

    /** Records a quiz run drawn for the partner; answers are checked against it later. */
    /** @param language the run's language, kept with it */
    QuizRun startQuiz(long partnerId, List<String> questionIds, com.shisha.core.Language language);

    /** A run of this partner; empty for another partner's run or an unknown id. */
    Optional<QuizRun> quizRun(long partnerId, String runId);

    /**
     * Marks the run answered and applies its completion in one transaction; empty when the run was answered
     * already (a double submit must not count twice).
     */
    Optional<List<JourneyUpdate.Award>> submitQuiz(long partnerId, String runId, String chosenLetters,
                                                     JourneyEffect.QuizCompleted completed);

    /** Every badge there is, in display order, with when this partner earned it (null: not yet). */
    List<Achievement> achievements(long partnerId);

    /** The partner's finished quiz attempts, newest first. */
    Page<QuizAttempt> quizAttempts(long partnerId, int page, int size);

    /** @param chosen the letters answered, one per question; null until submitted */
    /** @param language the language it was drawn in; null for runs from before runs kept one */
    record QuizRun(String id, long partnerId, List<String> questionIds, Instant startedAt, String chosen, Instant submittedAt,
                   com.shisha.core.Language language) {
        public QuizRun {
            questionIds = List.copyOf(questionIds);
        }

        public boolean submitted() {
            return submittedAt != null;
        }
    }

    /** @param metric what the badge counts (quizzes, leads_contacted, sales, streak_days, skill_level_ups, followers) */
    record Achievement(String code, String nameEn, String nameHi, String metric, int threshold, int points, Instant awardedAt) {
        public boolean earned() {
            return awardedAt != null;
        }
    }

    record QuizAttempt(int attemptNo, int correct, int total, Instant startedAt, Instant finishedAt) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
        public Page {
            items = List.copyOf(items);
        }
    }
}
