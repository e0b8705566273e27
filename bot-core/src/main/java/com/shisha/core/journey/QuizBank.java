package com.shisha.core.journey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** The seeded question bank. Immutable once loaded; cheap to share between threads. */
public final class QuizBank {

    private final Map<String, QuizQuestion> byId = new java.util.LinkedHashMap<>();
    private final Map<Skill, List<QuizQuestion>> bySkill = new EnumMap<>(Skill.class);

    public QuizBank(List<QuizQuestion> questions) {
        for (QuizQuestion q : questions) {
            if (byId.put(q.id(), q) != null) {
                throw new IllegalArgumentException("duplicate quiz question id " + q.id());
            }
            bySkill.computeIfAbsent(q.skill(), s -> new ArrayList<>()).add(q);
        }
        for (Skill skill : Skill.values()) {
            if (!bySkill.containsKey(skill)) {
                throw new IllegalArgumentException("the quiz bank has no question for skill " + skill.code());
            }
        }
    }

    public Optional<QuizQuestion> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<QuizQuestion> all() {
        return List.copyOf(byId.values());
    }

    /**
     * Draws a run of {@code n} questions across skills: every skill once (in random order) before any skill
     * twice, and no question twice. Weakest skills come first in the second round, so retakes probe them more.
     */
    public List<QuizQuestion> draw(int n, Random random, Map<Skill, Integer> currentScores) {
        Map<Skill, List<QuizQuestion>> pools = new EnumMap<>(Skill.class);
        bySkill.forEach((skill, qs) -> {
            List<QuizQuestion> copy = new ArrayList<>(qs);
            Collections.shuffle(copy, random);
            pools.put(skill, copy);
        });
        List<Skill> order = new ArrayList<>(List.of(Skill.values()));
        Collections.shuffle(order, random);
        List<Skill> weakestFirst = new ArrayList<>(order);
        weakestFirst.sort((a, b) -> Integer.compare(currentScores.getOrDefault(a, 0), currentScores.getOrDefault(b, 0)));
        List<QuizQuestion> run = new ArrayList<>(n);
        for (int round = 0; run.size() < n; round++) {
            boolean added = false;
            for (Skill skill : round == 0 ? order : weakestFirst) {
                List<QuizQuestion> pool = pools.get(skill);
                if (run.size() < n && !pool.isEmpty()) {
                    run.add(pool.remove(pool.size() - 1));
                    added = true;
                }
            }
            if (!added) {
                break; // the bank is smaller than n
            }
        }
        return run;
    }
}
