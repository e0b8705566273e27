package com.shisha.core.journey;

import java.time.Instant;
import java.util.List;

/** Ranks leads for a partner. Implementations must be deterministic and return a value in [0, 1]. */
public interface LeadScorer {

    Score score(PartnerContext partner, Lead lead, Instant now);

    /**
     * The value of {@link #score}, exactly, without its reasons: ranking a few hundred candidates needs only the
     * values, and writing every candidate's reasons was most of a ranking's cost.
     */
    default double value(PartnerContext partner, Lead lead, Instant now) {
        return score(partner, lead, now).value();
    }

    /** A score and the reasons behind it, for the partner ("why this lead") and for tests. */
    record Score(double value, List<String> reasons) {
        public Score {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("a lead score must be in [0, 1], was " + value);
            }
            reasons = List.copyOf(reasons);
        }
    }
}
