package com.shisha.core.coach;

import com.shisha.core.ConversationKey;

/**
 * Answers a partner's question from the knowledge base, through the language model when it answers in time
 * and well, from the retrieved passages otherwise. Implementations keep the chat history themselves.
 */
public interface Coach {

    CoachReply answer(CoachRequest request);

    /**
     * Stores a thumbs up (helpful) or down for an answer this coach gave the partner.
     *
     * @return false when the partner was given no answer with that id
     */
    boolean feedback(ConversationKey partner, String answerId, boolean helpful);

    /** The partner's recent questions and the coach's answers, oldest first; at most {@code limit} turns. */
    java.util.List<CoachSessions.Turn> history(ConversationKey partner, int limit);

    /**
     * The sections a history turn names, with their titles in the language asked; ids the knowledge base no longer
     * has are left out.
     */
    java.util.List<CoachReply.Source> sources(java.util.List<String> ids, com.shisha.core.Language language);
}
