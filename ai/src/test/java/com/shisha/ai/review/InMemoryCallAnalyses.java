package com.shisha.ai.review;

import com.shisha.core.coach.CallAnalysis;
import com.shisha.core.coach.CallAnalysisStore;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The store as the ai tests need it: what was saved, readable back. The Mongo one is tested in persistence. */
final class InMemoryCallAnalyses implements CallAnalysisStore {

    private final Map<String, CallAnalysis> byId = new ConcurrentHashMap<>();

    @Override
    public void save(CallAnalysis analysis) {
        byId.put(analysis.id(), analysis);
    }

    @Override
    public Optional<CallAnalysis> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<CallAnalysis> recentFor(String partner, int limit) {
        return byId.values().stream().filter(a -> a.partner().equals(partner))
                .sorted(Comparator.comparing(CallAnalysis::startedAt).reversed()).limit(limit).toList();
    }
}
