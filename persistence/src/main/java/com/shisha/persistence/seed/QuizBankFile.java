package com.shisha.persistence.seed;

import com.shisha.core.Language;
import com.shisha.core.journey.QuizBank;
import com.shisha.core.journey.QuizQuestion;
import com.shisha.core.journey.Skill;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The quiz questions of {@code seed/quiz-questions.json}: an array of
 * {@code {"id", "skill", "topic", "difficulty", "answer": "A".."D", "en": {"q", "options", "explain"}, "hi": {...}}}.
 */
public final class QuizBankFile {

    public static final String RESOURCE = "seed/quiz-questions.json";

    private QuizBankFile() {
    }

    public static QuizBank load() {
        return new QuizBank(questions(SeedFiles.read(RESOURCE)));
    }

    public static QuizBank parse(String json) {
        return new QuizBank(questions(SeedFiles.MAPPER.readTree(json)));
    }

    private static List<QuizQuestion> questions(JsonNode root) {
        if (!root.isArray()) {
            throw new IllegalArgumentException("the quiz file must hold an array of questions");
        }
        List<QuizQuestion> questions = new ArrayList<>(root.size());
        int position = 0;
        for (JsonNode entry : root) {
            position++;
            String id = entry.path("id").isString() ? entry.path("id").stringValue() : "#" + position;
            try {
                questions.add(question(id, entry));
            } catch (IllegalArgumentException | JacksonException e) {
                // a typo in one of 45 questions should name that question, not a line of a 60 kB file
                throw new IllegalArgumentException("quiz question " + id + " is malformed: " + e.getMessage(), e);
            }
        }
        return questions;
    }

    private static QuizQuestion question(String id, JsonNode entry) {
        Skill skill = Skill.ofCode(SeedFiles.text(entry, "skill"));
        int difficulty = entry.required("difficulty").intValue();
        if (difficulty < 1 || difficulty > 3) {
            throw new IllegalArgumentException("difficulty must be 1-3, not " + difficulty);
        }
        String answer = SeedFiles.text(entry, "answer");
        if (!answer.matches("[A-D]")) {
            throw new IllegalArgumentException("answer must be one of A, B, C, D, not '" + answer + "'");
        }
        Map<Language, QuizQuestion.Text> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            texts.put(language, text(entry.required(language.code())));
        }
        return new QuizQuestion(id, skill, SeedFiles.text(entry, "topic"), difficulty, answer.charAt(0) - 'A', texts);
    }

    private static QuizQuestion.Text text(JsonNode node) {
        List<String> options = SeedFiles.texts(node, "options");
        if (options.size() != 4 || options.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("needs four non-blank options, has " + options);
        }
        return new QuizQuestion.Text(SeedFiles.text(node, "q"), options, SeedFiles.text(node, "explain"));
    }
}
