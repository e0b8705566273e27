package com.shisha.persistence.jdbc;

import com.shisha.persistence.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;

/** The pipeline's stores on a fresh database, as the app wires them (one pool for reads and writes here). */
record PipelineStores(JdbcClient jdbc, JdbcInbox inbox, JdbcConversationStore conversations, JdbcOutbox outbox) {

    static PipelineStores fresh(Duration sendLease) {
        DataSource dataSource = TestDatabase.freshDataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Json json = new Json();
        return new PipelineStores(jdbc, new JdbcInbox(jdbc, json),
                new JdbcConversationStore(jdbc, json, new TransactionTemplate(new JdbcTransactionManager(dataSource)), sendLease),
                new JdbcOutbox(jdbc, json));
    }
}
