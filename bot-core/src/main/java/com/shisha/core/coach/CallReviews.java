package com.shisha.core.coach;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.PartnerProfile;
import com.shisha.core.journey.Skill;

import java.util.List;
import java.util.Map;

/** Skill-gap analysis of a partner's sales call, from its transcript. Stores the full analysis itself. */
public interface CallReviews {

    CallReview review(Request request);

    enum Source { VOICE_NOTE, AUDIO_FILE, PASTED_TRANSCRIPT, APP_UPLOAD }

    /**
     * @param profile   null before onboarding is confirmed
     * @param messageId the inbound message that brought the call, where there is one: a turn run again for it (after
     *                  a crash) reviews under the same id and stores the analysis once; null for the app's uploads
     */
    record Request(ConversationKey partner, PartnerProfile profile, Language language, String transcript, Source source,
                   String messageId) {

        public Request(ConversationKey partner, PartnerProfile profile, Language language, String transcript, Source source) {
            this(partner, profile, language, transcript, source, null);
        }
    }

    enum Rubric { OPENING, NEED_DISCOVERY, PRODUCT_EXPLANATION, OBJECTION_HANDLING, COMPLIANCE_DISCLOSURES, CLOSING }

    /**
     * @param scores      0-100 per rubric item
     * @param tips        exactly three concrete tips, in the request's language
     * @param skillDeltas signed changes to apply to partner_skills
     * @param byModel     true when the language model's analysis was used, false for the rubric scorer
     */
    record CallReview(String reviewId, Map<Rubric, Integer> scores, List<String> tips, Map<Skill, Integer> skillDeltas,
                      boolean byModel) {
        public CallReview {
            scores = Map.copyOf(scores);
            tips = List.copyOf(tips);
            skillDeltas = Map.copyOf(skillDeltas);
        }
    }
}
