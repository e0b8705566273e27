package com.shisha.core.coach;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.PartnerProfile;

/**
 * @param profile   null before onboarding is confirmed
 * @param maxChars  the longest reply the channel takes in one message
 * @param messageId the inbound message asked (its provider id); a turn run again for it (after a crash) answers with
 *                  the same answer id and stores nothing twice. Null outside a conversation (the app's coach chat).
 */
public record CoachRequest(ConversationKey partner, PartnerProfile profile, Language language, String question, int maxChars,
                           String messageId) {

    public CoachRequest(ConversationKey partner, PartnerProfile profile, Language language, String question, int maxChars) {
        this(partner, profile, language, question, maxChars, null);
    }
}
