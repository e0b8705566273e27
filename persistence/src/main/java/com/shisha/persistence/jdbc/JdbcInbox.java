package com.shisha.persistence.jdbc;

import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.dialog.ConversationState;
import com.shisha.core.pipeline.Inbox;
import com.shisha.core.pipeline.Inbox.Stored;
import com.shisha.core.pipeline.StoredInbound;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The inbox in PostgreSQL, written by group commit: concurrent webhook threads hand their message to one
 * writer, which stores everything waiting in one statement and one commit, then releases each caller with
 * "new" or "duplicate". A caller returns only after its message is committed, so an acknowledged message is
 * durable (flushed to disk, unless the database runs without fsync); the batching only shares the commit (one
 * flush for many messages).
 *
 * <p>The statement bumps each conversation's inbox_seq (taking the row lock until commit) and inserts the
 * messages with ON CONFLICT (provider_message_id) DO NOTHING. So concurrent messages of one conversation get
 * seq in commit order, and copies of one MessageSid yield one row. A batch holds at most one message per
 * conversation (an upsert cannot touch a row twice); later ones wait for the next batch, keeping their order.
 */
public class JdbcInbox implements Inbox {

    private static final int MAX_BATCH = 256;
    /** Well inside Twilio's 15 s: past it the webhook answers 503 and Twilio retries. */
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(5);

    private static final String STORE = """
            with input as (
                select * from unnest(cast(:sids as text[]), cast(:keys as text[]), cast(:channels as text[]),
                                     cast(:addresses as text[]), cast(:tos as text[]), cast(:bodies as text[]),
                                     cast(:media as text[]), cast(:profiles as text[]), cast(:received as bigint[]))
                         as t(sid, key, channel, address, to_address, body, media, profile, received_ms)),
            c as (
                insert into conversations (conversation_key, channel, address, inbox_seq, last_inbound_at)
                select key, channel, address, 1, now() from input order by key
                on conflict (conversation_key) do update
                    set inbox_seq = conversations.inbox_seq + 1, last_inbound_at = now()
                returning conversation_key, channel, address, inbox_seq, processed_seq, step, slots::text as slots, language,
                          opted_out_at, version),
            stored as (
                insert into inbound_messages (provider_message_id, conversation_key, seq, to_address, body, media, profile_name, received_at)
                select i.sid, i.key, c.inbox_seq, i.to_address, i.body, cast(i.media as jsonb), i.profile,
                       to_timestamp(i.received_ms / 1000.0)
                from input i join c on c.conversation_key = i.key
                on conflict (provider_message_id) do nothing
                returning id, provider_message_id, conversation_key, seq)
            -- "next": the message right after the last processed one (c is the conversation row as this statement
            -- updated it, under its lock: also a store or a turn another instance committed meanwhile is in it).
            -- A duplicate bumps inbox_seq too, leaving a gap; the message after a gap is not "next", which only
            -- costs it the hint
            select s.id, s.provider_message_id, c.step, c.slots, c.language, c.opted_out_at, c.version, %s,
                   c.processed_seq = s.seq - 1 as next
            from stored s join c on c.conversation_key = s.conversation_key""".formatted(JdbcConversationStore.WITH_AGENT);

    /** STORE for a batch that holds a tap: one more array. A batch of typed messages stores exactly as before. */
    private static final String STORE_WITH_CHOICES = Sql.variant(STORE,
            "cast(:received as bigint[]))", "cast(:received as bigint[]), cast(:choices as text[]))",
            "profile, received_ms)", "profile, received_ms, choice_id)",
            "profile_name, received_at)", "profile_name, received_at, choice_id)",
            "to_timestamp(i.received_ms / 1000.0)", "to_timestamp(i.received_ms / 1000.0), i.choice_id");

    private final JdbcClient jdbc;
    private final JdbcClient writes;
    private final Json json;
    private final GroupCommit<InboundMessage, Optional<Stored>> writer;

    public JdbcInbox(JdbcClient jdbc, Json json) {
        this(jdbc, jdbc, json, Duration.ZERO);
    }

    /**
     * @param writes where the group-commit writer stores (see {@link WriterPool}); reads go to {@code jdbc}
     * @param linger how long the writer waits for more messages before it stores (see {@link GroupCommit})
     */
    public JdbcInbox(JdbcClient jdbc, JdbcClient writes, Json json, Duration linger) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
        this.writer = new GroupCommit<>("inbox-writer", MAX_BATCH, STORE_TIMEOUT, linger, m -> m.conversation().value(), this::write);
    }

    @Override
    public Optional<Stored> store(InboundMessage message) {
        return writer.submit(message);
    }

    @Override
    public List<Attempt> storeAll(List<InboundMessage> messages) {
        // all handed in before any is awaited, so the writer batches them instead of taking one at a time
        List<CompletableFuture<Optional<Stored>>> results = writer.submitAll(messages);
        return results.stream().map(r -> Attempt.of(() -> writer.await(r))).toList();
    }

    private List<Optional<Stored>> write(List<InboundMessage> batch) {
        int n = batch.size();
        String[] sids = new String[n], keys = new String[n], channels = new String[n], addresses = new String[n];
        String[] tos = new String[n], bodies = new String[n], media = new String[n], profiles = new String[n];
        long[] received = new long[n];
        String[] choices = null;
        Map<String, InboundMessage> bySid = new HashMap<>();
        for (int i = 0; i < n; i++) {
            InboundMessage m = batch.get(i);
            bySid.put(m.providerMessageId(), m);
            sids[i] = m.providerMessageId();
            keys[i] = m.conversation().value();
            channels[i] = m.conversation().channel().name();
            addresses[i] = m.conversation().address();
            tos[i] = m.to();
            bodies[i] = m.text();
            media[i] = json.write(m.media());
            profiles[i] = m.profileName();
            received[i] = m.receivedAt().toEpochMilli();
            if (m.choiceId() != null) {
                choices = choices == null ? new String[n] : choices;
                choices[i] = m.choiceId();
            }
        }
        Map<String, Stored> stored = new HashMap<>();
        var statement = writes.sql(choices == null ? STORE : STORE_WITH_CHOICES)
                .param("sids", sids).param("keys", keys).param("channels", channels).param("addresses", addresses)
                .param("tos", tos).param("bodies", bodies).param("media", media).param("profiles", profiles)
                .param("received", received);
        (choices == null ? statement : statement.param("choices", choices))
                .query(rs -> {
                    InboundMessage m = bySid.get(rs.getString("provider_message_id"));
                    ConversationState state = rs.getBoolean("next") ? JdbcConversationStore.state(m.conversation(), rs, json) : null;
                    // as a read of the row would return it: received_at is stored to the millisecond
                    InboundMessage asStored = new InboundMessage(m.providerMessageId(), m.conversation(), m.to(), m.text(),
                            m.media(), m.profileName(), m.receivedAt().truncatedTo(ChronoUnit.MILLIS), null, m.choiceId());
                    stored.put(m.providerMessageId(), new Stored(new StoredInbound(rs.getLong("id"), asStored), state));
                });
        return batch.stream().map(m -> Optional.ofNullable(stored.get(m.providerMessageId()))).toList();
    }

    @Override
    public List<StoredInbound> pending(ConversationKey key, int limit) {
        return jdbc.sql("""
                        select id, provider_message_id, to_address, body, media::text as media, profile_name, received_at,
                               choice_id
                        from inbound_messages
                        where conversation_key = :key and processed_at is null
                        order by seq
                        limit :limit""")
                .param("key", key.value())
                .param("limit", limit)
                .query((rs, n) -> stored(rs, key, json))
                .list();
    }

    /** A row of inbound_messages with the columns of {@link #pending} (also read by the conversation store's open). */
    static StoredInbound stored(java.sql.ResultSet rs, ConversationKey key, Json json) throws java.sql.SQLException {
        return new StoredInbound(rs.getLong("id"), new InboundMessage(
                rs.getString("provider_message_id"), key, rs.getString("to_address"), rs.getString("body"),
                json.readMedia(rs.getString("media")), rs.getString("profile_name"),
                rs.getTimestamp("received_at").toInstant(), null, rs.getString("choice_id")));
    }

    /**
     * Reads waiting rows, not distinct conversations: DISTINCT sorted every waiting message first, ~100 ms each
     * second in a backlog of 18,000 (auto_explain). A bounded read of rows stops early; a conversation with many
     * waiting messages takes several of them, so a sweep may return fewer than {@code limit} conversations.
     */
    @Override
    public List<ConversationKey> conversationsWithPending(Instant receivedBefore, int limit) {
        Set<String> keys = new LinkedHashSet<>();
        jdbc.sql("""
                        select conversation_key from inbound_messages
                        where processed_at is null and received_at < :before
                        limit :rows""")
                .param("before", Timestamp.from(receivedBefore))
                .param("rows", limit * 10)
                .query(rs -> {
                    if (keys.size() < limit) {
                        keys.add(rs.getString(1));
                    }
                });
        return keys.stream().map(ConversationKey::parse).toList();
    }
}
