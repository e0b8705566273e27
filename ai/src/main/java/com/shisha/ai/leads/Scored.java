package com.shisha.ai.leads;

import com.shisha.core.journey.Lead;
import com.shisha.core.journey.LeadScorer;

import java.util.Comparator;

/** A lead with its score, as ranked for one partner. */
public record Scored(Lead lead, LeadScorer.Score score) {

    /**
     * Best first: higher score, then the newer lead, then the lower id. The id makes the order total, so the same
     * leads always come out in the same order whatever order they were loaded in.
     */
    public static final Comparator<Scored> BEST_FIRST = Comparator
            .comparingDouble((Scored s) -> s.score().value()).reversed()
            .thenComparing((Scored s) -> s.lead().createdAt(), Comparator.reverseOrder())
            .thenComparingLong(s -> s.lead().id());
}
