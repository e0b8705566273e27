package com.shisha.persistence.jdbc;

import com.shisha.persistence.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message tables keep few indexes, since every turn writes to each of them: the reads by time range go through
 * block range indexes, and the provider id is indexed only where a reply has one. These reads must still never scan
 * the tables, with the planner's own plan for the values or the generic plan of a cached statement.
 */
class MessageIndexPlanTest {

    private DataSource dataSource;

    @BeforeEach
    void fourteenHoursOfTraffic() {
        dataSource = TestDatabase.freshDataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // 1,000 partners, 50,000 messages a second apart in the order they arrived, each answered a second later
        jdbc.sql("""
                insert into conversations (conversation_key, channel, address, step, version, inbox_seq, processed_seq)
                select 'whatsapp:+9198' || lpad(g::text, 8, '0'), 'WHATSAPP', '+9198' || lpad(g::text, 8, '0'), 'MAIN_MENU', 50, 50, 50
                from generate_series(1, 1000) g""").update();
        jdbc.sql("""
                insert into inbound_messages (provider_message_id, conversation_key, seq, to_address, body, received_at,
                                              processed_at, outcome)
                select 'SM' || lpad(g::text, 32, '0'), 'whatsapp:+9198' || lpad((g % 1000 + 1)::text, 8, '0'), g / 1000 + 1,
                       'whatsapp:+14155238886', 'hi', now() - make_interval(secs => 50000 - g),
                       now() - make_interval(secs => 50000 - g), 'REPLIED'
                from generate_series(1, 49999) g""").update();
        jdbc.sql("""
                insert into outbound_messages (conversation_key, inbound_id, from_address, body, status, attempts,
                                               provider_message_id, created_at, sent_at)
                select m.conversation_key, m.id, 'whatsapp:+14155238886', 'reply', 'SENT', 1,
                       'SM' || lpad((m.id + 1000000)::text, 32, '0'), m.received_at + interval '1 second', m.received_at
                from inbound_messages m order by m.id""").update();
        // as autovacuum leaves them: statistics taken, the block ranges summarised
        jdbc.sql("vacuum analyze inbound_messages").update();
        jdbc.sql("vacuum analyze outbound_messages").update();
    }

    @Test
    void theTurnLatencyOfTheLastMinutesReadsOnlyTheirMessagesAndReplies() throws Exception {
        Map<String, String> lastFiveMinutes = Map.of("since", "now() - interval '5 minutes'", "until", "now()");
        assertNoTableScan(plan(JdbcTurnStats.SUMMARY, lastFiveMinutes, false));
        assertNoTableScan(plan(JdbcTurnStats.SUMMARY, lastFiveMinutes, true));
    }

    @Test
    void aDeliveryStatusFindsItsReplyByTheProviderId() throws Exception {
        Map<String, String> status = Map.of("sid", "'SM" + "0".repeat(25) + "1012345'", "status", "'delivered'",
                "code", "null", "rank", "5");
        for (boolean generic : new boolean[]{false, true}) {
            String plan = plan(JdbcDeliveryStatuses.RAISE_STATUS, status, generic);
            assertNoTableScan(plan);
            assertThat(plan).contains("outbound_provider_message_id");
        }
    }

    private static void assertNoTableScan(String plan) {
        assertThat(plan).as("plan:%n%s", plan)
                .doesNotContain("Seq Scan on inbound_messages")
                .doesNotContain("Seq Scan on outbound_messages");
    }

    private String plan(String namedSql, Map<String, String> values, boolean generic) throws Exception {
        return Plans.explain(dataSource, namedSql, values, generic, "");
    }
}
