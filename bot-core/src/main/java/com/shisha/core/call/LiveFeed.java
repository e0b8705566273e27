package com.shisha.core.call;

/** Pushes what happens on a partner's live call to the partner's app and dashboard, on whichever instance they listen. */
public interface LiveFeed {

    enum Type { TIP, ENDED }

    /**
     * @param tip     the tip, for {@link Type#TIP}; null when the call ended
     * @param summary the call's summary, for {@link Type#ENDED}
     */
    record Event(Type type, long callId, String leadName, LeadCalls.Tip tip, String summary) {
    }

    void publish(long partnerId, Event event);
}
