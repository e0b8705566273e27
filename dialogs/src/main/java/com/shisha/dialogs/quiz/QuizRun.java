package com.shisha.dialogs.quiz;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A quiz under way, kept in the conversation's slots: the questions drawn, how far the partner got, the letters
 * answered. It refuses an answer once every question has one; it is written once, when it ends (the turn that
 * finishes it records the whole run).
 */
public record QuizRun(List<String> questionIds, int position, String answers, Instant startedAt) {

    static final String IDS = "quiz.ids";
    static final String POSITION = "quiz.pos";
    static final String ANSWERS = "quiz.answers";
    static final String STARTED = "quiz.started";

    public QuizRun {
        questionIds = List.copyOf(questionIds);
        if (questionIds.isEmpty() || position < 0 || position > questionIds.size() || answers.length() != position) {
            throw new IllegalArgumentException("a quiz run of " + questionIds.size() + " questions at " + position
                    + " with " + answers.length() + " answers");
        }
    }

    static QuizRun start(List<String> questionIds, Instant now) {
        return new QuizRun(questionIds, 0, "", now);
    }

    /** The run in the slots; empty when there is none (or what is there no longer makes a run). */
    public static Optional<QuizRun> of(Map<String, String> slots) {
        String ids = slots.get(IDS);
        if (ids == null || ids.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new QuizRun(Arrays.asList(ids.split(",")), Integer.parseInt(slots.getOrDefault(POSITION, "0")),
                    slots.getOrDefault(ANSWERS, ""), Instant.ofEpochMilli(Long.parseLong(slots.getOrDefault(STARTED, "0")))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void writeTo(Map<String, String> slots) {
        slots.put(IDS, String.join(",", questionIds));
        slots.put(POSITION, Integer.toString(position));
        slots.put(ANSWERS, answers);
        slots.put(STARTED, Long.toString(startedAt.toEpochMilli()));
    }

    static void clear(Map<String, String> slots) {
        slots.remove(IDS);
        slots.remove(POSITION);
        slots.remove(ANSWERS);
        slots.remove(STARTED);
    }

    public boolean finished() {
        return position >= questionIds.size();
    }

    String currentId() {
        if (finished()) {
            throw new IllegalStateException("the quiz is finished");
        }
        return questionIds.get(position);
    }

    QuizRun answer(char letter) {
        if (finished()) {
            throw new IllegalStateException("every question of this quiz is answered");
        }
        return new QuizRun(questionIds, position + 1, answers + letter, startedAt);
    }
}
