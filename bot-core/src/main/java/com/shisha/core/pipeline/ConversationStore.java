package com.shisha.core.pipeline;

import com.shisha.core.ConversationKey;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.dialog.TurnResult;

import java.util.List;
import java.util.Optional;

public interface ConversationStore {

    ConversationState load(ConversationKey key);

    /**
     * Commits one turn atomically: marks the inbound message processed, saves the new state (checking the
     * version it was loaded at), applies opt-out changes and the confirmed profile, and queues the replies.
     *
     * @param replyFrom our address the replies go out from (the number the user wrote to)
     * @return the queued outbox ids, or empty if the message had already been processed or the state
     * changed underneath (another worker won); then nothing was written
     */
    Optional<List<Long>> commitTurn(StoredInbound inbound, ConversationState before, TurnResult result, String replyFrom);
}
