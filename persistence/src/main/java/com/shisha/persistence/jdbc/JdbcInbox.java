package com.shisha.persistence.jdbc;

import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.pipeline.Inbox;
import com.shisha.core.pipeline.StoredInbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    private static final Logger log = LoggerFactory.getLogger(JdbcInbox.class);
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
                returning conversation_key, inbox_seq)
            insert into inbound_messages (provider_message_id, conversation_key, seq, to_address, body, media, profile_name, received_at)
            select i.sid, i.key, c.inbox_seq, i.to_address, i.body, cast(i.media as jsonb), i.profile,
                   to_timestamp(i.received_ms / 1000.0)
            from input i join c on c.conversation_key = i.key
            on conflict (provider_message_id) do nothing
            returning provider_message_id""";

    private final JdbcClient jdbc;
    private final Json json;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Deque<Pending> carried = new ArrayDeque<>();

    private record Pending(InboundMessage message, CompletableFuture<Boolean> stored) {
    }

    public JdbcInbox(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
        Thread writer = new Thread(this::writeLoop, "inbox-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public boolean store(InboundMessage message) {
        Pending pending = new Pending(message, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.stored().get(STORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the inbox did not store message " + message.providerMessageId() + " within " + STORE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing " + message.providerMessageId(), e);
        }
    }

    private void writeLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                List<Pending> batch = nextBatch();
                write(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("inbox writer: unexpected failure", e);
            }
        }
    }

    /** Up to MAX_BATCH waiting messages, at most one per conversation; the rest carried over in order. */
    private List<Pending> nextBatch() throws InterruptedException {
        List<Pending> candidates = new ArrayList<>(carried);
        carried.clear();
        if (candidates.isEmpty()) {
            candidates.add(queue.take());
        }
        queue.drainTo(candidates, MAX_BATCH * 2 - candidates.size());
        List<Pending> batch = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Pending p : candidates) {
            if (batch.size() < MAX_BATCH && keys.add(p.message().conversation().value())) {
                batch.add(p);
            } else {
                carried.add(p);
            }
        }
        return batch;
    }

    private void write(List<Pending> batch) {
        int n = batch.size();
        String[] sids = new String[n], keys = new String[n], channels = new String[n], addresses = new String[n];
        String[] tos = new String[n], bodies = new String[n], media = new String[n], profiles = new String[n];
        long[] received = new long[n];
        for (int i = 0; i < n; i++) {
            InboundMessage m = batch.get(i).message();
            sids[i] = m.providerMessageId();
            keys[i] = m.conversation().value();
            channels[i] = m.conversation().channel().name();
            addresses[i] = m.conversation().address();
            tos[i] = m.to();
            bodies[i] = m.text();
            media[i] = json.write(m.media());
            profiles[i] = m.profileName();
            received[i] = m.receivedAt().toEpochMilli();
        }
        try {
            Set<String> inserted = new HashSet<>(jdbc.sql(STORE)
                    .param("sids", sids).param("keys", keys).param("channels", channels).param("addresses", addresses)
                    .param("tos", tos).param("bodies", bodies).param("media", media).param("profiles", profiles)
                    .param("received", received)
                    .query(String.class).list());
            for (Pending p : batch) {
                p.stored().complete(inserted.contains(p.message().providerMessageId()));
            }
        } catch (RuntimeException e) {
            log.error("storing {} inbound messages failed: {}", n, e.toString());
            batch.forEach(p -> p.stored().completeExceptionally(e));
        }
    }

    @Override
    public List<StoredInbound> pending(ConversationKey key, int limit) {
        return jdbc.sql("""
                        select id, provider_message_id, to_address, body, media::text as media, profile_name, received_at
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
                rs.getTimestamp("received_at").toInstant()));
    }

    @Override
    public List<ConversationKey> conversationsWithPending(Instant receivedBefore, int limit) {
        return jdbc.sql("""
                        select distinct conversation_key from inbound_messages
                        where processed_at is null and received_at < :before
                        limit :limit""")
                .param("before", Timestamp.from(receivedBefore))
                .param("limit", limit)
                .query((rs, n) -> ConversationKey.parse(rs.getString(1)))
                .list();
    }
}
