package com.shisha.persistence.jdbc;

import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** V13 on a database with history: each conversation's processed_seq is its last processed message's seq. */
class ProcessedSeqMigrationTest {

    @Test
    void existingConversationsGetTheirLastProcessedSeq() {
        DataSource dataSource = TestDatabase.freshDataSource("12");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                insert into conversations (conversation_key, channel, address, inbox_seq) values
                    ('whatsapp:+919811100001', 'WHATSAPP', '+919811100001', 3),
                    ('whatsapp:+919811100002', 'WHATSAPP', '+919811100002', 1)""").update();
        jdbc.sql("""
                insert into inbound_messages (provider_message_id, conversation_key, seq, body, processed_at) values
                    ('SM01', 'whatsapp:+919811100001', 1, 'hi', now()),
                    ('SM02', 'whatsapp:+919811100001', 2, 'Asha', now()),
                    ('SM03', 'whatsapp:+919811100001', 3, '1', null),
                    ('SM04', 'whatsapp:+919811100002', 1, 'hi', null)""").update();

        TestDatabase.migrate(dataSource);

        assertThat(jdbc.sql("select processed_seq from conversations order by conversation_key").query(Long.class).list())
                .containsExactly(2L, 0L);
        // the message behind the waiting one is not next; the waiting one, once processed, would have been
        JdbcInbox inbox = new JdbcInbox(jdbc, new Json());
        ConversationKey key = ConversationKey.parse("whatsapp:+919811100001");
        assertThat(inbox.store(new InboundMessage("SM05", key, "whatsapp:+14155238886", "Pune", List.of(), null, Instant.now()))
                .orElseThrow().next()).isFalse();
    }
}
