package com.shisha.core.coach;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.coach.CallReviews.Rubric;
import com.shisha.core.coach.CallReviews.Source;
import com.shisha.core.journey.Skill;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one call review produced, kept so a reviewer can see why the partner got the scores and tips they
 * got: both scorings, the model's answer as it came and as it was repaired, and which one was used.
 * Personal data: {@code partner} is the full conversation key and {@code transcript} the call as reviewed;
 * storage keeps them unmasked, logs must not.
 *
 * @param partner          the conversation key's stable value, e.g. {@code whatsapp:+919812345678}
 * @param transcriptChars  length of the transcript as received
 * @param trimmed          the transcript was too long for the model, which saw its start and end only
 * @param transcript       the transcript as received; the rubric scorer always reads all of it
 * @param rubric           the deterministic scorer's result; always present
 * @param model            the model's result after repair; null when the model gave nothing usable
 * @param modelRaw         the model's answer text exactly as received; null when there was no answer
 * @param modelRepaired    the repaired answer as JSON; null when the answer was unrepairable or absent
 * @param repairs          what the repair changed, one line each
 * @param modelFailure     why the model's result was not used (unreachable, timeout, unrepairable ...); null when used
 * @param scores           the scores given to the partner
 * @param disagreements    items where model and rubric differed by more than the cross-check limit
 * @param byModel          true when the model's result was used (cross-checked), false for the rubric alone
 * @param product          the product the call was about; null when none could be told
 */
public record CallAnalysis(String id, String partner, Language language, Source source, int transcriptChars,
                           boolean trimmed, String transcript, Scoring rubric, Scoring model, String modelRaw,
                           String modelRepaired, List<String> repairs, String modelFailure,
                           Map<Rubric, Integer> scores, List<Rubric> disagreements, boolean byModel, Product product,
                           List<String> tips, Map<Skill, Integer> skillDeltas, Instant startedAt, Instant finishedAt) {

    public CallAnalysis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(rubric, "rubric");
        repairs = List.copyOf(repairs);
        scores = Map.copyOf(scores);
        disagreements = List.copyOf(disagreements);
        tips = List.copyOf(tips);
        skillDeltas = Map.copyOf(skillDeltas);
    }

    /** Scores 0-100 and the transcript quotes behind them, per rubric item. */
    public record Scoring(Map<Rubric, Integer> scores, Map<Rubric, List<String>> evidence) {
        public Scoring {
            scores = Map.copyOf(scores);
            evidence = evidence.entrySet().stream()
                    .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        }
    }

    /** The review the partner was given, as the {@link CallReviews} port returns it. */
    public CallReviews.CallReview toReview() {
        return new CallReviews.CallReview(id, scores, tips, skillDeltas, byModel);
    }
}
