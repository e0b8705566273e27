package com.shisha.core.dialog;

import com.shisha.core.Language;
import com.shisha.core.PartnerProfile;
import com.shisha.core.journey.JourneyUpdate;

import java.util.List;
import java.util.Map;

/**
 * What one dialog turn decided. The pipeline commits all of it in one transaction with the inbound message.
 *
 * @param replies          texts to send, in order; empty only when the user is opted out
 * @param confirmedProfile set on the turn where the partner confirms onboarding
 * @param journey          journey effects of the turn (quiz results, lead outcomes, ...); null when none
 * @param choices          answers offered with the last reply, to tap instead of type; null when none
 */
public record TurnResult(String step, Map<String, String> slots, Language language, List<String> replies,
                         OptOutChange optOutChange, PartnerProfile confirmedProfile, JourneyUpdate journey,
                         Choices choices) {

    public TurnResult {
        slots = slots == null ? Map.of() : Map.copyOf(slots);
        replies = List.copyOf(replies);
        optOutChange = optOutChange == null ? OptOutChange.NONE : optOutChange;
        if (replies.isEmpty()) {
            choices = null;
        }
    }

    public TurnResult(String step, Map<String, String> slots, Language language, List<String> replies,
                      OptOutChange optOutChange, PartnerProfile confirmedProfile, JourneyUpdate journey) {
        this(step, slots, language, replies, optOutChange, confirmedProfile, journey, null);
    }

    public TurnResult(String step, Map<String, String> slots, Language language, List<String> replies,
                      OptOutChange optOutChange, PartnerProfile confirmedProfile) {
        this(step, slots, language, replies, optOutChange, confirmedProfile, null);
    }
}
