package com.shisha.dialogs.quiz;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A quiz run refuses answers past its last question and does not read back what is not a run. */
class QuizRunTest {

    @Test
    void takesOneAnswerPerQuestionAndNoMore() {
        QuizRun run = QuizRun.start(List.of("q1", "q2"), Instant.ofEpochMilli(1000));
        assertThat(run.currentId()).isEqualTo("q1");
        QuizRun done = run.answer('B').answer('D');
        assertThat(done.finished()).isTrue();
        assertThat(done.answers()).isEqualTo("BD");
        assertThatThrownBy(() -> done.answer('A')).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(done::currentId).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void survivesTheSlotsAndClearsFromThem() {
        Map<String, String> slots = new HashMap<>();
        QuizRun run = QuizRun.start(List.of("q1", "q2", "q3"), Instant.ofEpochMilli(5000)).answer('C');
        run.writeTo(slots);
        assertThat(QuizRun.of(slots)).contains(run);
        QuizRun.clear(slots);
        assertThat(slots).isEmpty();
        assertThat(QuizRun.of(slots)).isEmpty();
    }

    @Test
    void slotsThatAreNoRunReadAsNone() {
        assertThat(QuizRun.of(Map.of("quiz.ids", "q1,q2", "quiz.pos", "2", "quiz.answers", "A"))).isEmpty();
        assertThat(QuizRun.of(Map.of("quiz.ids", "q1", "quiz.pos", "x"))).isEmpty();
    }
}
