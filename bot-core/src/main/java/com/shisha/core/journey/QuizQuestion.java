package com.shisha.core.journey;

import com.shisha.core.Language;

import java.util.List;
import java.util.Map;

/**
 * One multiple-choice question of the skill quiz, in every language.
 *
 * @param answer the index (0-3) of the right option
 */
public record QuizQuestion(String id, Skill skill, String topic, int difficulty, int answer, Map<Language, Text> texts) {

    public record Text(String question, List<String> options, String explanation) {
        public Text {
            options = List.copyOf(options);
        }
    }

    public QuizQuestion {
        texts = Map.copyOf(texts);
        if (answer < 0 || answer >= 4) {
            throw new IllegalArgumentException("question " + id + ": answer index out of range: " + answer);
        }
        for (Language language : Language.values()) {
            Text t = texts.get(language);
            if (t == null || t.options().size() != 4) {
                throw new IllegalArgumentException("question " + id + " needs four options in " + language);
            }
        }
    }

    public Text text(Language language) {
        return texts.get(language);
    }

    public static char letter(int index) {
        return (char) ('A' + index);
    }
}
