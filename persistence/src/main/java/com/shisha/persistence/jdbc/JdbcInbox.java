package com.shisha.persistence.jdbc;

import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.pipeline.Inbox;
import com.shisha.core.pipeline.StoredInbound;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The inbox in PostgreSQL. The unique provider id makes storing idempotent; bumping the conversation's
 * inbox_seq in the same statement takes that row's lock, so concurrent messages of one conversation commit
 * one after the other and their seq order is their commit (arrival) order.
 */
public class JdbcInbox implements Inbox {

    private static final String STORE = """
            with c as (
                insert into conversations (conversation_key, channel, address, inbox_seq, last_inbound_at)
                values (:key, :channel, :address, 1, now())
                on conflict (conversation_key) do update
                    set inbox_seq = conversations.inbox_seq + 1, last_inbound_at = now()
                returning inbox_seq)
            insert into inbound_messages (provider_message_id, conversation_key, seq, to_address, body, media, profile_name, received_at)
            select :sid, :key, c.inbox_seq, :to, :body, cast(:media as jsonb), :profile, :received from c
            on conflict (provider_message_id) do nothing
            """;

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcInbox(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public boolean store(InboundMessage m) {
        // a duplicate still bumps inbox_seq (a harmless gap) but inserts nothing
        return jdbc.sql(STORE)
                .param("key", m.conversation().value())
                .param("channel", m.conversation().channel().name())
                .param("address", m.conversation().address())
                .param("sid", m.providerMessageId())
                .param("to", m.to())
                .param("body", m.text())
                .param("media", json.write(m.media()))
                .param("profile", m.profileName())
                .param("received", Timestamp.from(m.receivedAt()))
                .update() == 1;
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
                .query((rs, n) -> new StoredInbound(rs.getLong("id"), new InboundMessage(
                        rs.getString("provider_message_id"), key, rs.getString("to_address"), rs.getString("body"),
                        json.readMedia(rs.getString("media")), rs.getString("profile_name"),
                        rs.getTimestamp("received_at").toInstant())))
                .list();
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
