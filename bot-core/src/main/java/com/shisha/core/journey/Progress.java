package com.shisha.core.journey;

import com.shisha.core.Language;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A partner's standing: the strand, earnings, points, badges, quests of this week and activity counts. */
public record Progress(Map<Skill, SkillScore> strand, BigDecimal earningsThisMonth, BigDecimal earningsTotal, int points,
                       List<Badge> badges, List<QuestProgress> quests, int quizzes, int leadsContacted, int sales,
                       int streakDays, int leadsHeld) {

    public Progress {
        strand = Map.copyOf(strand);
        badges = List.copyOf(badges);
        quests = List.copyOf(quests);
    }

    /** @param previous the score before the last assessment, null after the first; initial is the first quiz's */
    public record SkillScore(int score, int level, Integer previous, int initial) {
    }

    public record Badge(String code, String nameEn, String nameHi, int points) {
        public String name(Language language) {
            return language == Language.HI ? nameHi : nameEn;
        }
    }

    public record QuestProgress(String code, String nameEn, String nameHi, int progress, int target, int points) {
        public String name(Language language) {
            return language == Language.HI ? nameHi : nameEn;
        }

        public boolean done() {
            return progress >= target;
        }
    }
}
