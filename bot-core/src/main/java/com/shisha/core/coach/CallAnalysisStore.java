package com.shisha.core.coach;

import java.util.List;
import java.util.Optional;

/** Where call analyses are kept in full (MongoDB collection call_records_analysis). */
public interface CallAnalysisStore {

    /** Inserts, or replaces the analysis with the same id. */
    void save(CallAnalysis analysis);

    Optional<CallAnalysis> find(String id);

    /** @param partner the conversation key's value; newest first, at most {@code limit} */
    List<CallAnalysis> recentFor(String partner, int limit);
}
