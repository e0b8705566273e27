package com.shisha.persistence.console;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.console.Broadcasts;
import com.shisha.core.pipeline.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Broadcasts: the broadcast itself is an entity (its state guards its transitions); its recipients are rows worked
 * in bulk with JDBC, each batch one transaction with the outbox rows it queues.
 */
@Component
class JpaBroadcasts implements Broadcasts {

    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    /** Partners in a segment: onboarded, on WhatsApp, each filter applied only when given. */
    private static final String SEGMENT = """
            from partners p join conversations c on c.channel = 'WHATSAPP' and c.address = p.phone
            where p.onboarded_at is not null
              and (cast(:city as text) is null or lower(p.city) = lower(cast(:city as text)))
              and (cast(:product as text) is null or cast(:product as text) = any(p.products))
              and (cast(:language as text) is null or p.language = cast(:language as text))
              and (cast(:activeDays as int) is null or c.last_inbound_at >= now() - make_interval(days => cast(:activeDays as int)))
              and (cast(:inactiveDays as int) is null or c.last_inbound_at is null
                   or c.last_inbound_at < now() - make_interval(days => cast(:inactiveDays as int)))
              and (cast(:minSkill as int) is null
                   or (select avg(s.score) from partner_skills s where s.partner_id = p.id) >= cast(:minSkill as int))
              and (cast(:maxSkill as int) is null
                   or coalesce((select avg(s.score) from partner_skills s where s.partner_id = p.id), 0) <= cast(:maxSkill as int))""";

    private final BroadcastRepository repository;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final TransactionTemplate jdbcTransactions;
    private final Clock clock;

    JpaBroadcasts(BroadcastRepository repository, JdbcClient jdbc, Outbox outbox, PlatformTransactionManager transactions,
                  Optional<Clock> clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.jdbcTransactions = new TransactionTemplate(transactions);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS)
    public Broadcast create(String name, String templateSid, String body, Segment segment, long staffId) {
        return repository.saveAndFlush(new BroadcastRecord(name, templateSid, body, segment, staffId, clock.instant())).view();
    }

    @Override
    public long count(Segment segment) {
        return segmentParams(jdbc.sql("select count(*) " + SEGMENT), segment).query(Long.class).single();
    }

    /** The entity moves to SENDING and the recipients are fixed in one transaction: a start happens once or not at all. */
    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS)
    public Broadcast start(long id) {
        BroadcastRecord record = repository.findById(id).orElseThrow(() -> new IllegalArgumentException("no broadcast " + id));
        record.start(clock.instant());
        repository.saveAndFlush(record);
        segmentParams(jdbc.sql("insert into broadcast_recipients (broadcast_id, partner_id, conversation_key, state) select :id, p.id, "
                + "c.conversation_key, 'PENDING' " + SEGMENT + " on conflict do nothing"), record.segment()).param("id", id).update();
        return record.view();
    }

    @Override
    public Broadcast cancel(long id) {
        return change(id, r -> r.cancel(clock.instant()));
    }

    private Broadcast change(long id, Consumer<BroadcastRecord> change) {
        BroadcastRecord record = repository.findById(id).orElseThrow(() -> new IllegalArgumentException("no broadcast " + id));
        change.accept(record);
        try {
            return repository.saveAndFlush(record).view();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new IllegalStateException("broadcast " + id + " was changed elsewhere just now; look again", e);
        }
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS, readOnly = true)
    public Optional<Broadcast> find(long id) {
        return repository.findById(id).map(BroadcastRecord::view);
    }

    @Override
    @Transactional(transactionManager = ConsolePersistence.TRANSACTIONS, readOnly = true)
    public List<Broadcast> all() {
        return repository.findAllByOrderByIdDesc().stream().map(BroadcastRecord::view).toList();
    }

    @Override
    public Progress progress(long id) {
        return jdbc.sql("""
                        select count(*) as recipients,
                               count(*) filter (where r.state = 'PENDING') as pending,
                               count(*) filter (where r.state = 'QUEUED') as queued,
                               count(*) filter (where r.state = 'SKIPPED' and r.reason = 'opted_out') as opted_out,
                               count(*) filter (where r.state = 'SKIPPED' and r.reason = 'daily_limit') as daily_limit,
                               count(*) filter (where o.status = 'SENT') as sent,
                               count(*) filter (where o.delivery_status in ('delivered', 'read')) as delivered,
                               count(*) filter (where o.delivery_status = 'read') as read,
                               count(*) filter (where o.status = 'FAILED' or o.delivery_status in ('failed', 'undelivered')) as failed
                        from broadcast_recipients r left join outbound_messages o on o.id = r.outbound_id
                        where r.broadcast_id = ?""")
                .params(id)
                .query((rs, n) -> new Progress(rs.getLong("recipients"), rs.getLong("pending"), rs.getLong("queued"),
                        rs.getLong("opted_out"), rs.getLong("daily_limit"), rs.getLong("sent"), rs.getLong("delivered"),
                        rs.getLong("read"), rs.getLong("failed")))
                .single();
    }

    private record Due(long broadcastId, long partnerId, String conversation, String templateSid, String body, String name,
                       Language language, boolean optedOut, long todays) {
    }

    @Override
    public List<Queued> sendDue(int batch, LocalDate today, int perPartnerPerDay) {
        Timestamp dayStart = Timestamp.from(today.atStartOfDay(INDIA).toInstant());
        List<Queued> queued = new ArrayList<>();
        List<Long> touched = jdbcTransactions.execute(tx -> {
            // locked and skipped by every other instance until this transaction ends
            List<Due> due = jdbc.sql("""
                            select r.broadcast_id, r.partner_id, r.conversation_key, b.template_sid, b.body, p.name, p.language,
                                   c.opted_out_at is not null as opted_out,
                                   (select count(*) from broadcast_recipients t where t.partner_id = r.partner_id
                                      and t.state = 'QUEUED' and t.queued_at >= :dayStart) as todays
                            from broadcast_recipients r
                            join broadcasts b on b.id = r.broadcast_id and b.state = 'SENDING'
                            join partners p on p.id = r.partner_id
                            left join conversations c on c.conversation_key = r.conversation_key
                            where r.state = 'PENDING'
                            order by r.broadcast_id, r.partner_id
                            limit :batch
                            for update of r skip locked""")
                    .param("dayStart", dayStart).param("batch", batch)
                    .query((rs, n) -> new Due(rs.getLong("broadcast_id"), rs.getLong("partner_id"), rs.getString("conversation_key"),
                            rs.getString("template_sid"), rs.getString("body"), rs.getString("name"),
                            Language.fromCode(rs.getString("language")), rs.getBoolean("opted_out"), rs.getLong("todays")))
                    .list();
            java.util.Map<Long, Long> queuedToday = new java.util.HashMap<>();
            List<Long> broadcasts = new ArrayList<>();
            for (Due d : due) {
                if (!broadcasts.contains(d.broadcastId())) {
                    broadcasts.add(d.broadcastId());
                }
                long todays = d.todays() + queuedToday.getOrDefault(d.partnerId(), 0L);
                if (d.optedOut() || todays >= perPartnerPerDay) {
                    jdbc.sql("update broadcast_recipients set state = 'SKIPPED', reason = ? where broadcast_id = ? and partner_id = ?")
                            .params(d.optedOut() ? "opted_out" : "daily_limit", d.broadcastId(), d.partnerId()).update();
                    continue;
                }
                ConversationKey key = ConversationKey.parse(d.conversation());
                String name = d.name() == null || d.name().isBlank() ? (d.language() == Language.HI ? "साथी" : "partner") : d.name();
                long outboundId = outbox.enqueueProactive(key, null, d.body().replace("{{1}}", name), d.templateSid(), Map.of("1", name));
                jdbc.sql("update broadcast_recipients set state = 'QUEUED', outbound_id = ?, queued_at = now() where broadcast_id = ? and partner_id = ?")
                        .params(outboundId, d.broadcastId(), d.partnerId()).update();
                queuedToday.merge(d.partnerId(), 1L, Long::sum);
                queued.add(new Queued(key, outboundId));
            }
            return broadcasts;
        });
        for (long id : touched == null ? List.<Long>of() : touched) {
            finishIfDone(id);
        }
        if (touched == null || touched.isEmpty()) {
            // a broadcast whose segment was empty has nothing to pick: it is done as soon as it starts
            jdbc.sql("select b.id from broadcasts b where b.state = 'SENDING' and not exists "
                            + "(select 1 from broadcast_recipients r where r.broadcast_id = b.id and r.state = 'PENDING')")
                    .query(Long.class).list().forEach(this::finishIfDone);
        }
        return queued;
    }

    private void finishIfDone(long id) {
        boolean pending = jdbc.sql("select exists (select 1 from broadcast_recipients where broadcast_id = ? and state = 'PENDING')")
                .params(id).query(Boolean.class).single();
        if (!pending) {
            try {
                change(id, r -> {
                    if (r.view().state() == State.SENDING) {
                        r.finish(clock.instant());
                    }
                });
            } catch (IllegalStateException e) {
                // another instance finished (or an admin cancelled) it at the same moment
            }
        }
    }

    private static JdbcClient.StatementSpec segmentParams(JdbcClient.StatementSpec sql, Segment s) {
        return sql.param("city", blank(s.city())).param("product", blank(s.product())).param("language", blank(s.language()))
                .param("activeDays", s.activeWithinDays()).param("inactiveDays", s.inactiveForDays())
                .param("minSkill", s.minSkill()).param("maxSkill", s.maxSkill());
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
