package com.shisha.persistence.jdbc;

import com.shisha.persistence.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements the writers run with a cached generic plan must not scan a partial index of waiting rows
 * without an index condition. Such a plan is made once, with the statistics of that moment: made while nothing
 * waited (the index priced at one row), it read every waiting row for each turn once thousands waited (the
 * session-6 stall: ~80 ms per batch commit, 4 ms per claim). Here the statistics are taken while nothing waits,
 * and the generic plans are checked node by node.
 */
class GenericPlanTest {

    /** Partial indexes whose size swings with the backlog: each use must be a probe by conversation. */
    private static final Set<String> BACKLOG_INDEXES = Set.of("inbound_pending_by_conversation", "outbound_unsent_by_conversation");

    private DataSource dataSource;

    @BeforeEach
    void historyWithNothingWaiting() {
        dataSource = TestDatabase.freshDataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // as after a day of paced traffic: 10,000 partners, 3 messages each, all processed and answered
        jdbc.sql("""
                insert into conversations (conversation_key, channel, address, step, version, inbox_seq, processed_seq)
                select 'whatsapp:+9198' || lpad(g::text, 8, '0'), 'WHATSAPP', '+9198' || lpad(g::text, 8, '0'), 'MAIN_MENU', 3, 3, 3
                from generate_series(1, 10000) g""").update();
        jdbc.sql("""
                insert into inbound_messages (provider_message_id, conversation_key, seq, to_address, body, processed_at, outcome)
                select 'SM' || lpad((c.n * 3 + s)::text, 32, '0'), c.conversation_key, s, 'whatsapp:+14155238886', 'hi', now(), 'REPLIED'
                from (select conversation_key, row_number() over () as n from conversations) c, generate_series(1, 3) s""").update();
        jdbc.sql("""
                insert into outbound_messages (conversation_key, inbound_id, from_address, body, status, attempts, provider_message_id, sent_at)
                select m.conversation_key, m.id, 'whatsapp:+14155238886', 'reply', 'SENT', 1, 'SM' || lpad((m.id + 1000000)::text, 32, '0'), now()
                from inbound_messages m""").update();
        jdbc.sql("analyze").update();
    }

    @Test
    void theBatchTurnCommitProbesWaitingMessagesAndUnsentRepliesByConversation() throws Exception {
        assertProbesOnly(JdbcConversationStore.COMMIT_TURNS, Map.ofEntries(
                Map.entry("keys", "'{whatsapp:+919811100001}'"), Map.entry("versions", "'{1}'"), Map.entry("inbounds", "'{1}'"),
                Map.entry("steps", "'{ASK_NAME}'"), Map.entry("slots", "'{\"{}\"}'"), Map.entry("langs", "'{en}'"),
                Map.entry("optedOut", "'{f}'"), Map.entry("claims", "'{t}'"), Map.entry("bypass", "'{f}'"),
                Map.entry("froms", "'{whatsapp:+14155238886}'"), Map.entry("phones", "'{NULL}'"), Map.entry("names", "'{NULL}'"),
                Map.entry("cities", "'{NULL}'"), Map.entry("products", "'{NULL}'"), Map.entry("states", "'{NULL}'"),
                Map.entry("lats", "'{NULL}'"), Map.entry("lons", "'{NULL}'"), Map.entry("leaseSeconds", "30"),
                Map.entry("replyOf", "'{1}'"), Map.entry("bodies", "'{reply}'")));
    }

    @Test
    void theBatchTurnCommitWithChoicesProbesLikeTheOneWithout() throws Exception {
        assertProbesOnly(JdbcConversationStore.COMMIT_TURNS_WITH_CHOICES, Map.ofEntries(
                Map.entry("keys", "'{whatsapp:+919811100001}'"), Map.entry("versions", "'{1}'"), Map.entry("inbounds", "'{1}'"),
                Map.entry("steps", "'{ASK_NAME}'"), Map.entry("slots", "'{\"{}\"}'"), Map.entry("langs", "'{en}'"),
                Map.entry("optedOut", "'{f}'"), Map.entry("claims", "'{t}'"), Map.entry("bypass", "'{f}'"),
                Map.entry("froms", "'{whatsapp:+14155238886}'"), Map.entry("phones", "'{NULL}'"), Map.entry("names", "'{NULL}'"),
                Map.entry("cities", "'{NULL}'"), Map.entry("products", "'{NULL}'"), Map.entry("states", "'{NULL}'"),
                Map.entry("lats", "'{NULL}'"), Map.entry("lons", "'{NULL}'"), Map.entry("leaseSeconds", "30"),
                Map.entry("replyOf", "'{1}'"), Map.entry("bodies", "'{reply}'"),
                Map.entry("replyChoices", "'{NULL}'")));
    }

    @Test
    void theOutboxClaimProbesUnsentRepliesByConversation() throws Exception {
        assertProbesOnly(JdbcOutbox.CLAIM, Map.of("id", "1", "leaseSeconds", "30"));
    }

    /** Checks the statement's generic plan. */
    private void assertProbesOnly(String namedSql, Map<String, String> values) throws Exception {
        String plan = Plans.explain(dataSource, namedSql, values, true, "format json");
        List<String> scans = new ArrayList<>();
        collect(JsonMapper.builder().build().readTree(plan).get(0).get("Plan"), scans);
        assertThat(scans).as("uses of the backlog indexes in the generic plan:%n%s", plan)
                .isNotEmpty()
                .allSatisfy(scan -> assertThat(scan).contains("cond="));
    }

    private static void collect(JsonNode node, List<String> scans) {
        JsonNode index = node.get("Index Name");
        if (index != null && BACKLOG_INDEXES.contains(index.asString())) {
            JsonNode cond = node.get("Index Cond");
            scans.add(index.asString() + (cond == null ? " without an index condition" : " cond=" + cond.asString()));
        }
        JsonNode children = node.get("Plans");
        if (children != null) {
            children.forEach(child -> collect(child, scans));
        }
    }
}
