package com.shisha.persistence.console;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.console.ConsoleConversations;
import com.shisha.core.pipeline.Outbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's view of a conversation: read from the pipeline's own tables with plain JDBC, and answered through
 * the pipeline's outbox, so an agent's message is sent (retried, rate limited, status tracked) like every other.
 */
@Component
class JdbcConsoleConversations implements ConsoleConversations {

    /**
     * A conversation's messages, newest first. The partner's messages are read in two parts, processed and waiting,
     * each through the partial index by conversation that holds it: an index of every message by conversation would
     * take one more entry for each message stored and each message processed, on every turn.
     */
    static final String TRANSCRIPT = """
            select * from (
              select true as inbound, body, received_at as at, null as status, null::bigint as agent_id
              from inbound_messages where conversation_key = :key and processed_at is not null
              union all
              select true, body, received_at, null, null
              from inbound_messages where conversation_key = :key and processed_at is null
              union all
              select false, o.body, o.created_at, coalesce(o.delivery_status, o.status), r.staff_id
              from outbound_messages o left join console_replies r on r.outbound_id = o.id
              where o.conversation_key = :key
            ) t order by at desc limit :limit""";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    JdbcConsoleConversations(JdbcClient jdbc, Outbox outbox, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    public List<Line> transcript(ConversationKey conversation, int limit) {
        List<Line> lines = new ArrayList<>(jdbc.sql(TRANSCRIPT)
                .param("key", conversation.value()).param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> new Line(rs.getBoolean("inbound"), rs.getString("body"), rs.getTimestamp("at").toInstant(),
                        rs.getString("status"), (Long) rs.getObject("agent_id")))
                .list());
        java.util.Collections.reverse(lines);
        return lines;
    }

    @Override
    public Profile profile(ConversationKey conversation) {
        Optional<Profile> partner = jdbc.sql("""
                        select p.id, p.name, p.language, p.city, p.products, c.last_inbound_at, c.opted_out_at
                        from partners p left join conversations c on c.conversation_key = :key
                        where p.phone = :phone""")
                .param("key", conversation.value()).param("phone", conversation.address())
                .query((rs, n) -> new Profile(rs.getLong("id"), rs.getString("name"), Language.fromCode(rs.getString("language")),
                        rs.getString("city"), products(rs.getArray("products")), instant(rs.getTimestamp("last_inbound_at")),
                        rs.getTimestamp("opted_out_at") != null))
                .optional();
        return partner.orElseGet(() -> jdbc.sql("select last_inbound_at, opted_out_at, language from conversations where conversation_key = :key")
                .param("key", conversation.value())
                .query((rs, n) -> new Profile(null, null, Language.fromCode(rs.getString("language")), null, List.of(),
                        instant(rs.getTimestamp("last_inbound_at")), rs.getTimestamp("opted_out_at") != null))
                .optional().orElse(new Profile(null, null, Language.EN, null, List.of(), null, false)));
    }

    @Override
    public Queued reply(long handoffId, long staffId, ConversationKey conversation, String clientId, String body,
                        String contentSid, Map<String, String> variables) {
        Optional<Long> before = queuedFor(clientId);
        if (before.isPresent()) {
            return new Queued(before.get(), false);
        }
        try {
            // the outbox row and the client id commit together: a retry either finds both or neither
            Long id = transactions.execute(tx -> {
                long outboundId = outbox.enqueueProactive(conversation, null, body, contentSid, variables);
                jdbc.sql("insert into console_replies (handoff_id, staff_id, client_id, outbound_id) values (?, ?, ?, ?)")
                        .params(handoffId, staffId, clientId, outboundId).update();
                return outboundId;
            });
            return new Queued(id, true);
        } catch (DuplicateKeyException e) {
            // the same send from another tab or instance committed first
            return new Queued(queuedFor(clientId).orElseThrow(() -> e), false);
        }
    }

    private Optional<Long> queuedFor(String clientId) {
        return jdbc.sql("select outbound_id from console_replies where client_id = ?").params(clientId).query(Long.class).optional();
    }

    @Override
    public long notice(ConversationKey conversation, String body) {
        return outbox.enqueueProactive(conversation, null, body);
    }

    @Override
    public Optional<ConversationKey> conversationOfPartner(String phone) {
        return jdbc.sql("select conversation_key from conversations where address = ? order by last_inbound_at desc nulls last limit 1")
                .params(phone).query(String.class).optional().map(ConversationKey::parse);
    }

    private static List<String> products(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
