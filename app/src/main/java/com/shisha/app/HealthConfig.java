package com.shisha.app;

import com.mongodb.client.MongoDatabase;
import com.shisha.ai.llm.OllamaChatLlm;
import com.shisha.channels.twilio.TwilioMessageSender;
import com.shisha.channels.twilio.TwilioReachability;
import org.bson.Document;
import org.redisson.api.RedissonClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * /actuator/health: every dependency, each answered within a deadline of its own.
 *
 * <p>The stores without which no turn runs (PostgreSQL, Redis, MongoDB, the recordings' S3) are DOWN when they do not
 * answer, which makes the whole status DOWN (503): what a load balancer acts on. Twilio and the coach's model are
 * outside the service: when they fail, replies are late or come from the fallback, but another instance would do no
 * better, so they report DEGRADED (200, see application.yml) and the detail says which of their failures it is.
 *
 * <p>Every check runs on a thread of its own with a deadline: a dead PostgreSQL kept Hikari's getConnection (and with
 * it the health request) waiting 30 s, a dead MongoDB its server selection as long, so probes timed out instead of
 * reading DOWN. One check per dependency is in flight at a time; a probe arriving meanwhile reads "still waiting".
 */
@Configuration(proxyBeanMethods = false)
class HealthConfig {

    static final Status DEGRADED = new Status("DEGRADED");
    private static final Duration DEADLINE = Duration.ofSeconds(1);

    /** Checks that may block for long run here, not on the request's thread. */
    private static final ExecutorService CHECKS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "health-check");
        t.setDaemon(true);
        return t;
    });

    /** Named like Boot's bean, which then backs off; it still reports as "db". */
    @Bean
    HealthIndicator dbHealthContributor(DataSource dataSource) {
        return withDeadline(DEADLINE, () -> {
            try (Connection c = dataSource.getConnection()) {
                return c.isValid(1) ? Health.up().withDetail("database", c.getMetaData().getDatabaseProductName()).build()
                        : Health.down().withDetail("error", "the connection did not validate").build();
            } catch (java.sql.SQLException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
            }
        });
    }

    /**
     * Boot's own MongoDB check sends "hello", which the embedded Mongo wire-protocol server of the zero-setup run does
     * not know, so the service reported DOWN while working; "ping" is answered by both it and a real MongoDB.
     */
    @Bean
    HealthIndicator mongoHealthContributor(MongoDatabase database) {
        return withDeadline(DEADLINE, () -> {
            Document pong = database.runCommand(new Document("ping", 1));
            return Health.up().withDetail("database", database.getName()).withDetail("ping", pong.get("ok")).build();
        });
    }

    /** Redis holds the conversation locks, so without it no turn runs. */
    @Bean
    HealthIndicator redisHealthContributor(RedissonClient redisson) {
        return redis(redisson, DEADLINE);
    }

    static HealthIndicator redis(RedissonClient redisson, Duration deadline) {
        return withDeadline(deadline, () -> {
            long started = System.nanoTime();
            redisson.getBucket("shisha:health").isExists();
            return Health.up().withDetail("ms", (System.nanoTime() - started) / 1_000_000).build();
        });
    }

    /** Without Twilio (the web chat alone) there is nothing to reach; with it, whether it takes our credentials. */
    @Bean
    HealthIndicator twilio(ChannelsConfig.TwilioSetup setup) {
        var reachability = setup.settings().map(s -> new TwilioReachability(
                TwilioMessageSender.client(s, 1, Duration.ofSeconds(3)), s.accountSid(), Duration.ofSeconds(30),
                Clock.systemUTC()));
        return withDeadline(Duration.ofSeconds(4), DEGRADED, () -> reachability.map(r -> {
            TwilioReachability.Result result = r.check();
            Health.Builder health = result.state() == TwilioReachability.State.REACHABLE ? Health.up() : Health.status(DEGRADED);
            return health.withDetail("state", result.state().name().toLowerCase(java.util.Locale.ROOT))
                    .withDetail("detail", result.detail()).withDetail("checkedAt", result.checkedAt().toString())
                    .withDetail("ms", result.millis()).build();
        }).orElseGet(() -> Health.up().withDetail("state", "not configured")
                .withDetail("detail", "TWILIO_ACCOUNT_SID is not set: WhatsApp and SMS are off, the web chat works").build()));
    }

    /**
     * The coach's language model: answering, installed or not. Partners get the knowledge base's own words while it is
     * not, so it is DEGRADED rather than DOWN; where no model server was configured at all that is the plan, not a
     * fault, and reads UP.
     */
    @Bean
    HealthIndicator coachModel(OllamaChatLlm.Settings settings, OllamaChatLlm llm) {
        boolean configured = settings.configured();
        HttpClient http = HttpClient.newBuilder().connectTimeout(DEADLINE).build();
        CachedCheck<Health> check = new CachedCheck<>(Duration.ofSeconds(15), () -> {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> tags = http.send(HttpRequest.newBuilder(settings.baseUrl().resolve("/api/tags"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (tags.statusCode() != 200) {
                    return Health.status(DEGRADED).withDetail("state", "unreachable")
                            .withDetail("detail", "Ollama answered " + tags.statusCode() + " at " + settings.baseUrl()).build();
                }
                boolean installed = tags.body().contains("\"" + settings.model() + "\"") || tags.body().contains("\"" + settings.model() + ":");
                return (installed ? Health.up().withDetail("state", "ready")
                        : Health.status(DEGRADED).withDetail("state", "not installed")
                                .withDetail("detail", "Ollama at " + settings.baseUrl() + " has no model " + settings.model()
                                        + "; see README, Ollama")).withDetail("model", settings.model()).withDetail("ms", ms).build();
            } catch (java.io.IOException e) {
                Health.Builder b = configured ? Health.status(DEGRADED) : Health.up();
                return b.withDetail("state", configured ? "unreachable" : "not configured")
                        .withDetail("detail", (configured ? "" : "OLLAMA_BASE_URL is not set and nothing answers at the default "
                                + settings.baseUrl() + ": ") + "coach answers come from the knowledge base alone ("
                                + e.getClass().getSimpleName() + ")").build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.unknown().build();
            }
        });
        return withDeadline(Duration.ofSeconds(3), DEGRADED, () -> withLoad(check.get(), llm.load(), settings.timeout()));
    }

    /**
     * A model that is there can still fail partners two ways, told apart here: "slow" (a fifth or more of the last five
     * minutes' calls ran past OLLAMA_TIMEOUT_MILLIS: a model too big for the machine) and "busy" (every slot answering and
     * calls waiting: more partners asking than OLLAMA_MAX_CONCURRENT).
     */
    static Health withLoad(Health base, OllamaChatLlm.Load load, Duration timeout) {
        if (!"ready".equals(base.getDetails().get("state"))) {
            return base;
        }
        Health.Builder health;
        if (load.recentTimeouts() > 0 && load.recentTimeouts() * 5 >= load.recentCalls()) {
            health = Health.status(DEGRADED).withDetail("state", "slow").withDetail("detail", load.recentTimeouts() + " of "
                    + load.recentCalls() + " answers in the last 5 minutes took longer than " + timeout.toMillis() + " ms");
        } else if (load.waiting() > 0) {
            health = Health.status(DEGRADED).withDetail("state", "busy").withDetail("detail", "all " + load.slots()
                    + " model slots answering, " + load.waiting() + " waiting (OLLAMA_MAX_CONCURRENT)");
        } else {
            health = Health.up().withDetail("state", "ready");
        }
        base.getDetails().forEach((k, v) -> {
            if (!"state".equals(k) && !"detail".equals(k)) {
                health.withDetail(k, v);
            }
        });
        return health.withDetail("answering", load.answering()).withDetail("waiting", load.waiting())
                .withDetail("recentCalls", load.recentCalls()).withDetail("recentTimeouts", load.recentTimeouts())
                .withDetail("recentP90Millis", load.recentP90Millis()).build();
    }

    /**
     * Runs the check on a thread of its own and waits at most {@code deadline}; a check that throws is DOWN with its
     * reason. While one is still running, later calls wait for the same one rather than starting more.
     */
    static HealthIndicator withDeadline(Duration deadline, Supplier<Health> check) {
        return withDeadline(deadline, Status.DOWN, check);
    }

    /** As above, with the status that a late or failed check reports. */
    static HealthIndicator withDeadline(Duration deadline, Status failed, Supplier<Health> check) {
        java.util.concurrent.atomic.AtomicReference<CompletableFuture<Health>> inFlight = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> {
            CompletableFuture<Health> running = inFlight.updateAndGet(f -> f == null || f.isDone()
                    ? CompletableFuture.supplyAsync(check, CHECKS) : f);
            try {
                return running.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return Health.status(failed).withDetail("error", "no answer within " + deadline.toMillis() + " ms").build();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                return Health.status(failed).withDetail("error", cause.getClass().getSimpleName() + ": " + cause.getMessage()).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.down().withDetail("error", "interrupted").build();
            }
        };
    }

    /** A result remembered for a while, so that frequent probes do not become frequent calls to an outside service. */
    static final class CachedCheck<T> {
        private final Duration remember;
        private final Supplier<T> check;
        private T last;
        private Instant at = Instant.MIN;

        CachedCheck(Duration remember, Supplier<T> check) {
            this.remember = remember;
            this.check = check;
        }

        synchronized T get() {
            Instant now = Instant.now();
            if (last == null || at.plus(remember).isBefore(now)) {
                last = check.get();
                at = now;
            }
            return last;
        }
    }
}
