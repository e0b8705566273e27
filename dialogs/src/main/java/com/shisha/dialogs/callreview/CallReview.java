package com.shisha.dialogs.callreview;

import com.shisha.core.PartnerProfile;
import com.shisha.core.coach.CallReviews;
import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.Skill;
import com.shisha.core.journey.SkillScoring;
import com.shisha.dialogs.Turn;

import java.util.Map;

/**
 * Call review in the dialog: a recording (voice note or audio file) or a pasted transcript goes to
 * {@link CallReviews}; the scores per rubric item, three tips and the skills moved come back.
 */
public final class CallReview {

    /** Fewer words than this cannot be a sales call worth reviewing. */
    static final int MIN_TRANSCRIPT_WORDS = 25;

    private CallReview() {
    }

    private static boolean open(Turn turn) {
        return turn.services() != null && turn.services().callReviews() != null;
    }

    /** Enters call review: asks for the recording or the transcript. */
    public static void enter(Turn turn) {
        turn.say(open(turn) ? "review.intro" : "review.closed");
    }

    /** Guard: a call long enough to review. */
    public static boolean readCall(Turn turn) {
        if (!open(turn)) {
            return false;
        }
        String transcript = turn.raw().strip();
        return !transcript.isEmpty() && transcript.split("\\s+").length >= MIN_TRANSCRIPT_WORDS;
    }

    public static void review(Turn turn) {
        CallReviews.Source source = turn.voice() == null ? CallReviews.Source.PASTED_TRANSCRIPT : CallReviews.Source.VOICE_NOTE;
        PartnerProfile profile = turn.partner().map(p -> new PartnerProfile(p.phone(), p.name(), p.language(), p.city(),
                p.products())).orElse(null);
        CallReviews.CallReview review = turn.services().callReviews().review(new CallReviews.Request(turn.key(), profile,
                turn.language(), turn.raw().strip(), source, turn.messageId()));
        StringBuilder scores = new StringBuilder();
        for (CallReviews.Rubric item : CallReviews.Rubric.values()) {
            Integer score = review.scores().get(item);
            if (score != null) {
                scores.append(turn.text("review.rubric." + item.name())).append(": ").append(SkillScoring.bar(score))
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
            turn.record(new JourneyEffect.CallReviewed(review.reviewId(), deltas));
        }
    }

    public static void tooShort(Turn turn) {
        turn.say(open(turn) ? "review.too_short" : "review.closed", MIN_TRANSCRIPT_WORDS);
    }
}
