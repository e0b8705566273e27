package com.shisha.dialogs.progress;

import com.shisha.core.Language;
import com.shisha.core.journey.NextBestAction;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The next best action last chosen, in both languages, kept in the conversation's slots so the main menu can show
 * it without asking the database each time; stale after an hour, or at once after a quiz, an outcome or a sale.
 */
public record NextStepNote(String kind, String en, String hi, Instant at) {

    static final String KIND = "nba.kind";
    static final String EN = "nba.en";
    static final String HI = "nba.hi";
    static final String AT = "nba.at";
    /** The menu's next best action is recomputed when older than this (and after quizzes and outcomes). */
    static final Duration FRESH = Duration.ofHours(1);

    static Optional<NextStepNote> of(Map<String, String> slots) {
        String at = slots.get(AT);
        if (at == null || slots.get(EN) == null || slots.get(HI) == null) {
            return Optional.empty();
        }
        return Optional.of(new NextStepNote(slots.get(KIND), slots.get(EN), slots.get(HI), Instant.ofEpochMilli(Long.parseLong(at))));
    }

    static NextStepNote of(NextBestAction nba, Instant now) {
        return new NextStepNote(nba.kind(), nba.textEn(), nba.textHi(), now);
    }

    void writeTo(Map<String, String> slots) {
        if (kind != null) {
            slots.put(KIND, kind);
        }
        slots.put(EN, en);
        slots.put(HI, hi);
        slots.put(AT, Long.toString(at.toEpochMilli()));
    }

    /** Journey work changed what comes next: the menu chooses again. */
    static void stale(Map<String, String> slots) {
        slots.remove(AT);
    }

    boolean fresh(Instant now) {
        return Duration.between(at, now).compareTo(FRESH) <= 0;
    }

    String text(Language language) {
        return language == Language.HI ? hi : en;
    }
}
