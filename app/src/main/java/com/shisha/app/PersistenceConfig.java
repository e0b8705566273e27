package com.shisha.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.shisha.core.pipeline.ConversationLock;
import com.shisha.core.pipeline.ConversationStore;
import com.shisha.core.pipeline.DeliveryStatuses;
import com.shisha.core.pipeline.Fanout;
import com.shisha.core.pipeline.Inbox;
import com.shisha.core.pipeline.OptOuts;
import com.shisha.core.pipeline.ChoiceContents;
import com.shisha.core.pipeline.Outbox;
import com.shisha.core.pipeline.SendRateLimiter;
import com.shisha.persistence.jdbc.JdbcConversationStore;
import com.shisha.persistence.jdbc.JdbcJourney;
import com.shisha.persistence.jdbc.JdbcTurnStats;
import com.shisha.core.pipeline.TurnStats;
import com.shisha.core.journey.Journey;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import com.shisha.persistence.jdbc.JdbcDeliveryStatuses;
import com.shisha.persistence.jdbc.JdbcInbox;
import com.shisha.persistence.jdbc.JdbcChoiceContents;
import com.shisha.persistence.jdbc.JdbcOptOuts;
import com.shisha.persistence.jdbc.JdbcOutbox;
import com.shisha.persistence.jdbc.Json;
import com.shisha.persistence.jdbc.WriterPool;
import com.zaxxer.hikari.HikariDataSource;
import com.shisha.persistence.redis.RedissonConversationLock;
import com.shisha.persistence.redis.RedissonFanout;
import com.shisha.persistence.redis.RedissonSendRateLimiter;
import org.bson.Document;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.shisha.core.pipeline.PipelineSettings;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

@Configuration(proxyBeanMethods = false)
class PersistenceConfig {

    @Bean
    Json json() {
        return new Json();
    }

    /**
     * The group-commit writers' own connections (see {@link WriterPool}). Not a DataSource bean: that would make
     * Boot back off from configuring the main one.
     */
    static final class Writers implements AutoCloseable {

        private final HikariDataSource pool;
        final JdbcClient jdbc;

        Writers(DataSource main, JdbcClient fallback) {
            if (main instanceof HikariDataSource hikari) {
                pool = WriterPool.of(hikari);
                jdbc = JdbcClient.create(pool);
            } else {
                // a DataSource configured some other way: the writers share it and PostgreSQL plans as it likes
                pool = null;
                jdbc = fallback;
            }
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.close();
            }
        }
    }

    /**
     * The pipeline's transactions: plain JDBC. With JPA on the classpath Boot would make every transaction a JPA one,
     * opening an entity manager per turn for tables Hibernate never sees; the console has its own manager for that.
     */
    @Bean
    @org.springframework.context.annotation.Primary
    org.springframework.jdbc.support.JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new org.springframework.jdbc.support.JdbcTransactionManager(dataSource);
    }

    @Bean(destroyMethod = "close")
    Writers writers(DataSource dataSource, JdbcClient jdbc) {
        return new Writers(dataSource, jdbc);
    }

    @Bean
    Inbox inbox(JdbcClient jdbc, Writers writers, Json json, PipelineSettings pipeline) {
        return new JdbcInbox(jdbc, writers.jdbc, json, pipeline.commitLinger());
    }

    @Bean
    ConversationStore conversationStore(JdbcClient jdbc, Writers writers, Json json, PlatformTransactionManager transactions,
                                        PipelineSettings pipeline) {
        // the turn's commit claims its replies with the sender's lease; the SENT marks get no linger: a sender thread
        // waits for its mark, and with four of them a linger there capped the sends (bench/README.md)
        return new JdbcConversationStore(jdbc, writers.jdbc, json, new TransactionTemplate(transactions), pipeline.sendLease(),
                pipeline.commitLinger());
    }

    @Bean
    TurnStats turnStats(JdbcClient jdbc) {
        return new JdbcTurnStats(jdbc);
    }

    @Bean
    Journey journey(JdbcClient jdbc) {
        return new JdbcJourney(jdbc);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, Writers writers, Json json) {
        return new JdbcOutbox(jdbc, writers.jdbc, json);
    }

    @Bean
    ChoiceContents choiceContents(JdbcClient jdbc) {
        return new JdbcChoiceContents(jdbc);
    }

    @Bean
    OptOuts optOuts(JdbcClient jdbc) {
        return new JdbcOptOuts(jdbc);
    }

    @Bean
    com.shisha.core.call.Calls calls(JdbcClient jdbc) {
        return new com.shisha.persistence.jdbc.JdbcCalls(jdbc);
    }

    @Bean
    com.shisha.core.call.LeadCalls leadCalls(JdbcClient jdbc) {
        return new com.shisha.persistence.jdbc.JdbcLeadCalls(jdbc);
    }

    @Bean
    DeliveryStatuses deliveryStatuses(JdbcClient jdbc) {
        return new JdbcDeliveryStatuses(jdbc);
    }

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(@Value("${shisha.redis.url}") String url) {
        Config config = new Config();
        config.useSingleServer()
                .setAddress(url)
                .setConnectionPoolSize(64)
                .setConnectionMinimumIdleSize(8)
                .setTimeout(3000)
                .setRetryAttempts(3);
        RedissonClient client = Redisson.create(config);
        client.getBucket("shisha:startup-check").isExists(); // fail at start-up, not at the first message
        return client;
    }

    @Bean
    ConversationLock conversationLock(RedissonClient redisson, PipelineSettings pipeline) {
        return new RedissonConversationLock(redisson, pipeline.lockLease());
    }

    @Bean
    SendRateLimiter sendRateLimiter(RedissonClient redisson, PipelineSettings pipeline) {
        return new RedissonSendRateLimiter(redisson, pipeline.sendRatePerSecond());
    }

    @Bean
    Fanout fanout(RedissonClient redisson) {
        return new RedissonFanout(redisson);
    }

    /** Boot connects to Mongo lazily; ping at start-up so a wrong MONGODB_URI stops the service with a clear error. */
    @Bean(destroyMethod = "close")
    MongoClient mongoClient(@Value("${shisha.mongodb.uri}") String uri) {
        MongoClient client = MongoClients.create(uri);
        try {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
        } catch (RuntimeException e) {
            client.close();
            throw new com.shisha.core.InvalidConfigurationException("MONGODB_URI", "points to a server that does not answer: " + e.getMessage());
        }
        return client;
    }

    /** The database named in MONGODB_URI, or "shisha" when the URI names none (the embedded server's URI). */
    @Bean
    com.mongodb.client.MongoDatabase mongoDatabase(MongoClient client, @Value("${shisha.mongodb.uri}") String uri) {
        String database = new com.mongodb.ConnectionString(uri).getDatabase();
        return client.getDatabase(database == null || database.isBlank() ? "shisha" : database);
    }

    @Bean
    com.shisha.core.coach.CallAnalysisStore callAnalysisStore(com.mongodb.client.MongoDatabase mongo) {
        return new com.shisha.persistence.mongo.MongoCallAnalyses(mongo);
    }

    @Bean
    com.shisha.core.journey.PitchTipCache pitchTipCache(RedissonClient redisson, com.shisha.ai.AiSettings ai) {
        return new com.shisha.persistence.redis.RedissonPitchTipCache(redisson, ai.pitchTipTtl());
    }

    @Bean
    com.shisha.core.coach.CoachSessions coachSessions(com.mongodb.client.MongoDatabase mongo) {
        return new com.shisha.persistence.mongo.MongoCoachSessions(mongo);
    }

    @Bean
    com.shisha.core.coach.CoachEscalations coachEscalations(com.mongodb.client.MongoDatabase mongo,
                                                            com.shisha.core.console.Handoffs handoffs) {
        return new EscalationHandoffs(new com.shisha.persistence.mongo.MongoCoachEscalations(mongo), handoffs);
    }
}
