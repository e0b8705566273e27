package com.shisha.ai.review;

import com.shisha.ai.llm.ChatLlm;
import com.shisha.ai.llm.LlmException;
import com.shisha.ai.llm.LlmRequest;
import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.coach.CallAnalysis;
import com.shisha.core.coach.CallAnalysisStore;
import com.shisha.core.coach.CallReviews;
import com.shisha.core.journey.Skill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Call reviews by the language model, cross-checked by the rubric scorer, and by the rubric scorer alone when the
 * model is unreachable, slow, or answers something unrepairable. Every review is stored in full
 * ({@link CallAnalysisStore}); the partner gets scores, three tips in their language and skill deltas either way.
 * A review never takes much longer than the model's deadline: the scorer is a few milliseconds.
 */
public final class LlmCallReviews implements CallReviews {

    private static final Logger log = LoggerFactory.getLogger(LlmCallReviews.class);

    private final ChatLlm llm;
    private final CallAnalysisStore store;
    private final Settings settings;
    private final Clock clock;
    private final RubricScorer scorer = new RubricScorer();

    /**
     * @param deadline           the longest the model may take (OLLAMA_TIMEOUT_MILLIS, default 8 s)
     * @param maxTranscriptChars longer transcripts reach the model with their middle left out
     *                           (CALL_REVIEW_MAX_TRANSCRIPT_CHARS, default 6000: the coach model's context is 4096
     *                           tokens, about 1000 go to the instructions and 500 to the answer, and Devanagari
     *                           costs more tokens per character than English)
     */
    public record Settings(Duration deadline, int maxTranscriptChars) {
        public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(8);
        public static final int DEFAULT_MAX_TRANSCRIPT_CHARS = 6000;

        public Settings {
            if (deadline == null || deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("OLLAMA_TIMEOUT_MILLIS must be positive, was " + deadline);
            }
            if (maxTranscriptChars < 500) {
                throw new IllegalArgumentException("CALL_REVIEW_MAX_TRANSCRIPT_CHARS must be at least 500, was "
                        + maxTranscriptChars);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_DEADLINE, DEFAULT_MAX_TRANSCRIPT_CHARS);
        }
    }

    public LlmCallReviews(ChatLlm llm, CallAnalysisStore store, Settings settings) {
        this(llm, store, settings, Clock.systemUTC());
    }

    public LlmCallReviews(ChatLlm llm, CallAnalysisStore store, Settings settings, Clock clock) {
        this.llm = Objects.requireNonNull(llm, "llm");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws IllegalArgumentException when the transcript is blank: there is nothing to review */
    @Override
    public CallReview review(Request request) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(request.partner(), "request.partner");
        if (request.transcript() == null || request.transcript().isBlank()) {
            throw new IllegalArgumentException("nothing to review: the transcript is blank");
        }
        Language language = request.language() != null ? request.language()
                : request.profile() != null && request.profile().language() != null ? request.profile().language() : Language.EN;
        Instant started = clock.instant();
        // from the message, where there is one: the analysis (MongoDB, keyed by this id) is then stored once
        String id = request.messageId() == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("call-review:" + request.messageId()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        String transcript = request.transcript().strip();
        RubricResult rubric = scorer.score(transcript);
        String forModel = trimmed(transcript, settings.maxTranscriptChars());

        String raw = null;
        ModelAnswer answer = null;
        String failure = null;
        try {
            raw = llm.chat(new LlmRequest(CallReviewPrompt.system(language), List.of(),
                    CallReviewPrompt.user(forModel), true, settings.deadline()));
            answer = ModelAnswerRepair.repair(raw, rubric, language, transcript);
        } catch (LlmException e) {
            failure = "model " + e.kind().name().toLowerCase() + ": " + e.getMessage();
        } catch (ModelAnswerRepair.Unrepairable e) {
            failure = "unrepairable answer: " + e.getMessage();
        }
        if (failure != null) {
            log.warn("call review {} for {}: rubric scorer used, {}", id, request.partner().masked(), failure);
        }

        Map<Rubric, Integer> scores;
        List<Rubric> disagreements;
        List<String> tips;
        List<String> repairs = new ArrayList<>();
        Product product = rubric.product();
        if (answer != null) {
            CrossCheck.Result checked = CrossCheck.of(answer.scores(), rubric);
            scores = checked.scores();
            disagreements = checked.disagreements();
            tips = answer.tips();
            repairs.addAll(answer.repairs());
            // the rubric's product rests on the product named in the call; the model's only fills in when it found none
            if (product == null) {
                product = answer.product();
            } else if (answer.product() != null && answer.product() != product) {
                repairs.add("model's product " + answer.product() + " differs from the transcript's " + product
                        + ": the transcript's used");
            }
        } else {
            scores = rubric.scores();
            disagreements = List.of();
            tips = rubric.tips(language, ModelAnswerRepair.TIPS);
        }
        Map<Skill, Integer> deltas = SkillDeltas.of(scores, rubric.notObserved(), product, rubric.words(), rubric.violation());

        CallAnalysis analysis = new CallAnalysis(id, request.partner().value(), language, request.source(),
                request.transcript().length(), forModel.length() < transcript.length(), transcript, rubric.scoring(),
                answer == null ? null : new CallAnalysis.Scoring(answer.scores(), answer.evidence()), raw,
                answer == null ? null : answer.json(), repairs, failure, scores, disagreements, answer != null,
                product, tips, deltas, started, clock.instant());
        try {
            store.save(analysis);
        } catch (RuntimeException e) {
            // the partner still gets the review they waited for; the lost record is an operator's problem, said loudly
            log.error("call review {} for {} could not be stored: {}", id, request.partner().masked(), e.toString());
        }
        return analysis.toReview();
    }

    /**
     * The transcript as the model gets it: whole when short enough, otherwise the start and the end with a note in
     * between, because the opening and the close are at the ends of a call and the middle repeats itself most.
     */
    static String trimmed(String transcript, int max) {
        if (transcript.length() <= max) {
            return transcript;
        }
        int head = max * 3 / 5;
        int tail = max - head;
        int cutHead = lineBreakBefore(transcript, head);
        int cutTail = lineBreakAfter(transcript, transcript.length() - tail);
        return transcript.substring(0, cutHead).strip()
                + "\n[... " + (cutTail - cutHead) + " of " + transcript.length()
                + " characters of the middle of the call left out ...]\n"
                + transcript.substring(cutTail).strip();
    }

    private static int lineBreakBefore(String text, int at) {
        int nl = text.lastIndexOf('\n', at);
        return nl > at * 4 / 5 ? nl : at;
    }

    private static int lineBreakAfter(String text, int at) {
        int nl = text.indexOf('\n', at);
        return nl >= 0 && nl - at < (text.length() - at) / 5 ? nl : at;
    }
}
