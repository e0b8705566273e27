package com.shisha.core.journey;

import java.util.List;

/**
 * The journey part of a turn: the partner, the effects, and how to announce badges and quests the effects
 * unlock. Which awards a turn unlocks is only known inside the commit (rules are evaluated on committed
 * data, so concurrent turns can never award one badge twice), hence the announcer rather than a text.
 */
public record JourneyUpdate(long partnerId, List<JourneyEffect> effects, Announcer announcer) {

    public JourneyUpdate {
        effects = List.copyOf(effects);
    }

    /** Renders newly unlocked awards in the partner's language, appended to the turn's reply. */
    @FunctionalInterface
    public interface Announcer {
        String announce(List<Award> awards);
    }

    public enum AwardType { BADGE, QUEST }

    public record Award(AwardType type, String code, String nameEn, String nameHi, int points) {
    }
}
