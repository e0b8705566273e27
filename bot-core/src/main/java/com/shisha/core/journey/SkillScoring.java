package com.shisha.core.journey;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * From quiz answers to skill scores. A run's score per skill is the share answered right; a retake moves the
 * stored score 60% of the way to the new result, so one lucky or unlucky question does not swing a level.
 */
public final class SkillScoring {

    private SkillScoring() {
    }

    public static Map<Skill, Integer> newScores(List<JourneyEffect.Answer> answers, Map<Skill, Integer> current) {
        Map<Skill, int[]> perSkill = new EnumMap<>(Skill.class);
        for (JourneyEffect.Answer a : answers) {
            int[] counts = perSkill.computeIfAbsent(a.skill(), s -> new int[2]);
            counts[0] += a.correct() ? 1 : 0;
            counts[1]++;
        }
        Map<Skill, Integer> scores = new EnumMap<>(Skill.class);
        perSkill.forEach((skill, c) -> {
            int run = Math.round(100f * c[0] / c[1]);
            Integer before = current.get(skill);
            scores.put(skill, before == null ? run : Math.round(0.4f * before + 0.6f * run));
        });
        return scores;
    }

    /** A text bar of ten cells, e.g. 60 -> "▓▓▓▓▓▓░░░░". */
    public static String bar(int score) {
        int filled = Math.max(0, Math.min(10, Math.round(score / 10f)));
        return "▓".repeat(filled) + "░".repeat(10 - filled);
    }
}
