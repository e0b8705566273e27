package com.shisha.persistence.jdbc;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.GeoPoint;
import com.shisha.core.journey.Journey;
import com.shisha.core.journey.Nearness;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Progress;
import com.shisha.core.journey.Skill;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Journey reads over PostgreSQL, and the lead reservation (one conditional UPDATE, so no lead has two holders). */
public class JdbcJourney implements Journey {

    private static final String LEAD_COLUMNS = """
            id, name, phone, gender, age, city, city_hi, state, city_tier, product, income_band, credit_band, source,
            note_en, note_hi, created_at, status, assigned_to, latitude, longitude""";

    private static final RowMapper<Lead> LEAD = (rs, n) -> new Lead(rs.getLong("id"), rs.getString("name"),
            rs.getString("phone"), rs.getString("gender").charAt(0), rs.getInt("age"), rs.getString("city"),
            rs.getString("city_hi"), rs.getString("state"), rs.getInt("city_tier"), Product.valueOf(rs.getString("product")),
            Lead.IncomeBand.valueOf(rs.getString("income_band")), Lead.CreditBand.valueOf(rs.getString("credit_band")),
            rs.getString("source"), rs.getString("note_en"), rs.getString("note_hi"),
            rs.getTimestamp("created_at").toInstant(), "OPEN".equals(rs.getString("status")),
            rs.getObject("assigned_to") == null ? null : rs.getLong("assigned_to"),
            GeoPoint.ofNullable((Double) rs.getObject("latitude"), (Double) rs.getObject("longitude")));

    /** Other towns whose leads are read for a partner, nearest first: enough to fill a list, few enough to stay quick. */
    static final int NEAR_TOWNS = 6;
    /** Free leads read per nearby town and product. */
    static final int PER_NEAR_TOWN = 8;
    private static final java.time.Duration PLACES_TTL = java.time.Duration.ofMinutes(5);

    private record Town(String key, String state, GeoPoint at) {
    }

    private record Towns(List<Town> all, long readAtNanos) {
    }

    private volatile Towns towns;

    private final JdbcClient jdbc;

    public JdbcJourney(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One round trip: the profile with skills and per-product outcomes aggregated alongside. */
    @Override
    public Optional<PartnerContext> partner(String phone) {
        return jdbc.sql("""
                        select p.id, p.phone, p.name, p.language, p.city, p.products, p.points, p.state, p.latitude,
                          p.longitude,
                          (select coalesce(json_agg(json_build_array(s.skill, s.score))::text, '[]')
                             from partner_skills s where s.partner_id = p.id) as skills,
                          (select coalesce(json_agg(json_build_array(o.product, o.contacted, o.sold))::text, '[]')
                             from (select l.product,
                                          count(distinct e.lead_id) filter (where e.kind <> 'OFFERED') as contacted,
                                          count(*) filter (where e.kind = 'SOLD') as sold
                                   from lead_events e join leads l on l.id = e.lead_id
                                   where e.partner_id = p.id group by l.product) o) as outcomes
                        from partners p
                        where p.phone = :phone and p.onboarded_at is not null""")
                .param("phone", phone)
                .query((rs, n) -> {
                    Map<Skill, Integer> skills = new EnumMap<>(Skill.class);
                    for (List<Object> s : Json.readArrays(rs.getString("skills"))) {
                        skills.put(Skill.ofCode((String) s.get(0)), ((Number) s.get(1)).intValue());
                    }
                    Map<Product, PartnerContext.Outcomes> outcomes = new EnumMap<>(Product.class);
                    for (List<Object> o : Json.readArrays(rs.getString("outcomes"))) {
                        outcomes.put(Product.valueOf((String) o.get(0)),
                                new PartnerContext.Outcomes(((Number) o.get(1)).intValue(), ((Number) o.get(2)).intValue()));
                    }
                    return new PartnerContext(rs.getLong("id"), rs.getString("phone"), rs.getString("name"),
                            Language.fromCode(rs.getString("language")), rs.getString("city"), products(rs.getArray("products")),
                            skills, outcomes, rs.getInt("points"), rs.getString("state"),
                            GeoPoint.ofNullable((Double) rs.getObject("latitude"), (Double) rs.getObject("longitude")));
                })
                .optional();
    }

    private static List<Product> products(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Product::valueOf).toList();
    }

    /**
     * One index range per (product) and per (city, product) over free leads, newest first, and one over expired
     * holds, each capped: the planner never sorts all open leads of a product, and never reads past the leads
     * other partners hold (the newest ones are the held ones), which matters at 100,000 leads. The towns around the
     * partner (from {@code lead_places}, held in memory) add a few of their newest free leads each, so a partner
     * in Indore sees Ujjain and Dewas before a far city's newest leads.
     */
    @Override
    public List<Lead> candidates(PartnerContext partner, int limit) {
        List<Product> products = partner.products().isEmpty() ? List.of(Product.values()) : partner.products();
        Map<Long, Lead> unique = new LinkedHashMap<>();
        jdbc.sql(CANDIDATES)
                .param("p", partner.id())
                .param("city", partner.city() == null ? "" : partner.city().trim())
                .param("limit", limit)
                .param("products", products.stream().map(Product::name).toArray(String[]::new))
                .param("near", nearTowns(partner).toArray(String[]::new))
                .param("perNear", PER_NEAR_TOWN)
                .query(LEAD).list()
                .forEach(lead -> unique.putIfAbsent(lead.id(), lead));
        return List.copyOf(unique.values());
    }

    /**
     * One text for every partner, whatever their products and towns (arrays, not a statement per count of them): the
     * driver prepares it on the server after a few uses and PostgreSQL then keeps one plan, where a text per shape
     * was planned afresh on most LEADS turns (0.4-0.8 ms of planning per turn in a profile, for up to 11 ranges).
     */
    private static final String CANDIDATES = """
            (select %1$s from leads where status = 'OPEN' and assigned_to = :p and reserved_until > now()
             order by created_at desc limit :limit)
            union all
            (select c.* from unnest(cast(:products as text[])) as pr(product) cross join lateral (
                -- free leads (never held) over the partial indexes of V10, newest first ...
                (select %1$s from leads where lower(city) = lower(:city) and product = pr.product and status = 'OPEN'
                   and assigned_to is null order by created_at desc limit :limit)
                union all
                -- the newest anywhere: far cards and policies sell over the phone, and far loans are the last resort
                -- of a thin pool (ranked last by Nearness, so they never push a reachable lead off the list)
                (select %1$s from leads where product = pr.product and status = 'OPEN' and assigned_to is null
                 order by created_at desc limit :limit)
                union all
                -- ... and leads whose hold ran out, most recently first: free again, and the scorer ranks them all
                (select %1$s from leads where product = pr.product and status = 'OPEN' and assigned_to is not null
                   and reserved_until < now() order by reserved_until desc limit :limit)) c)
            union all
            (select n.* from unnest(cast(:near as text[])) as t(key) cross join unnest(cast(:products as text[])) as pr(product)
             cross join lateral (select %1$s from leads where lower(city) = t.key and product = pr.product
               and status = 'OPEN' and assigned_to is null order by created_at desc limit :perNear) n)"""
            .formatted(LEAD_COLUMNS);

    /** The towns with leads within {@link Nearness#REGION_KM} of the partner, nearest first, the partner's own left out. */
    private List<String> nearTowns(PartnerContext partner) {
        if (partner.place() == null) {
            return List.of();
        }
        String own = partner.city() == null ? "" : partner.city().trim().toLowerCase(java.util.Locale.ROOT);
        record Near(String key, double km) {
        }
        List<Near> near = new ArrayList<>();
        for (Town t : towns()) {
            double km = partner.place().km(t.at());
            if (km <= Nearness.REGION_KM && !t.key().equals(own)) {
                near.add(new Near(t.key(), km));
            }
        }
        near.sort(java.util.Comparator.comparingDouble(Near::km));
        return near.stream().map(Near::key).distinct().limit(NEAR_TOWNS).toList();
    }

    private List<Town> towns() {
        Towns held = towns;
        long now = System.nanoTime();
        if (held == null || now - held.readAtNanos() > PLACES_TTL.toNanos()) {
            held = new Towns(jdbc.sql("select city_key, state, latitude, longitude from lead_places")
                    .query((rs, n) -> new Town(rs.getString(1), rs.getString(2), new GeoPoint(rs.getDouble(3), rs.getDouble(4))))
                    .list(), now);
            towns = held;
        }
        return held.all();
    }

    @Override
    public java.util.Set<Long> reserve(long partnerId, List<Long> leadIds, Duration hold) {
        if (leadIds.isEmpty()) {
            return java.util.Set.of();
        }
        // row locks make the condition hold under races: a second partner's update waits, re-reads, finds it taken.
        // Committed without waiting for the disk (it was a flush of its own in every LEADS turn): other partners see
        // the hold at once, and the turn's own commit, which queues the reply that shows these leads, is flushed
        // after it in the log, so no partner is shown a lead whose hold a crash could lose.
        return new java.util.HashSet<>(jdbc.sql("""
                        with async as (select set_config('synchronous_commit', 'off', true))
                        update leads set assigned_to = :p, reserved_until = now() + make_interval(secs => :secs)
                        from async
                        where id = any(cast(:ids as bigint[])) and status = 'OPEN'
                          and (assigned_to is null or assigned_to = :p or reserved_until < now())
                        returning id""")
                .param("p", partnerId)
                .param("ids", leadIds.toArray(Long[]::new))
                .param("secs", (double) hold.toSeconds())
                .query(Long.class).list());
    }

    @Override
    public Optional<Lead> heldLead(long partnerId, long leadId) {
        return jdbc.sql("select " + LEAD_COLUMNS + " from leads where id = :id and assigned_to = :p")
                .param("id", leadId)
                .param("p", partnerId)
                .query(LEAD)
                .optional();
    }

    @Override
    public List<Lead> heldLeads(long partnerId) {
        return jdbc.sql("select " + LEAD_COLUMNS + " from leads where assigned_to = :p and status = 'OPEN'"
                        + " and reserved_until > now() order by created_at desc")
                .param("p", partnerId)
                .query(LEAD)
                .list();
    }

    /** One round trip for the list on screen; a hold that ran out is no longer the partner's, a closed lead still is. */
    @Override
    public List<Lead> heldLeads(long partnerId, List<Long> leadIds) {
        if (leadIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + LEAD_COLUMNS + " from leads where id = any(cast(:ids as bigint[])) and assigned_to = :p"
                        + " and (status = 'CLOSED' or reserved_until > now())")
                .param("ids", leadIds.toArray(Long[]::new))
                .param("p", partnerId)
                .query(LEAD)
                .list();
    }

    @Override
    public java.math.BigDecimal commission(Product product, java.math.BigDecimal amount) {
        return jdbc.sql("select round(:amount * rate_percent / 100 + flat_amount, 2) from product_commissions where product = :product")
                .param("amount", amount)
                .param("product", product.name())
                .query(java.math.BigDecimal.class)
                .optional()
                .orElse(java.math.BigDecimal.ZERO);
    }

    @Override
    public Progress progress(long partnerId) {
        Map<Skill, Progress.SkillScore> strand = new EnumMap<>(Skill.class);
        jdbc.sql("""
                        select s.skill, s.score, s.level, s.previous_score, coalesce(i.score, s.score) as initial
                        from partner_skills s left join initial_skill_assessments i
                          on i.partner_id = s.partner_id and i.skill = s.skill
                        where s.partner_id = :p""")
                .param("p", partnerId)
                .query(rs -> {
                    strand.put(Skill.ofCode(rs.getString("skill")), new Progress.SkillScore(rs.getInt("score"),
                            rs.getInt("level"), (Integer) rs.getObject("previous_score"), rs.getInt("initial")));
                });
        List<Progress.Badge> badges = jdbc.sql("""
                        select a.code, a.name_en, a.name_hi, a.points from partner_achievements pa
                        join achievements a on a.code = pa.code where pa.partner_id = :p order by a.sort""")
                .param("p", partnerId)
                .query((rs, n) -> new Progress.Badge(rs.getString("code"), rs.getString("name_en"),
                        rs.getString("name_hi"), rs.getInt("points")))
                .list();
        return jdbc.sql("with m as (" + JourneySql.METRICS + """
                        )
                        select m.*,
                          (select coalesce(sum(commission), 0) from sales where partner_id = :p
                             and sold_at >= %s) as earned_month,
                          (select coalesce(sum(commission), 0) from sales where partner_id = :p) as earned_total,
                          (select points from partners where id = :p) as points,
                          (select count(*) from leads where assigned_to = :p and status = 'OPEN'
                             and reserved_until > now()) as leads_held,
                          (select coalesce(json_agg(json_build_array(q.code, q.name_en, q.name_hi, %s, q.target, q.points)
                                                    order by q.sort)::text, '[]')
                             from quests q) as quests
                        from m""".formatted(JourneySql.MONTH_START_TS, JourneySql.QUEST_METRIC))
                .param("p", partnerId)
                .query((rs, n) -> new Progress(strand, rs.getBigDecimal("earned_month"), rs.getBigDecimal("earned_total"),
                        rs.getInt("points"), badges, quests(rs), rs.getInt("quizzes"), rs.getInt("leads_contacted"),
                        rs.getInt("sales"), rs.getInt("streak_days"), rs.getInt("leads_held")))
                .single();
    }

    private static List<Progress.QuestProgress> quests(ResultSet rs) throws SQLException {
        List<Progress.QuestProgress> quests = new ArrayList<>();
        for (List<Object> q : Json.readArrays(rs.getString("quests"))) {
            quests.add(new Progress.QuestProgress((String) q.get(0), (String) q.get(1), (String) q.get(2),
                    ((Number) q.get(3)).intValue(), ((Number) q.get(4)).intValue(), ((Number) q.get(5)).intValue()));
        }
        return quests;
    }

    @Override
    public List<Leader> top(Optional<String> city, int n, long viewerId) {
        String where = city.isPresent() ? " and lower(p.city) = lower(:city)" : "";
        JdbcClient.StatementSpec spec = jdbc.sql("""
                        select p.id, p.name, p.city, p.points,
                               exists (select 1 from partner_following f where f.follower_id = :viewer and f.followee_id = p.id) as followed
                        from partners p where p.onboarded_at is not null""" + where
                        + " order by p.points desc, p.id limit :n")
                .param("viewer", viewerId)
                .param("n", n);
        if (city.isPresent()) {
            spec = spec.param("city", city.get().trim());
        }
        int[] rank = {0};
        return spec.query((rs, i) -> new Leader(++rank[0], rs.getLong("id"), rs.getString("name"), rs.getString("city"),
                rs.getInt("points"), rs.getBoolean("followed"))).list();
    }

    @Override
    public List<CommunityTip> tips(long viewerId, int n) {
        // the followed partners' tips first; then the day's rotation, so the list changes from day to day
        return jdbc.sql("""
                        select t.id, p.id as partner_id, p.name, p.city, t.skill, t.en, t.hi
                        from community_tips t join partners p on p.id = t.partner_id
                        order by exists (select 1 from partner_following f
                                         where f.follower_id = :viewer and f.followee_id = p.id) desc,
                                 md5(t.id || %s::text), t.id
                        limit :n""".formatted(JourneySql.TODAY))
                .param("viewer", viewerId)
                .param("n", n)
                .query((rs, i) -> new CommunityTip(rs.getString("id"), rs.getLong("partner_id"), rs.getString("name"),
                        rs.getString("city"), Skill.ofCode(rs.getString("skill")), rs.getString("en"), rs.getString("hi")))
                .list();
    }
}
