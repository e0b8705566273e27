package com.shisha.core.journey;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks a partner's top leads: candidates from the store, ranked by the scorer (ties: newer first, then lower
 * id, so the order is deterministic), then reserved one by one. A lead another partner reserved a moment ago
 * is skipped, so no lead is ever offered to two partners at once.
 */
public final class LeadMatcher {

    /** How long an offered lead stays reserved for the partner it was shown to. */
    public static final Duration HOLD = Duration.ofHours(72);
    private static final int CANDIDATES = 40;

    private final Journey journey;
    private final LeadScorer scorer;
    private final Clock clock;

    public LeadMatcher(Journey journey, LeadScorer scorer, Clock clock) {
        this.journey = journey;
        this.scorer = scorer;
        this.clock = clock;
    }

    public record Ranked(Lead lead, LeadScorer.Score score) {
    }

    public List<Ranked> offer(PartnerContext partner, int n) {
        return offer(partner, n, java.util.Set.of());
    }

    /** @param exclude leads not to offer (one this very turn closes, whose closing is not committed yet) */
    public List<Ranked> offer(PartnerContext partner, int n, java.util.Set<Long> exclude) {
        var now = clock.instant();
        List<Ranked> ranked = new ArrayList<>();
        for (Lead lead : journey.candidates(partner, CANDIDATES)) {
            if (exclude.contains(lead.id())) {
                continue;
            }
            ranked.add(new Ranked(lead, scorer.score(partner, lead, now)));
        }
        ranked.sort(Comparator.comparingDouble((Ranked r) -> r.score().value()).reversed()
                .thenComparing((Ranked r) -> r.lead().createdAt(), Comparator.reverseOrder())
                .thenComparingLong(r -> r.lead().id()));
        List<Ranked> offered = new ArrayList<>(n);
        for (Ranked r : ranked) {
            if (offered.size() == n) {
                break;
            }
            if (journey.reserve(partner.id(), r.lead().id(), HOLD)) {
                offered.add(r);
            }
        }
        return offered;
    }
}
