package com.shisha.app;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.redisson.api.RedissonClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health of the stores the service cannot work without, as /actuator/health reports them (with PostgreSQL's, which
 * Boot checks itself, and the recordings' and voice models' of their own configurations).
 *
 * <p>Boot's own MongoDB health check sends the "hello" command, which the embedded Mongo wire-protocol server of the
 * zero-setup run does not know, so the service reported DOWN while working. "ping" is answered by both that
 * server and a real MongoDB. Named like Boot's bean, which then backs off; it still reports as "mongo".
 */
@Configuration(proxyBeanMethods = false)
class HealthConfig {

    @Bean
    HealthIndicator mongoHealthContributor(MongoDatabase database) {
        return () -> {
            try {
                Document pong = database.runCommand(new Document("ping", 1));
                return Health.up().withDetail("database", database.getName()).withDetail("ping", pong.get("ok")).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
            }
        };
    }

    /**
     * Redis holds the conversation locks, so without it no turn runs: health says so. Asked with a deadline of its
     * own, since Redisson's retries would keep a probe waiting for seconds on a dead server.
     */
    @Bean
    HealthIndicator redisHealthContributor(RedissonClient redisson) {
        return redis(redisson, java.time.Duration.ofSeconds(1));
    }

    static HealthIndicator redis(RedissonClient redisson, java.time.Duration deadline) {
        return () -> {
            long started = System.nanoTime();
            try {
                redisson.getBucket("shisha:health").isExistsAsync().toCompletableFuture()
                        .get(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                return Health.up().withDetail("ms", (System.nanoTime() - started) / 1_000_000).build();
            } catch (java.util.concurrent.TimeoutException e) {
                return Health.down().withDetail("error", "no answer within " + deadline.toMillis() + " ms").build();
            } catch (java.util.concurrent.ExecutionException e) {
                return Health.down().withDetail("error", e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage()).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.down().withDetail("error", "interrupted").build();
            }
        };
    }
}
