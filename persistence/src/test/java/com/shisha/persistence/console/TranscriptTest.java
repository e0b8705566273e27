package com.shisha.persistence.console;

import com.shisha.core.ConversationKey;
import com.shisha.core.console.ConsoleConversations.Line;
import com.shisha.persistence.jdbc.JdbcOutbox;
import com.shisha.persistence.jdbc.Json;
import com.shisha.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's transcript: every message of the conversation, processed or waiting, each read through an index. */
class TranscriptTest {

    private static final String KEY = "whatsapp:+919800000001";

    @Test
    void showsProcessedAndWaitingMessagesAndRepliesInTheOrderTheyHappened() {
        DataSource dataSource = TestDatabase.freshDataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into conversations (conversation_key, channel, address) values (:k, 'WHATSAPP', '+919800000001')")
                .param("k", KEY).update();
        jdbc.sql("""
                insert into inbound_messages (provider_message_id, conversation_key, seq, body, received_at, processed_at)
                values ('SM1', :k, 1, 'hi', now() - interval '3 minutes', now() - interval '3 minutes'),
                       ('SM2', :k, 2, 'Asha', now() - interval '2 minutes', now() - interval '2 minutes'),
                       ('SM3', :k, 3, 'menu', now() - interval '1 minute', null)""").param("k", KEY).update();
        jdbc.sql("""
                insert into outbound_messages (conversation_key, body, status, created_at)
                values (:k, 'Your name?', 'SENT', now() - interval '170 seconds'),
                       (:k, 'Hello Asha', 'SENT', now() - interval '110 seconds')""").param("k", KEY).update();
        var transcripts = new JdbcConsoleConversations(jdbc, new JdbcOutbox(jdbc, new Json()),
                new DataSourceTransactionManager(dataSource));

        List<Line> lines = transcripts.transcript(ConversationKey.parse(KEY), 50);

        assertThat(lines).extracting(Line::text).containsExactly("hi", "Your name?", "Asha", "Hello Asha", "menu");
        assertThat(lines).extracting(Line::inbound).containsExactly(true, false, true, false, true);
        assertThat(transcripts.transcript(ConversationKey.parse(KEY), 2)).extracting(Line::text)
                .containsExactly("Hello Asha", "menu");
    }

    @Test
    void readsAConversationThroughIndexesWhenTheTablesAreLarge() {
        JdbcClient jdbc = TestDatabase.fresh();
        jdbc.sql("""
                insert into conversations (conversation_key, channel, address)
                select 'whatsapp:+9198' || lpad(g::text, 8, '0'), 'WHATSAPP', '+9198' || lpad(g::text, 8, '0')
                from generate_series(1, 1000) g""").update();
        jdbc.sql("""
                insert into inbound_messages (provider_message_id, conversation_key, seq, body, processed_at)
                select 'SM' || g, 'whatsapp:+9198' || lpad((g % 1000 + 1)::text, 8, '0'), g / 1000 + 1, 'hi',
                       case when g < 49900 then now() end
                from generate_series(1, 49999) g""").update();
        jdbc.sql("""
                insert into outbound_messages (conversation_key, inbound_id, body, status)
                select conversation_key, id, 'reply', 'SENT' from inbound_messages""").update();
        jdbc.sql("analyze").update();

        String plan = String.join("\n", jdbc.sql("explain " + JdbcConsoleConversations.TRANSCRIPT
                        .replace(":key", "'whatsapp:+919800000007'").replace(":limit", "50"))
                .query(String.class).list());

        assertThat(plan).as(plan)
                .contains("inbound_processed_by_conversation").contains("inbound_pending_by_conversation")
                .doesNotContain("Seq Scan on inbound_messages").doesNotContain("Seq Scan on outbound_messages");
    }
}
