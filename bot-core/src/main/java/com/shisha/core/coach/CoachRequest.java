package com.shisha.core.coach;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.PartnerProfile;

/**
 * @param profile  null before onboarding is confirmed
 * @param maxChars the longest reply the channel takes in one message
 */
public record CoachRequest(ConversationKey partner, PartnerProfile profile, Language language, String question, int maxChars) {
}
