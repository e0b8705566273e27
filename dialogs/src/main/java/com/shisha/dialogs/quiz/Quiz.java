package com.shisha.dialogs.quiz;

import com.shisha.core.dialog.Choices;
import com.shisha.core.dialog.Choices.Choice;
import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Progress;
import com.shisha.core.journey.QuizQuestion;
import com.shisha.core.journey.Skill;
import com.shisha.core.journey.SkillScoring;
import com.shisha.dialogs.Strand;
import com.shisha.dialogs.Turn;
import com.shisha.dialogs.understanding.Answers;
import com.shisha.dialogs.understanding.Intent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** The skill quiz: ten questions drawn across the skills, feedback after each, the SHISHA strand at the end. */
public final class Quiz {

    static final int LENGTH = 10;

    private Quiz() {
    }

    public static Optional<QuizRun> run(Turn turn) {
        return QuizRun.of(turn.slots());
    }

    public static void startOrResume(Turn turn) {
        turn.touch();
        Optional<QuizRun> run = run(turn);
        if (run.isPresent() && !run.get().finished()) {
            turn.say("quiz.resume");
            ask(turn);
            return;
        }
        PartnerContext partner = turn.partner().orElseThrow();
        Instant now = turn.services().clock().instant();
        // seeded per partner and start time: a run is reproducible from the slots, yet differs between retakes
        Random random = new Random(partner.id() * 31 + now.toEpochMilli());
        List<QuizQuestion> drawn = turn.services().quizBank().draw(LENGTH, random, partner.skills());
        QuizRun.start(drawn.stream().map(QuizQuestion::id).toList(), now).writeTo(turn.slots());
        turn.say("quiz.start", drawn.size());
        ask(turn);
    }

    /** The current question, with its options to tap. */
    public static void ask(Turn turn) {
        QuizRun run = run(turn).orElseThrow();
        QuizQuestion q = question(turn, run.currentId());
        QuizQuestion.Text text = q.text(turn.language());
        List<String> o = text.options();
        turn.say("quiz.question", run.position() + 1, run.questionIds().size(), turn.text("skill." + q.skill().code()),
                text.question(), o.get(0), o.get(1), o.get(2), o.get(3));
        List<Choice> items = new ArrayList<>();
        for (int i = 0; i < o.size() && i < 4; i++) {
            String letter = QuizQuestion.letter(i) + "";
            items.add(new Choice("quiz:" + letter, letter, o.get(i)));
        }
        turn.offer(Choices.list(turn.text("choice.answer"), items));
    }

    /** Guard: a readable answer to the current question (a letter, a number, or the option's words). */
    public static boolean readAnswer(Turn turn) {
        Optional<QuizRun> run = run(turn);
        if (run.isEmpty() || run.get().finished()) {
            return false;
        }
        if (turn.understood() != null && turn.understood().intent() == Intent.QUESTION) {
            return false; // "which documents does KYC need?" shares words with an option, but it is a question
        }
        QuizQuestion q = question(turn, run.get().currentId());
        Optional<Integer> chosen = Answers.option(turn.input(), q.text(turn.language()).options());
        chosen.ifPresent(c -> turn.keep(Integer.class, c));
        return chosen.isPresent();
    }

    /** Not journey work by itself: the run is written once, when it ends, so answering costs one statement. */
    public static void recordAnswer(Turn turn) {
        QuizRun run = run(turn).orElseThrow();
        int chosen = turn.kept(Integer.class).orElseThrow();
        QuizQuestion q = question(turn, run.currentId());
        QuizQuestion.Text text = q.text(turn.language());
        if (chosen == q.answer()) {
            turn.say("quiz.right", text.explanation());
        } else {
            turn.say("quiz.wrong", QuizQuestion.letter(q.answer()), text.options().get(q.answer()), text.explanation());
        }
        run.answer(QuizQuestion.letter(chosen)).writeTo(turn.slots());
    }

    public static boolean finished(Turn turn) {
        return run(turn).map(QuizRun::finished).orElse(false);
    }

    public static void finish(Turn turn) {
        PartnerContext partner = turn.partner().orElseThrow();
        QuizRun run = run(turn).orElseThrow();
        List<JourneyEffect.Answer> answers = new ArrayList<>();
        for (int i = 0; i < run.questionIds().size(); i++) {
            QuizQuestion q = question(turn, run.questionIds().get(i));
            char chosen = run.answers().charAt(i);
            answers.add(new JourneyEffect.Answer(q.id(), q.skill(), chosen, chosen == QuizQuestion.letter(q.answer())));
        }
        Map<Skill, Integer> scores = SkillScoring.newScores(answers, partner.skills());
        turn.record(new JourneyEffect.QuizCompleted(run.startedAt(), answers, scores));
        long right = answers.stream().filter(JourneyEffect.Answer::correct).count();
        turn.say("quiz.done", right, answers.size());
        Map<Skill, Progress.SkillScore> strand = new EnumMap<>(Skill.class);
        for (Skill skill : Skill.values()) {
            Integer before = partner.skills().get(skill);
            Integer after = scores.getOrDefault(skill, before);
            if (after != null) {
                strand.put(skill, new Progress.SkillScore(after, Skill.level(after), scores.containsKey(skill) ? before : null,
                        before == null ? after : before));
            }
        }
        turn.say("quiz.strand_title");
        turn.sayLine(Strand.render(turn, strand));
        turn.say("quiz.after");
        QuizRun.clear(turn.slots());
    }

    /** The line under the main menu while a quiz is paused; empty when none is. */
    public static Optional<String> pausedLine(Turn turn) {
        return run(turn).filter(r -> !r.finished())
                .map(r -> turn.text("menu.quiz_paused", r.position() + 1, r.questionIds().size()));
    }

    private static QuizQuestion question(Turn turn, String id) {
        return turn.services().quizBank().byId(id)
                .orElseThrow(() -> new IllegalStateException("quiz question " + id + " is no longer in the bank"));
    }
}
