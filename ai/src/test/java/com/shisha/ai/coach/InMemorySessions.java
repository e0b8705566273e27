package com.shisha.ai.coach;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.coach.CoachEscalations;
import com.shisha.core.coach.CoachSessions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test doubles of the two ports; the Mongo implementations have their own tests in persistence. */
final class InMemorySessions implements CoachSessions, CoachEscalations {

    final Map<ConversationKey, List<Turn>> turns = new HashMap<>();
    final Map<String, Boolean> feedback = new HashMap<>();
    final List<String> escalated = new ArrayList<>();
    boolean failing;

    @Override
    public synchronized void append(ConversationKey partner, List<Turn> appended) {
        fail();
        turns.computeIfAbsent(partner, k -> new ArrayList<>()).addAll(appended);
    }

    @Override
    public synchronized List<Turn> recent(ConversationKey partner, int limit) {
        fail();
        List<Turn> all = turns.getOrDefault(partner, List.of());
        return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    }

    @Override
    public synchronized boolean feedback(ConversationKey partner, String answerId, boolean helpful) {
        boolean known = turns.getOrDefault(partner, List.of()).stream().anyMatch(t -> answerId.equals(t.answerId()));
        if (known) {
            feedback.put(answerId, helpful);
        }
        return known;
    }

    @Override
    public synchronized String record(ConversationKey partner, Reason reason, Language language, String message, Instant at) {
        fail();
        escalated.add(reason + ":" + message);
        return "SH-TEST" + escalated.size();
    }

    private void fail() {
        if (failing) {
            throw new IllegalStateException("store down");
        }
    }
}
