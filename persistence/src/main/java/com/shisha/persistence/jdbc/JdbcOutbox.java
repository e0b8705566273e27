package com.shisha.persistence.jdbc;

import com.shisha.core.ConversationKey;
import com.shisha.core.OutboundMessage;
import com.shisha.core.pipeline.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The outbox in PostgreSQL (table outbound_messages): every change of a row's {@link OutboxStatus} after it is queued. */
public class JdbcOutbox implements Outbox {

    private static final Logger log = LoggerFactory.getLogger(JdbcOutbox.class);

    /**
     * One statement claims the row (PENDING, or SENDING with an expired lease), extends the lease, and tells
     * whether an earlier claim had already started sending and whether the recipient has opted out.
     * SKIP LOCKED: when two senders race for a row, the loser returns nothing instead of waiting. The row is found
     * by id alone (a materialized CTE) and its status checked after: with the status in the same WHERE, the
     * planner could answer the lookup from a partial index of unsent rows, which its statistics may price at one
     * row while a backlog holds thousands.
     */
    static final String CLAIM = OutboxStatus.sql("""
            with target as materialized (
                select id, status, lease_until, conversation_key from outbound_messages where id = :id
                for update skip locked),
            cur as (
                select t.id, t.status as prev_status from target t
                where (t.status = {PENDING} or (t.status = {SENDING} and t.lease_until < now()))
                  -- nothing older of the conversation unsent. A scalar subquery, not NOT EXISTS: that becomes an
                  -- anti-join, and its cached generic plan (made while nothing was unsent) scanned the whole partial
                  -- index of unsent rows per claim with the conversation as a mere filter: 4 ms of database CPU per
                  -- reply in a backlog of 20,000. As a subquery it probes the index by conversation and id
                  and (select older.id from outbound_messages older
                       where older.conversation_key = t.conversation_key
                         and older.id < t.id and older.status in ({PENDING}, {SENDING})
                       limit 1) is null)
            update outbound_messages o
            set status = {SENDING}, attempts = o.attempts + 1,
                lease_until = now() + make_interval(secs => :leaseSeconds), updated_at = now()
            from cur, conversations c
            where o.id = cur.id and c.conversation_key = o.conversation_key
            returning o.id, o.conversation_key, o.from_address, o.body, o.attempts, o.created_at,
                      o.content_sid, o.content_variables::text as content_variables, o.choices::text as choices,
                      (cur.prev_status = {SENDING} or o.reconcile) as resumed,
                      (c.opted_out_at is not null and not o.bypass_opt_out) as opted_out""");

    private static final String RENEW_LEASE = OutboxStatus.sql("""
                        update outbound_messages set lease_until = now() + make_interval(secs => :leaseSeconds), updated_at = now()
                        where id = :id and attempts = :attempts and status = {SENDING}
                          and lease_until > now() + make_interval(secs => :marginSeconds)""");

    private static final String DUE = OutboxStatus.sql("""
                        select id, conversation_key from (
                            (select o.id, o.conversation_key, o.next_attempt_at as due_at from outbound_messages o
                             where o.status = {PENDING} and o.next_attempt_at <= now()
                               and (select older.id from outbound_messages older
                                    where older.conversation_key = o.conversation_key and older.id < o.id
                                      and older.status in ({PENDING}, {SENDING}) limit 1) is null
                             order by o.next_attempt_at limit :limit)
                            union all
                            (select o.id, o.conversation_key, o.lease_until as due_at from outbound_messages o
                             where o.status = {SENDING} and o.lease_until < now()
                               and (select older.id from outbound_messages older
                                    where older.conversation_key = o.conversation_key and older.id < o.id
                                      and older.status in ({PENDING}, {SENDING}) limit 1) is null
                             order by o.lease_until limit :limit)) due
                        order by due_at
                        limit :limit""");

    private static final String MARK_SENT = OutboxStatus.sql("""
                        with async as (select set_config('synchronous_commit', 'off', true)),
                        marks as (select * from unnest(cast(:ids as bigint[]), cast(:sids as text[])) as m(id, sid))
                        update outbound_messages o set status = {SENT}, provider_message_id = marks.sid, sent_at = now(),
                            lease_until = null, last_error = null, updated_at = now()
                        from async, marks
                        where o.id = marks.id
                        returning o.id""");

    private static final String SENT_IDS = OutboxStatus.sql("""
                        select provider_message_id from outbound_messages
                        where conversation_key = :key and status = {SENT} and body = :body and created_at >= :since""");

    private static final String RETRY_LATER = OutboxStatus.sql("""
                        update outbound_messages set status = {PENDING}, next_attempt_at = :at, lease_until = null,
                            last_error = :reason, reconcile = reconcile or :reconcile, updated_at = now()
                        where id = :id and status = {SENDING}""");

    /**
     * A proactive message may be the first thing we ever send to that address: the conversation row it hangs
     * on is created here (foreign keys are checked at the end of the statement, so it is there in time).
     */
    private static final String ENQUEUE_PROACTIVE = """
            with conv as (
                insert into conversations (conversation_key, channel, address)
                values (:key, :channel, :address)
                on conflict (conversation_key) do nothing)
            insert into outbound_messages (conversation_key, from_address, body, content_sid, content_variables)
            values (:key, :from, :body, :contentSid, cast(:variables as jsonb))
            returning id""";

    /** Twilio's Content SID; checked here so a typo fails the caller now, not a send later. */
    private static final Pattern CONTENT_SID = Pattern.compile("HX[0-9a-fA-F]{32}");

    private final JdbcClient jdbc;
    private final JdbcClient writes;
    private final Json json;
    private final GroupCommit<SentMark, Boolean> sentMarks;

    public JdbcOutbox(JdbcClient jdbc, Json json) {
        this(jdbc, jdbc, json);
    }

    /** @param writes where the group-commit writer of sent marks writes (see {@link WriterPool}) */
    public JdbcOutbox(JdbcClient jdbc, JdbcClient writes, Json json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
        // a mark is one row: 64 covers every sender thread many times over
        this.sentMarks = new GroupCommit<>("outbox-marks", 64, Duration.ofSeconds(10), Duration.ZERO, null, this::writeSent);
    }

    @Override
    public long enqueueProactive(ConversationKey key, String from, String body, String contentSid, Map<String, String> variables) {
        if (contentSid != null && !CONTENT_SID.matcher(contentSid).matches()) {
            throw new IllegalArgumentException("not a Twilio Content SID (HX and 32 hex digits): " + contentSid);
        }
        // the message validates the rest (body present, no variables without a template) before anything is stored
        OutboundMessage message = new OutboundMessage(0, key, from, body, 0, Instant.EPOCH, contentSid, variables);
        return jdbc.sql(ENQUEUE_PROACTIVE)
                .param("key", key.value())
                .param("channel", key.channel().name())
                .param("address", key.address())
                .param("from", from)
                .param("body", body)
                .param("contentSid", contentSid)
                .param("variables", message.contentVariables().isEmpty() ? null : json.write(message.contentVariables()))
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<ClaimedMessage> claim(long id, Duration lease) {
        return jdbc.sql(CLAIM)
                .param("id", id)
                .param("leaseSeconds", lease.toMillis() / 1000.0)
                .query((rs, n) -> new ClaimedMessage(
                        new OutboundMessage(rs.getLong("id"), ConversationKey.parse(rs.getString("conversation_key")),
                                rs.getString("from_address"), rs.getString("body"), rs.getInt("attempts"),
                                rs.getTimestamp("created_at").toInstant(), rs.getString("content_sid"),
                                json.readTemplateVariables(rs.getString("content_variables")),
                                json.readChoices(rs.getString("choices"))),
                        rs.getBoolean("resumed"), rs.getBoolean("opted_out")))
                .optional();
    }

    @Override
    public boolean renewLease(long id, int attempts, Duration lease) {
        // the margin: a lease about to run out may be read as expired by a sweep before this update commits.
        // attempts: each claim counts one, so a row re-claimed elsewhere after our lease ran out (and now under a
        // live lease of its new sender's) is not ours to renew
        return jdbc.sql(RENEW_LEASE)
                .param("id", id).param("attempts", attempts).param("leaseSeconds", lease.toMillis() / 1000.0)
                .param("marginSeconds", Math.min(2.0, lease.toMillis() / 4000.0))
                .update() == 1;
    }

    @Override
    public List<Due> due(int limit) {
        // each kind from its own partial index in due order, so each read stops after :limit rows (one OR of both
        // sorted every due row first: in a backlog of 20,000 unclaimed replies that was every sweep's cost).
        // Only a conversation's oldest unsent row can be claimed (replies keep their order), so only those are
        // returned: when every due row was returned, rows queued behind a reply in backoff were due before it, filled
        // each sweep's :limit, and sending stalled for good after an outage. The head test is the claim's scalar
        // subquery (an index probe per row read); rows behind a head are only read in such a backlog.
        return jdbc.sql(DUE)
                .param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong(1), ConversationKey.parse(rs.getString(2))))
                .list();
    }

    /**
     * Marks from all sender threads are written together (one statement for whatever is waiting; a sender waits
     * for its own, so the next row of that conversation is claimed only after this one is recorded). Committed
     * without waiting for the disk (synchronous_commit off for this transaction only): if a crash loses a mark,
     * the row is SENDING with a lease again, and its resumed send asks the provider first and finds the message
     * there. The claim before the send, by contrast, is always flushed.
     */
    @Override
    public void markSent(long id, String providerMessageId) {
        if (!sentMarks.submit(new SentMark(id, providerMessageId))) {
            // only a row that never existed (or was deleted) gets here: the provider has the message, the outbox not
            log.error("SENT mark for outbox row {} ({}) found no row", id, providerMessageId);
        }
    }

    private record SentMark(long id, String providerMessageId) {
    }

    /** One result per mark: whether its row was there to mark. */
    private List<Boolean> writeSent(List<SentMark> marks) {
        Set<Long> marked = new HashSet<>(writes.sql(MARK_SENT)
                .param("ids", marks.stream().mapToLong(SentMark::id).toArray())
                .param("sids", marks.stream().map(SentMark::providerMessageId).toArray(String[]::new))
                .query(Long.class)
                .list());
        return marks.stream().map(m -> marked.contains(m.id())).toList();
    }

    @Override
    public Set<String> sentProviderIds(ConversationKey key, String body, Instant since) {
        return Set.copyOf(jdbc.sql(SENT_IDS)
                .param("key", key.value()).param("body", body).param("since", Timestamp.from(since))
                .query(String.class).list());
    }

    @Override
    public void retryLater(long id, Instant notBefore, String reason, boolean reconcile) {
        jdbc.sql(RETRY_LATER)
                .param("id", id).param("at", Timestamp.from(notBefore)).param("reason", truncate(reason))
                .param("reconcile", reconcile).update();
    }

    @Override
    public void markFailed(long id, String reason) {
        finish(id, OutboxStatus.FAILED, reason);
    }

    @Override
    public void markSuppressed(long id, String reason) {
        finish(id, OutboxStatus.SUPPRESSED, reason);
    }

    private void finish(long id, OutboxStatus status, String reason) {
        jdbc.sql("update outbound_messages set status = :status, last_error = :reason, lease_until = null, updated_at = now() where id = :id")
                .param("id", id).param("status", status.name()).param("reason", truncate(reason)).update();
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }
}
