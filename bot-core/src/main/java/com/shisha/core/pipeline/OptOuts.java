package com.shisha.core.pipeline;

import com.shisha.core.ConversationKey;

public interface OptOuts {

    /** Records an opt-out the provider reported (e.g. Twilio error 21610), outside any dialog turn. */
    void recordOptOut(ConversationKey key, String reason);
}
