package com.shisha.persistence.jdbc;

import com.shisha.core.Language;
import com.shisha.core.companion.PushQueue;
import com.shisha.core.journey.JourneyUpdate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The push queue in PostgreSQL (table push_notifications): every write to that table is here. */
public class JdbcPushQueue implements PushQueue {

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcPushQueue(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<Pending> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                        with due as (
                            select id from push_notifications
                            where status = 'PENDING' and due_at <= :now
                            order by due_at, id limit :limit
                            for update skip locked)
                        update push_notifications n set due_at = :until
                        from due, partners p
                        where n.id = due.id and p.id = n.partner_id
                        returning n.id, n.partner_id, n.kind, p.language, n.params::text as params, n.attempts, n.created_at""")
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(now.plus(lease))).param("limit", limit)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("partner_id"), Kind.valueOf(rs.getString("kind")),
                        Language.fromCode(rs.getString("language")), json.readSlots(rs.getString("params")),
                        rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /**
     * Queues a badge's push in the caller's transaction (hence the caller's client), so the push exists exactly when
     * the badge does; only for partners with a device (the dispatcher would drop it anyway, and WhatsApp-only
     * partners are most of them).
     */
    static void queueBadge(JdbcClient jdbc, long partnerId, JourneyUpdate.Award award) {
        jdbc.sql("""
                        insert into push_notifications (partner_id, kind, dedupe_key, params)
                        select :p, 'BADGE', 'badge:' || :code,
                               jsonb_build_object('code', :code, 'nameEn', :en, 'nameHi', :hi, 'points', :points)
                        where exists (select 1 from device_tokens d where d.partner_id = :p)
                        on conflict do nothing""")
                .param("p", partnerId).param("code", award.code()).param("en", award.nameEn()).param("hi", award.nameHi())
                .param("points", String.valueOf(award.points()))
                .update();
    }

    @Override
    public List<String> tokens(long partnerId) {
        return jdbc.sql("select token from device_tokens where partner_id = :p order by updated_at desc")
                .param("p", partnerId).query(String.class).list();
    }

    @Override
    public int sentSince(long partnerId, Instant from) {
        return jdbc.sql("select count(*) from push_notifications where partner_id = :p and status = 'SENT' and settled_at >= :from")
                .param("p", partnerId).param("from", Timestamp.from(from)).query(Integer.class).single();
    }

    @Override
    public boolean markSent(long id, Instant at, String detail) {
        return settle(id, "SENT", at, detail);
    }

    @Override
    public boolean drop(long id, String reason) {
        return settle(id, "DROPPED", Instant.now(), reason);
    }

    private boolean settle(long id, String status, Instant at, String detail) {
        return jdbc.sql("""
                        update push_notifications set status = :status, settled_at = :at, detail = :detail, attempts = attempts + 1
                        where id = :id and status = 'PENDING'""")
                .param("status", status).param("at", Timestamp.from(at)).param("detail", detail).param("id", id)
                .update() == 1;
    }

    @Override
    public void retryAt(long id, Instant until, String reason) {
        jdbc.sql("""
                        update push_notifications set due_at = :until, attempts = attempts + 1, detail = :reason
                        where id = :id and status = 'PENDING'""")
                .param("until", Timestamp.from(until)).param("reason", reason).param("id", id).update();
    }

    @Override
    public void removeToken(String token) {
        jdbc.sql("delete from device_tokens where token = :t").param("t", token).update();
    }

    @Override
    public int queueQuestReminders(LocalDate indiaDay, Instant dueAt) {
        return jdbc.sql("""
                        with week as (select date_trunc('week', cast(:day as date))::date as start),
                        open as (
                            select p.id as partner_id, count(*) as open
                            from partners p cross join quests q cross join week
                            where p.onboarded_at is not null
                              and exists (select 1 from device_tokens d where d.partner_id = p.id)
                              and not exists (select 1 from partner_quest_completions c
                                              where c.partner_id = p.id and c.quest = q.code and c.week_start = week.start)
                            group by p.id)
                        insert into push_notifications (partner_id, kind, dedupe_key, params, due_at)
                        select partner_id, 'QUEST_REMINDER', 'quests:' || cast(:day as text),
                               jsonb_build_object('open', open::text), :due
                        from open
                        on conflict do nothing""")
                .param("day", java.sql.Date.valueOf(indiaDay)).param("due", Timestamp.from(dueAt))
                .update();
    }

    @Override
    public int queueNewHotLeads(Instant now) {
        // the conditional update re-checks that the lead is still free under its row lock, so neither the
        // matcher nor another instance running this at the same moment can end up holding the same lead
        return jdbc.sql("""
                        with app_partners as (
                            -- driven from the few partners with a device, not from the leads: without devices this
                            -- is empty at once, and a pass costs nothing beside the turns
                            select p.id, p.products, lower(p.city) as city, p.points, min(d.created_at) as device_since
                            from device_tokens d join partners p on p.id = d.partner_id
                            where p.onboarded_at is not null
                            group by p.id),
                        best_partner as (
                            select distinct on (l.id) l.id as lead_id, a.id as partner_id, l.product, l.city, l.created_at
                            from app_partners a
                            join leads l on lower(l.city) = a.city and l.product = any(a.products)
                            where l.status = 'OPEN' and l.created_at > cast(:now as timestamptz) - interval '24 hours'
                              and l.created_at > a.device_since
                              and (l.assigned_to is null or l.reserved_until < cast(:now as timestamptz))
                              and not exists (select 1 from push_notifications n
                                              where n.kind = 'HOT_LEAD' and n.dedupe_key = 'lead:' || l.id)
                              and (select count(*) from leads h where h.assigned_to = a.id and h.status = 'OPEN'
                                   and h.reserved_until > cast(:now as timestamptz)) < :maxHeld
                            order by l.id, a.points desc, a.id),
                        one_per_partner as (
                            select distinct on (partner_id) * from best_partner order by partner_id, created_at desc),
                        reserved as (
                            update leads l set assigned_to = o.partner_id,
                                               reserved_until = cast(:now as timestamptz) + cast(:hold as interval)
                            from one_per_partner o
                            where l.id = o.lead_id and (l.assigned_to is null or l.reserved_until < cast(:now as timestamptz))
                            returning l.id, o.partner_id, o.product, o.city)
                        insert into push_notifications (partner_id, kind, dedupe_key, params)
                        select partner_id, 'HOT_LEAD', 'lead:' || id,
                               jsonb_build_object('leadId', id::text, 'product', product, 'city', city)
                        from reserved
                        on conflict do nothing""")
                .param("now", java.sql.Timestamp.from(now))
                .param("maxHeld", com.shisha.core.journey.LeadMatcher.MAX_HELD)
                .param("hold", com.shisha.core.journey.LeadMatcher.HOLD.toHours() + " hours")
                .update();
    }
}
