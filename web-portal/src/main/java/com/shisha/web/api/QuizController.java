package com.shisha.web.api;

import com.shisha.core.Language;
import com.shisha.core.companion.AppJourney;
import com.shisha.core.journey.Journey;
import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.Progress;
import com.shisha.core.journey.QuizBank;
import com.shisha.core.journey.QuizQuestion;
import com.shisha.core.journey.Skill;
import com.shisha.core.journey.SkillScoring;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The skill quiz: a run of questions drawn like WhatsApp's QUIZ, answered in one submission, scored with the
 * same {@link SkillScoring}; the completion is the same journey effect, so badges and quests follow.
 */
@RestController
@RequestMapping(path = "/api/v1/quiz", produces = "application/json")
@Tag(name = "quiz")
class QuizController {

    /** As many questions as a WhatsApp run. */
    static final int RUN_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Me me;
    private final QuizBank bank;
    private final Journey journey;
    private final AppJourney writes;
    private final Clock clock;

    QuizController(Me me, QuizBank bank, Journey journey, AppJourney writes, Clock clock) {
        this.me = me;
        this.bank = bank;
        this.journey = journey;
        this.writes = writes;
        this.clock = clock;
    }

    record QuestionView(String id, String skill, String topic, int difficulty, String question, List<String> options) {
    }

    record RunView(String runId, String language, List<QuestionView> questions, boolean submitted, ResultView result) {
    }

    record AnswerBody(@NotBlank @Size(max = 64) String questionId,
                      @NotNull @Pattern(regexp = "[A-Da-d]", message = "must be one of A, B, C, D") String choice) {
    }

    record AnswersBody(@NotNull @Size(min = 1, max = 50) List<@Valid @NotNull AnswerBody> answers) {
    }

    record ReviewedAnswer(String questionId, String skill, String chosen, String correctChoice, boolean correct, String explanation) {
    }

    record ResultView(int correct, int total, List<ReviewedAnswer> answers, List<Views.SkillView> strand, List<Views.AwardView> awards) {
    }

    @PostMapping("/runs")
    @Operation(summary = "Draw a new run of questions (every skill once before any twice; weakest skills probed more on retakes)")
    ResponseEntity<RunView> start(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId,
                                  @RequestParam(required = false) String lang) {
        Language language = language(partnerId, lang);
        Map<Skill, Integer> scores = scores(journey.progress(partnerId));
        List<QuizQuestion> drawn = bank.draw(RUN_LENGTH, new java.util.Random(RANDOM.nextLong()), scores);
        AppJourney.QuizRun run = writes.startQuiz(partnerId, drawn.stream().map(QuizQuestion::id).toList(), language);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(run, language, null));
    }

    @GetMapping("/runs/{runId}")
    @Operation(summary = "A run of this partner, with its result once answered (404 for anyone else's run)")
    RunView run(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @PathVariable String runId,
                @RequestParam(required = false) String lang) {
        AppJourney.QuizRun run = writes.quizRun(partnerId, runId).orElseThrow(() -> ApiException.notFound("quiz run " + runId));
        Language language = language(partnerId, lang, run);
        return view(run, language, run.submitted() ? result(run, language, journey.progress(partnerId), List.of()) : null);
    }

    @PostMapping(path = "/runs/{runId}/answers", consumes = "application/json")
    @Operation(summary = "Answer every question of the run at once; scores the skills it covered (409 when answered already)")
    RunView submit(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @PathVariable String runId,
                   @Valid @RequestBody AnswersBody body, @RequestParam(required = false) String lang) {
        AppJourney.QuizRun run = writes.quizRun(partnerId, runId).orElseThrow(() -> ApiException.notFound("quiz run " + runId));
        Language language = language(partnerId, lang, run);
        if (run.submitted()) {
            throw new ApiException(HttpStatus.CONFLICT, "already_submitted", "this quiz run was answered already; start a new one");
        }
        Map<String, Character> chosen = new HashMap<>();
        for (AnswerBody a : body.answers()) {
            if (!run.questionIds().contains(a.questionId())) {
                throw ApiException.badRequest("question " + a.questionId() + " is not part of this run");
            }
            if (chosen.put(a.questionId(), Character.toUpperCase(a.choice().charAt(0))) != null) {
                throw ApiException.badRequest("question " + a.questionId() + " is answered twice");
            }
        }
        if (chosen.size() != run.questionIds().size()) {
            throw ApiException.badRequest("answer all " + run.questionIds().size() + " questions of the run (got " + chosen.size() + ")");
        }
        List<JourneyEffect.Answer> answers = new ArrayList<>();
        StringBuilder letters = new StringBuilder();
        for (String id : run.questionIds()) {
            QuizQuestion q = question(id);
            char c = chosen.get(id);
            letters.append(c);
            answers.add(new JourneyEffect.Answer(id, q.skill(), c, c == QuizQuestion.letter(q.answer())));
        }
        Map<Skill, Integer> newScores = SkillScoring.newScores(answers, scores(journey.progress(partnerId)));
        var awards = writes.submitQuiz(partnerId, runId, letters.toString(),
                        new JourneyEffect.QuizCompleted(run.startedAt(), answers, newScores))
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "already_submitted", "this quiz run was answered already"));
        AppJourney.QuizRun done = new AppJourney.QuizRun(run.id(), partnerId, run.questionIds(), run.startedAt(), letters.toString(),
                clock.instant(), run.language());
        return view(done, language, result(done, language, journey.progress(partnerId), Views.AwardView.of(awards)));
    }

    @GetMapping("/results")
    @Operation(summary = "Finished quiz attempts (from WhatsApp and the app), newest first; paginated")
    PageView<AppJourney.QuizAttempt> results(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId,
                                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageView.check(page, size);
        me.account(partnerId);
        AppJourney.Page<AppJourney.QuizAttempt> attempts = writes.quizAttempts(partnerId, page, size);
        return new PageView<>(attempts.items(), page, size, (long) (page + 1) * size < attempts.total());
    }

    /** ?lang= if given, else the run's own language, else the account's. */
    private Language language(long partnerId, String lang, AppJourney.QuizRun run) {
        return lang == null && run.language() != null ? run.language() : language(partnerId, lang);
    }

    private Language language(long partnerId, String lang) {
        if (lang != null && !lang.matches("en|hi")) {
            throw ApiException.badRequest("lang must be en or hi");
        }
        return lang != null ? Language.fromCode(lang) : me.account(partnerId).language();
    }

    private static Map<Skill, Integer> scores(Progress progress) {
        Map<Skill, Integer> scores = new EnumMap<>(Skill.class);
        progress.strand().forEach((skill, s) -> scores.put(skill, s.score()));
        return scores;
    }

    private QuizQuestion question(String id) {
        // the bank is reseeded from files at start-up; a run drawn before a question was removed cannot be scored
        return bank.byId(id).orElseThrow(() -> new ApiException(HttpStatus.GONE, "question_removed",
                "question " + id + " is no longer in the quiz; start a new run"));
    }

    private RunView view(AppJourney.QuizRun run, Language language, ResultView result) {
        List<QuestionView> questions = run.questionIds().stream().map(id -> {
            QuizQuestion q = question(id);
            QuizQuestion.Text t = q.text(language);
            return new QuestionView(q.id(), q.skill().code(), q.topic(), q.difficulty(), t.question(), t.options());
        }).toList();
        return new RunView(run.id(), language.code(), questions, run.submitted(), result);
    }

    private ResultView result(AppJourney.QuizRun run, Language language, Progress progress, List<Views.AwardView> awards) {
        List<ReviewedAnswer> reviewed = new ArrayList<>();
        int correct = 0;
        for (int i = 0; i < run.questionIds().size(); i++) {
            QuizQuestion q = question(run.questionIds().get(i));
            char c = run.chosen().charAt(i);
            boolean right = c == QuizQuestion.letter(q.answer());
            correct += right ? 1 : 0;
            reviewed.add(new ReviewedAnswer(q.id(), q.skill().code(), String.valueOf(c), String.valueOf(QuizQuestion.letter(q.answer())),
                    right, q.text(language).explanation()));
        }
        return new ResultView(correct, reviewed.size(), reviewed, Views.strand(progress.strand()), awards);
    }
}
