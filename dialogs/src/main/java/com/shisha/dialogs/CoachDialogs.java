package com.shisha.dialogs;

import com.shisha.core.Channel;
import com.shisha.core.coach.CallReviews;
import com.shisha.core.coach.CoachReply;
import com.shisha.core.coach.CoachRequest;
import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.Skill;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The coach and call review in the dialog: questions go to the {@link com.shisha.core.coach.Coach} port, recordings
 * and pasted transcripts to {@link CallReviews}. Both may be slow (a language model); the pipeline runs them
 * without holding a CPU permit. The last answer's id is kept so a thumbs up or down can be stored against it.
 */
final class CoachDialogs {

    static final String LAST_ANSWER = "coach.answer";
    /** A coach answer stays one WhatsApp message with room for the feedback line (Twilio caps a message at 1600). */
    static final int MAX_ANSWER_CHARS = 1400;
    /** Fewer words than this cannot be a sales call worth reviewing. */
    static final int MIN_TRANSCRIPT_WORDS = 25;
    private static final Pattern QUESTION_WORDS = Pattern.compile(
            "(?iu)^(what|how|why|when|which|who|can|should|is|are|does|do|kya|kaise|kyu|kyun|kab|kaun|क्या|कैसे|क्यों|कब|कौन)\\b.*");

    private CoachDialogs() {
    }

    static boolean coachOpen(Turn turn) {
        return turn.services != null && turn.services.coach() != null;
    }

    /** Enters coach mode. */
    static void enter(Turn turn) {
        if (!coachOpen(turn)) {
            turn.say("coach.closed");
            return;
        }
        turn.say(turn.channel == Channel.SMS ? "coach.whatsapp_only" : "coach.intro");
    }

    /** Answers the turn's text as a question for the coach. */
    static void answer(Turn turn) {
        if (!coachOpen(turn)) {
            turn.say("coach.closed");
            return;
        }
        // loan and credit advice is kept off SMS by Indian rules; the coach talks about little else
        if (turn.channel == Channel.SMS) {
            turn.say("coach.whatsapp_only");
            return;
        }
        CoachReply reply = turn.services.coach().answer(new CoachRequest(turn.key(), profileOrNull(turn), turn.language,
                turn.raw, MAX_ANSWER_CHARS));
        turn.sayLine(reply.text());
        turn.slots.put(LAST_ANSWER, reply.answerId());
        turn.say("coach.feedback_prompt");
    }

    /**
     * Free text where a journey step expected an answer: a real question (a question word or mark, several
     * words) is answered by the coach, after which the step asks again. Short input is a failed answer.
     */
    static boolean answerIfQuestion(Turn turn) {
        if (!coachOpen(turn) || turn.channel == Channel.SMS) {
            return false;
        }
        String raw = turn.raw.strip();
        int words = raw.isEmpty() ? 0 : raw.split("\\s+").length;
        if (!looksLikeQuestion(raw) && words < 6) {
            return false;
        }
        answer(turn);
        return true;
    }

    /** A question mark or a question word, and at least three words: "kya?" alone is not a question for the coach. */
    static boolean looksLikeQuestion(String raw) {
        String s = raw.strip();
        int words = s.isEmpty() ? 0 : s.split("\\s+").length;
        return words >= 3 && (s.endsWith("?") || QUESTION_WORDS.matcher(s).matches());
    }

    /** 👍 or 👎 (or +1 / -1) right after a coach answer. */
    static java.util.Optional<Boolean> thumbs(String raw) {
        String s = raw.strip().replace("\uFE0F", "");
        if (s.matches("(\\x{1F44D}[\\x{1F3FB}-\\x{1F3FF}]?)+|\\+1")) {
            return java.util.Optional.of(true);
        }
        if (s.matches("(\\x{1F44E}[\\x{1F3FB}-\\x{1F3FF}]?)+|-1")) {
            return java.util.Optional.of(false);
        }
        return java.util.Optional.empty();
    }

    static void feedback(Turn turn, boolean helpful) {
        String answerId = turn.slots.get(LAST_ANSWER);
        if (answerId == null || !coachOpen(turn)) {
            turn.say("coach.feedback_nothing");
            return;
        }
        turn.services.coach().feedback(turn.key(), answerId, helpful);
        turn.say(helpful ? "coach.feedback_up" : "coach.feedback_down");
    }

    /** Enters call review: asks for the recording or the transcript. */
    static void enterReview(Turn turn) {
        turn.say(turn.services == null || turn.services.callReviews() == null ? "review.closed" : "review.intro");
    }

    /** @return true when a review was made (the step then goes back to the menu) */
    static boolean readCall(Turn turn) {
        if (turn.services == null || turn.services.callReviews() == null) {
            return false;
        }
        String transcript = turn.raw.strip();
        return !transcript.isEmpty() && transcript.split("\\s+").length >= MIN_TRANSCRIPT_WORDS;
    }

    static void review(Turn turn) {
        CallReviews.Source source = turn.voice == null ? CallReviews.Source.PASTED_TRANSCRIPT : CallReviews.Source.VOICE_NOTE;
        CallReviews.CallReview review = turn.services.callReviews().review(new CallReviews.Request(turn.key(),
                profileOrNull(turn), turn.language, turn.raw.strip(), source));
        StringBuilder scores = new StringBuilder();
        for (CallReviews.Rubric item : CallReviews.Rubric.values()) {
            Integer score = review.scores().get(item);
            if (score != null) {
                scores.append(turn.text("review.rubric." + item.name())).append(": ").append(com.shisha.core.journey.SkillScoring.bar(score))
                        .append(' ').append(score).append('\n');
            }
        }
        StringBuilder tips = new StringBuilder();
        for (int i = 0; i < review.tips().size(); i++) {
            tips.append(i + 1).append(". ").append(review.tips().get(i)).append('\n');
        }
        turn.say("review.result", scores.toString().strip(), tips.toString().strip());
        if (!review.byModel()) {
            turn.say("review.by_rubric");
        }
        Map<Skill, Integer> deltas = review.skillDeltas();
        if (!deltas.isEmpty() && turn.partner().isPresent()) {
            turn.effects.add(new JourneyEffect.CallReviewed(review.reviewId(), deltas));
            turn.journeyTouched = true;
        }
        OnboardingMachine.prompt(turn, Step.MAIN_MENU);
    }

    static void reviewTooShort(Turn turn) {
        if (turn.services == null || turn.services.callReviews() == null) {
            turn.say("review.closed");
            return;
        }
        turn.say("review.too_short", MIN_TRANSCRIPT_WORDS);
    }

    private static com.shisha.core.PartnerProfile profileOrNull(Turn turn) {
        return "true".equals(turn.slots.get(Turn.CONFIRMED)) ? turn.profile() : null;
    }
}
