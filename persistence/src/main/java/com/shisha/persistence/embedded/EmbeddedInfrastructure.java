package com.shisha.persistence.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The zero-setup run's servers: PostgreSQL (zonky), Redis (embedded-redis) and a Mongo wire-protocol server
 * (mongo-java-server on an H2 file), each started only when its URL is not configured, each keeping its data
 * under one folder so a restart finds the same partners and conversations. One instance per JVM: tests that
 * start several application contexts share it, as a restarted service would share the servers' data.
 *
 * <p>The servers are supervised: a server process that dies (killed, out of memory) is started again on the same
 * port and data within about a second, so the service resumes by itself, as it does when an external server
 * comes back. Messages wait in the inbox or the intake journal meanwhile; nothing acknowledged is lost.
 */
public final class EmbeddedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);
    private static EmbeddedInfrastructure shared;
    private static boolean stopWithJvm = true;

    private final Path dataDir;
    private EmbeddedPostgres postgres;
    private RedisServer redis;
    private MongoServer mongo;
    private final java.util.List<String> description = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String jdbcUrl;
    private String redisUrl;
    private String mongoUri;
    private int postgresPort;
    private int redisPort;
    private boolean fsync;
    private volatile boolean stopping;
    private java.util.concurrent.ScheduledExecutorService watch;
    private final java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();

    private EmbeddedInfrastructure(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Starts (once per JVM) the servers that are asked for. Later calls may ask for more, never fewer.
     *
     * @param fsync PostgreSQL flushes every commit to disk before it returns (fsync, synchronous_commit). Without
     *              it a crash of the service still loses nothing (the database is a separate process and keeps
     *              its buffers), but a crash of the machine can lose the last commits, acknowledged messages too.
     */
    public static synchronized EmbeddedInfrastructure startShared(Path dataDir, boolean postgres, boolean redis, boolean mongo,
                                                                  boolean fsync) {
        if (shared == null) {
            shared = new EmbeddedInfrastructure(dataDir.toAbsolutePath());
            if (stopWithJvm) {
                Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "embedded-servers-stop"));
            }
        }
        shared.stopping = false;
        try {
            if (postgres && shared.postgres == null) {
                shared.startPostgres(fsync);
            }
            if (redis && shared.redis == null) {
                shared.startRedis();
            }
            if (mongo && shared.mongo == null) {
                shared.startMongo();
            }
            shared.superviseEvery(Duration.ofSeconds(1));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded servers under " + shared.dataDir
                    + ": " + e.getMessage() + " (configure DATABASE_URL / REDIS_URL / MONGODB_URI to use external ones)", e);
        }
        return shared;
    }

    /**
     * For the service's own main: the servers are stopped by {@link #stopShared()} once the application has
     * drained its requests, not by a JVM hook that would race the application's graceful shutdown.
     */
    public static synchronized void stopExplicitly() {
        stopWithJvm = false;
    }

    public static synchronized void stopShared() {
        if (shared != null) {
            shared.stop();
        }
    }

    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(jdbcUrl);
    }

    public Optional<String> redisUrl() {
        return Optional.ofNullable(redisUrl);
    }

    public Optional<String> mongoUri() {
        return Optional.ofNullable(mongoUri);
    }

    /** How many times a dead server was started again since this JVM started them. */
    public int restarts() {
        return restarts.get();
    }

    private synchronized void superviseEvery(Duration period) {
        if (watch != null || (postgres == null && redis == null)) {
            return;
        }
        watch = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-servers-watch");
            t.setDaemon(true);
            return t;
        });
        watch.scheduleWithFixedDelay(this::restartDeadServers, period.toMillis(), period.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        // the embedded Redis library stops its server from a JVM hook of its own: a server that goes away once the
        // JVM is shutting down is not dead, and starting it again would only race the shutdown
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "embedded-servers-watch-off"));
    }

    private synchronized void restartDeadServers() {
        if (stopping) {
            return;
        }
        try {
            if (postgres != null && !running(dataDir.resolve("postgres").resolve("postmaster.pid"))) {
                log.warn("embedded PostgreSQL on port {} is gone; starting it again on the same port and data", postgresPort);
                closeQuietly(postgres);
                postgres = null;
                startPostgres(fsync);
                restarts.incrementAndGet();
                log.warn("embedded PostgreSQL is back: {}", description.get(description.size() - 1));
            }
            if (redis != null && !running(dataDir.resolve("redis").resolve("redis.pid"))) {
                log.warn("embedded Redis on port {} is gone; starting it again on the same port and data", redisPort);
                try {
                    redis.stop();
                } catch (IOException | RuntimeException e) {
                    // the process is already dead; stop() only cleans up after it
                }
                redis = null;
                startRedis();
                restarts.incrementAndGet();
                log.warn("embedded Redis is back: {}", description.get(description.size() - 1));
            }
        } catch (IOException | RuntimeException e) {
            // e.g. the killed server's children still hold its shared memory for a moment: the next round tries again
            log.warn("restarting an embedded server failed, trying again in a second: {}", e.toString());
        }
    }

    /** A server whose pid file is missing or names no live process has died (a clean stop goes through stop()). */
    private static boolean running(Path pidFile) {
        try {
            java.util.List<String> lines = Files.readAllLines(pidFile);
            return !lines.isEmpty() && ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static void closeQuietly(EmbeddedPostgres dead) {
        try {
            dead.close(); // releases zonky's lock on the data folder; its pg_ctl stop fails on a dead server
        } catch (IOException | RuntimeException e) {
            log.debug("closing the dead embedded PostgreSQL: {}", e.toString());
        }
    }

    /** One line per started server, for the operator (logged by the caller once logging is up). */
    public java.util.List<String> describe() {
        return java.util.List.copyOf(description);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Connection properties for the servers this instance runs, in Spring property names. */
    public Map<String, Object> springProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        jdbcUrl().ifPresent(url -> {
            p.put("spring.datasource.url", url);
            p.put("spring.datasource.username", "postgres");
            p.put("spring.datasource.password", "");
        });
        redisUrl().ifPresent(url -> p.put("shisha.redis.url", url));
        mongoUri().ifPresent(uri -> p.put("shisha.mongodb.uri", uri));
        return p;
    }

    private void startPostgres(boolean fsync) throws IOException {
        long t0 = System.nanoTime();
        this.fsync = fsync;
        if (postgresPort == 0) {
            postgresPort = freePort();
        }
        Path dir = Files.createDirectories(dataDir.resolve("postgres"));
        StaleProcess.stopIfRunning(dir.resolve("postmaster.pid"), "PostgreSQL");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(Files.createDirectories(dataDir.resolve("postgres-bin")).toFile())
                .setPort(postgresPort)
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                // zonky starts PostgreSQL for throwaway test databases: -F (no fsync), synchronous_commit off
                .setServerConfig("fsync", fsync ? "on" : "off")
                .setServerConfig("synchronous_commit", fsync ? "on" : "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                // stopped by stop(), after the application: zonky's own hook would stop it while the service still drains
                .setRegisterShutdownHook(false)
                .start();
        jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        description.add(String.format("embedded PostgreSQL on port %s with data in %s (%s ms; %s)", postgres.getPort(), dir,
                millisSince(t0), fsync ? "commits flushed to disk" : "SHISHA_EMBEDDED_FSYNC=false: commits NOT flushed to disk, a machine crash can lose the last ones"));
    }

    private void startRedis() throws IOException {
        long t0 = System.nanoTime();
        Path dir = Files.createDirectories(dataDir.resolve("redis"));
        Path pidFile = dir.resolve("redis.pid");
        StaleProcess.stopIfRunning(pidFile, "Redis");
        if (redisPort == 0) {
            redisPort = freePort();
        }
        int port = redisPort;
        redis = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("dir " + dir)
                .setting("pidfile " + pidFile)
                .setting("appendonly yes")
                .setting("save 60 1")
                .setting("daemonize no")
                .build();
        redis.start();
        redisUrl = "redis://127.0.0.1:" + port;
        description.add(String.format("embedded Redis on port %s with data in %s (%s ms)", port, dir, millisSince(t0)));
    }

    private void startMongo() throws IOException {
        long t0 = System.nanoTime();
        Path dir = Files.createDirectories(dataDir.resolve("mongo"));
        mongo = new MongoServer(new H2Backend(dir.resolve("mongo.mv").toString()));
        int port = freePort();
        mongo.bind("127.0.0.1", port);
        mongoUri = "mongodb://127.0.0.1:" + port + "/shisha";
        description.add(String.format("embedded Mongo wire-protocol server on port %s with data in %s (%s ms)", port, dir, millisSince(t0)));
    }

    private synchronized void stop() {
        // idempotent: tests stop on JVM exit, the service after its context closed
        stopping = true;
        if (watch != null) {
            watch.shutdownNow();
            watch = null;
        }
        if (mongo != null) {
            mongo.shutdown();
            mongo = null;
        }
        if (redis != null) {
            try {
                redis.stop();
                redis = null;
            } catch (IOException e) {
                log.warn("stopping embedded Redis: {}", e.toString());
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
                postgres = null;
            } catch (IOException e) {
                log.warn("stopping embedded PostgreSQL: {}", e.toString());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
