package com.shisha.core.journey;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The dialogs' read window onto journey data, plus the one write that cannot wait for the turn's commit:
 * reserving a lead (two partners must never be shown the same lead). Everything else a turn changes travels
 * as {@link JourneyEffect}s and is committed with the turn.
 */
public interface Journey {

    /** The partner behind a phone number, once onboarded. */
    Optional<PartnerContext> partner(String phone);

    /**
     * Open leads this partner could be offered (free, expired, or already theirs), for the scorer to rank:
     * the partner's products first, the partner's own city first, newest first, at most {@code limit}.
     */
    List<Lead> candidates(PartnerContext partner, int limit);

    /** Reserves open leads for the partner for {@code hold}, except those another partner holds; returns the ones reserved. */
    java.util.Set<Long> reserve(long partnerId, List<Long> leadIds, Duration hold);

    /** A lead currently held by this partner (open or closed by them); empty for anyone else's lead. */
    Optional<Lead> heldLead(long partnerId, long leadId);

    /** Open leads reserved to this partner now, newest first. */
    List<Lead> heldLeads(long partnerId);

    /**
     * These leads, open or closed, where the partner holds them still (a closed lead stays with whoever closed it);
     * any order. One lookup per id unless the store does better.
     */
    default List<Lead> heldLeads(long partnerId, List<Long> leadIds) {
        return leadIds.stream().map(id -> heldLead(partnerId, id)).flatMap(Optional::stream).toList();
    }


    /** The commission a sale of this amount earns (the demo schedule in product_commissions). */
    java.math.BigDecimal commission(com.shisha.core.Product product, java.math.BigDecimal amount);

    Progress progress(long partnerId);

    /** The leaderboard by points; {@code city} filters (case-insensitive) when present. */
    List<Leader> top(Optional<String> city, int n, long viewerId);

    /** Best practices from top partners, the ones the viewer follows first. */
    List<CommunityTip> tips(long viewerId, int n);

    record Leader(int rank, long partnerId, String name, String city, int points, boolean followed) {
    }

    record CommunityTip(String id, long partnerId, String partnerName, String city, Skill skill, String en, String hi) {
    }
}
