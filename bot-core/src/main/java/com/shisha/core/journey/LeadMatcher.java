package com.shisha.core.journey;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Picks a partner's top leads: candidates from the store, ranked by {@link Nearness} first (the partner's city,
 * then nearer towns, then far leads for products that sell over the phone), by the scorer within a band (ties:
 * newer first, then lower id, so the order is deterministic), then reserved one by one. A lead another partner reserved a moment ago
 * is skipped, so no lead is ever offered to two partners at once.
 */
public final class LeadMatcher {

    /** How long an offered lead stays reserved for the partner it was shown to. */
    public static final Duration HOLD = Duration.ofHours(72);
    private static final int CANDIDATES = 40;
    /**
     * A partner holding this many open leads gets no new ones until they work some (an outcome closes or a
     * reservation runs out), so nobody can sit on the pool by asking for LEADS again and again.
     */
    public static final int MAX_HELD = 9;

    private final Journey journey;
    private final LeadScorer scorer;
    private final Clock clock;

    public LeadMatcher(Journey journey, LeadScorer scorer, Clock clock) {
        this.journey = journey;
        this.scorer = scorer;
        this.clock = clock;
    }

    public record Ranked(Lead lead, LeadScorer.Score score, Nearness nearness) {

        public Ranked(Lead lead, LeadScorer.Score score) {
            this(lead, score, Nearness.REMOTE_SALE);
        }
    }

    private static final Comparator<Ranked> BEST_FIRST = Comparator.comparing(Ranked::nearness)
            .thenComparing(Comparator.comparingDouble((Ranked r) -> r.score().value()).reversed())
            .thenComparing((Ranked r) -> r.lead().createdAt(), Comparator.reverseOrder())
            .thenComparingLong(r -> r.lead().id());

    /** A candidate placed by its value alone: its reasons are written only if it makes the list. */
    private record Candidate(Lead lead, double value, Nearness nearness) {
    }

    /** {@link #BEST_FIRST} for candidates: a lead's value is its score's value, so both put leads in the same order. */
    private static final Comparator<Candidate> CANDIDATES_BEST_FIRST = Comparator.comparing(Candidate::nearness)
            .thenComparing(Comparator.comparingDouble(Candidate::value).reversed())
            .thenComparing((Candidate c) -> c.lead().createdAt(), Comparator.reverseOrder())
            .thenComparingLong(c -> c.lead().id());

    private Ranked rank(PartnerContext partner, Lead lead, java.time.Instant now) {
        return new Ranked(lead, scorer.score(partner, lead, now), Nearness.of(partner, lead));
    }

    /**
     * The leads of a list shown before, in the order shown and scored again, so a number keeps meaning the same
     * lead. Leads the partner no longer holds (the hold ran out, another partner took it) are left out; closed ones
     * stay, marked as such by {@link Lead#open()}.
     */
    public List<Ranked> listed(PartnerContext partner, List<Long> ids) {
        var now = clock.instant();
        Map<Long, Lead> held = new java.util.HashMap<>();
        for (Lead lead : journey.heldLeads(partner.id(), ids)) {
            held.put(lead.id(), lead);
        }
        List<Ranked> listed = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Lead lead = held.get(id);
            if (lead != null) {
                listed.add(rank(partner, lead, now));
            }
        }
        return listed;
    }

    public List<Ranked> offer(PartnerContext partner, int n) {
        return offer(partner, n, java.util.Set.of());
    }

    /**
     * The list after an outcome: the partner's own open leads, ranked, when they still hold {@code n}; only
     * otherwise a full {@link #offer}. Re-ranking the whole pool after every call report cost most of a turn.
     */
    public List<Ranked> current(PartnerContext partner, int n, java.util.Set<Long> exclude) {
        var now = clock.instant();
        List<Ranked> held = new ArrayList<>();
        for (Lead lead : journey.heldLeads(partner.id())) {
            if (!exclude.contains(lead.id())) {
                held.add(rank(partner, lead, now));
            }
        }
        if (held.size() < n) {
            return offer(partner, n, exclude);
        }
        held.sort(BEST_FIRST);
        return List.copyOf(held.subList(0, n));
    }

    /** @param exclude leads not to offer (one this very turn closes, whose closing is not committed yet) */
    public List<Ranked> offer(PartnerContext partner, int n, java.util.Set<Long> exclude) {
        var now = clock.instant();
        List<Candidate> ranked = new ArrayList<>();
        List<Lead> candidates = journey.candidates(partner, CANDIDATES);
        long held = candidates.stream().filter(l -> Long.valueOf(partner.id()).equals(l.assignedTo())).count();
        for (Lead lead : candidates) {
            if (exclude.contains(lead.id())) {
                continue;
            }
            if (held >= MAX_HELD && !Long.valueOf(partner.id()).equals(lead.assignedTo())) {
                continue;
            }
            ranked.add(new Candidate(lead, scorer.value(partner, lead, now), Nearness.of(partner, lead)));
        }
        ranked.sort(CANDIDATES_BEST_FIRST);
        List<Ranked> offered = new ArrayList<>(n);
        // reserve the best n in one round trip; only leads taken a moment ago by someone else need another try
        int next = 0;
        while (offered.size() < n && next < ranked.size()) {
            List<Candidate> tryNow = ranked.subList(next, Math.min(ranked.size(), next + n - offered.size()));
            next += tryNow.size();
            java.util.Set<Long> won = journey.reserve(partner.id(), tryNow.stream().map(c -> c.lead().id()).toList(), HOLD);
            tryNow.stream().filter(c -> won.contains(c.lead().id()))
                    .forEach(c -> offered.add(new Ranked(c.lead(), scorer.score(partner, c.lead(), now), c.nearness())));
        }
        offered.sort(BEST_FIRST);
        return offered;
    }
}
