package com.shisha.app;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resilience suite: the packaged service in processes of its own, under a steady load of signed WhatsApp webhooks,
 * through the faults a deployment meets. Senders behave like Twilio (a webhook without a 200 is sent again with the
 * same MessageSid); replies are counted where Twilio would receive them. Every scenario must end with exactly one
 * reply per acknowledged message, and prints how long the service took to answer again after the fault.
 *
 * <p>CI runs it with a light load; {@code bash bench/resilience.sh} runs it heavier ({@code -Dresilience.partners},
 * {@code -Dresilience.gapMillis}) and collects the printed figures.
 */
class ResilienceIT {

    private static final Path UNPACKED = Path.of("target/app/app-0.1.0-SNAPSHOT.jar");
    private static final Path CLASS_DATA = Path.of("target/app/app.jsa");
    private static final int PARTNERS = Integer.getInteger("resilience.partners", 24);
    /** Each partner's pause between two messages; a partner never waits for the bot's reply (as people do not). */
    private static final long GAP_MILLIS = Long.getLong("resilience.gapMillis", 300);
    private static final List<String> ONBOARDING = List.of("hi", "Pooja Rani", "1", "Indore", "1,3", "yes");
    private static final String QUESTION = "how do I answer a customer who says the personal loan interest is too high?";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Where the service itself is killed, its claims (a conversation's lock, a reply being sent) are taken over when
     * their leases run out: short ones here, so that the run does not wait out the production defaults (60 s, 30 s).
     * A lease shorter than a sender can stall (2 s on a loaded machine) would let a second sender send a reply again:
     * the scenarios without a kill keep the defaults.
     */
    private static final Map<String, String> KILL_LEASES = Map.of("SHISHA_LOCK_LEASE_SECONDS", "5", "SHISHA_SEND_LEASE_SECONDS", "2");

    private final List<Process> processes = new ArrayList<>();
    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (Process p : processes) {
            p.destroy(); // SIGTERM: graceful, stops its embedded servers too
            p.waitFor();
        }
        for (AutoCloseable s : servers) {
            s.close();
        }
        TwilioStandIn.acceptAll();
    }

    /** The zero-setup run: its Redis, then its PostgreSQL killed -9 (supervised: started again), then the service itself. */
    @Test
    void embeddedServersAndTheServiceKilledMinus9() throws Exception {
        Path data = freshDir("target/resilience-embedded");
        int port = freePort();
        Process first = start("embedded-1", port, data, KILL_LEASES);
        awaitReady(port, first);
        Load load = new Load(List.of(port), "MENU");
        load.start();
        load.settle();

        long redisKilled = killFromPidFile(data.resolve("redis/redis.pid"));
        load.settle();
        long postgresKilled = killFromPidFile(data.resolve("postgres/postmaster.pid"));
        load.settle();

        first.destroyForcibly(); // SIGKILL
        first.waitFor();
        long serviceKilled = System.currentTimeMillis();
        Process second = start("embedded-2", port, data, KILL_LEASES);
        awaitReady(port, second);
        load.settle();

        load.stopAndDrain();
        load.report("embedded Redis killed -9", redisKilled);
        load.report("embedded PostgreSQL killed -9", postgresKilled);
        load.report("service killed -9, restarted", serviceKilled);
        load.assertExactlyOnce();
    }

    /**
     * External servers, as in production: two instances on one PostgreSQL and one Redis, each stopped and started
     * again under load; then Twilio refusing sends (429, then 500) for a while.
     */
    @Test
    void externalRedisAndPostgresStoppedAndStartedUnderTwoInstancesAndTwilioStorms() throws Exception {
        Path data = freshDir("target/resilience-external");
        ExternalPostgres postgres = new ExternalPostgres(data.resolve("postgres"), freePort());
        ExternalRedis redis = new ExternalRedis(data.resolve("redis"), freePort());
        servers.add(redis);
        servers.add(postgres);
        Map<String, String> env = Map.of(
                "DATABASE_URL", "postgres://postgres@127.0.0.1:" + postgres.port + "/postgres",
                "REDIS_URL", "redis://127.0.0.1:" + redis.port,
                "OLLAMA_BASE_URL", OllamaAppStandIn.baseUrl(),
                "OLLAMA_TIMEOUT_MILLIS", "2000");
        int portA = freePort();
        int portB = freePort();
        Process a = start("external-a", portA, data.resolve("a"), env);
        Process b = start("external-b", portB, data.resolve("b"), env); // Flyway's lock lets one of them migrate
        awaitReady(portA, a);
        awaitReady(portB, b);
        Load load = new Load(List.of(portA, portB), "MENU");
        load.start();
        load.settle();

        long redisStopped = System.currentTimeMillis();
        redis.stop();
        Thread.sleep(5_000);
        redis.start();
        load.settle();

        long postgresStopped = System.currentTimeMillis();
        postgres.stop();
        Thread.sleep(5_000);
        postgres.start();
        load.settle();

        long stormStarted = System.currentTimeMillis();
        storm(429, "{\"code\": 20429, \"message\": \"Too Many Requests\", \"more_info\": \"https://www.twilio.com/docs/errors/20429\", \"status\": 429}");
        storm(500, "{\"code\": 20500, \"message\": \"Internal Server Error\", \"more_info\": \"https://www.twilio.com/docs/errors/20500\", \"status\": 500}");
        load.settle();

        // the model hangs (accepts the request, never answers) while every partner asks the coach
        StubMapping hanging = OllamaAppStandIn.server().stubFor(post(urlEqualTo("/api/chat")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(60_000).withHeader("Content-Type", "application/json")
                        .withBody(OllamaAppStandIn.chatResponse("too late"))));
        long modelHanging = System.currentTimeMillis();
        load.say(QUESTION);
        load.settle();
        load.say("MENU");
        OllamaAppStandIn.server().removeStub(hanging);
        load.settle();

        load.stopAndDrain();
        load.report("external Redis stopped 5 s, started (2 instances)", redisStopped);
        load.report("external PostgreSQL stopped 5 s, started (2 instances)", postgresStopped);
        load.report("Twilio 429 for 3 s, then 500 for 3 s (2 instances)", stormStarted);
        load.report("Ollama hanging, every partner asking the coach (2 instances)", modelHanging);
        load.assertExactlyOnce();
    }

    /** Every send refused with this status for 3 s. */
    private static void storm(int status, String body) throws InterruptedException {
        StubMapping refusing = TwilioStandIn.server().stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json"))
                .atPriority(1).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
        Thread.sleep(3_000);
        TwilioStandIn.server().removeStub(refusing);
    }

    /**
     * Partners writing steadily to the given instances (round robin per message), each through onboarding and then
     * the same message again and again. Each message's first send and acknowledgement times are kept; the k-th reply
     * Twilio accepted for a partner answers its k-th message (the service answers each message once, in order).
     */
    private final class Load {
        private final List<Integer> ports;
        private volatile String repeated;
        private final List<String> phones = new ArrayList<>();
        private final Map<String, List<long[]>> sent = new ConcurrentHashMap<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ExecutorService senders = Executors.newFixedThreadPool(PARTNERS);
        private final List<Future<?>> running = new CopyOnWriteArrayList<>();
        private final long startedAt = System.currentTimeMillis();

        Load(List<Integer> ports, String repeated) {
            this.ports = ports;
            this.repeated = repeated;
            for (int i = 0; i < PARTNERS; i++) {
                String phone = AbstractPipelineTest.freshPhone();
                phones.add(phone);
                sent.put(phone, new CopyOnWriteArrayList<>());
            }
        }

        void start() {
            for (String phone : phones) {
                running.add(senders.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        String text = n < ONBOARDING.size() ? ONBOARDING.get(n) : repeated;
                        int port = ports.get(n % ports.size());
                        long first = System.currentTimeMillis();
                        deliverUntilAcked(port, AbstractPipelineTest.whatsappForm(phone, text, AbstractPipelineTest.newMessageSid()));
                        sent.get(phone).add(new long[]{first, System.currentTimeMillis()});
                        Thread.sleep(GAP_MILLIS);
                    }
                    return null;
                }));
            }
        }

        /** From now on, what each partner sends after onboarding. */
        void say(String text) {
            repeated = text;
        }

        /** Lets the load run for a few seconds. */
        void settle() throws InterruptedException {
            Thread.sleep(4_000);
        }

        void stopAndDrain() throws Exception {
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            senders.shutdown();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            for (String phone : phones) {
                while (accepted(phone).size() < sent.get(phone).size() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            Thread.sleep(3_000); // past the send lease: a duplicate from a resumed send would have arrived by now
            int messages = 0;
            int replies = 0;
            for (String phone : phones) {
                messages += sent.get(phone).size();
                replies += accepted(phone).size();
            }
            System.out.printf("resilience: %d partners, %d messages acknowledged, %d replies, %d lost, %d duplicated%n",
                    PARTNERS, messages, replies, Math.max(0, messages - replies), Math.max(0, replies - messages));
        }

        void assertExactlyOnce() {
            phones.stream().filter(p -> accepted(p).size() != sent.get(p).size()).limit(3).map(this::timeline)
                    .forEach(System.out::println);
            for (String phone : phones) {
                assertThat(accepted(phone)).as("exactly one reply per acknowledged message to %s", phone)
                        .hasSize(sent.get(phone).size());
            }
        }

        /**
         * The figures of one fault: how long after it the service first answered a message sent after it, and the
         * slowest reply (first send to the reply accepted by Twilio) to messages sent within 15 s after it.
         */
        void report(String fault, long at) {
            long recovered = Long.MAX_VALUE;
            long slowest = 0;
            int affected = 0;
            for (String phone : phones) {
                List<Long> replies = accepted(phone);
                List<long[]> messages = sent.get(phone);
                for (int k = 0; k < messages.size() && k < replies.size(); k++) {
                    long first = messages.get(k)[0];
                    if (first >= at) {
                        recovered = Math.min(recovered, replies.get(k) - at);
                    }
                    if (first >= at - 1_000 && first < at + 15_000) {
                        slowest = Math.max(slowest, replies.get(k) - first);
                        affected++;
                    }
                }
            }
            System.out.printf("resilience | at %6d ms | %-55s | answering again after %6d ms | slowest reply %6d ms over %d messages"
                    + "%n", at - startedAt, fault, recovered, slowest, affected);
        }

        /** For a failure's report: the partner's messages and the replies Twilio accepted, in ms since the load began. */
        private String timeline(String phone) {
            StringBuilder out = new StringBuilder("timeline of " + phone + " (ms since the load began):\n");
            for (long[] m : sent.get(phone)) {
                out.append("  message sent ").append(m[0] - startedAt).append(", acknowledged ").append(m[1] - startedAt).append('\n');
            }
            for (ServeEvent e : TwilioStandIn.server().getAllServeEvents()) {
                String to = "To=whatsapp%3A" + phone.replace("+", "%2B");
                if (e.getRequest().getUrl().endsWith("/Messages.json") && e.getRequest().getBodyAsString().contains(to)) {
                    out.append("  reply ").append(e.getRequest().getLoggedDate().getTime() - startedAt).append(' ')
                            .append(e.getResponse().getStatus()).append(' ')
                            .append(String.valueOf(TwilioStandIn.shownBody(TwilioStandIn.form(e.getRequest()))).lines().findFirst().orElse(""))
                            .append('\n');
                }
            }
            return out.toString();
        }

        /** When Twilio accepted each reply to this partner (201), oldest first. */
        private List<Long> accepted(String phone) {
            String to = "To=whatsapp%3A" + phone.replace("+", "%2B");
            List<Long> at = new ArrayList<>();
            for (ServeEvent e : TwilioStandIn.server().getAllServeEvents()) {
                if (e.getRequest().getUrl().endsWith("/Messages.json") && "POST".equals(e.getRequest().getMethod().getName())
                        && e.getResponse().getStatus() == 201 && e.getRequest().getBodyAsString().contains(to)) {
                    at.add(e.getRequest().getLoggedDate().getTime());
                }
            }
            at.sort(Comparator.naturalOrder());
            return at;
        }
    }

    /** Like Twilio: no 200 (connection refused, reset, timeout, 503) means deliver the same webhook again. */
    private static void deliverUntilAcked(int port, Map<String, String> form) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = AbstractPipelineTest.postSignedTo(port, "/webhooks/twilio/messaging", form);
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException e) {
                // the service is down (being killed or restarting)
            }
            Thread.sleep(100);
        }
        throw new AssertionError("webhook never acknowledged: " + form.get("MessageSid"));
    }

    private Process start(String name, int port, Path data, Map<String, String> extra) throws IOException {
        assertThat(UNPACKED).as("the unpacked jar (failsafe runs after package)").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        // as the README runs it: unpacked, with the class-data archive of the build's start
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:SharedArchiveFile=" + CLASS_DATA, "-jar", UNPACKED.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(Path.of("target/resilience-" + name + ".log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SHISHA_DATA_DIR", data.toString());
        env.put("SHISHA_SPEECH_MODEL_DOWNLOAD", "false");
        env.put("TWILIO_ACCOUNT_SID", TwilioStandIn.ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", AbstractPipelineTest.AUTH_TOKEN);
        env.put("TWILIO_WHATSAPP_FROM", AbstractPipelineTest.WHATSAPP_FROM);
        env.put("TWILIO_API_BASE_URL", TwilioStandIn.baseUrl());
        env.put("TWILIO_CONTENT_BASE_URL", TwilioStandIn.baseUrl());
        env.put("PUBLIC_BASE_URL", AbstractPipelineTest.PUBLIC_BASE);
        env.put("TWILIO_SEND_RATE_PER_SECOND", "10000");
        env.put("SHISHA_SWEEP_MILLIS", "200");
        // busy above 2 webhooks per 10 ms: the senders keep crossing it, so messages go through the intake journal
        // and straight into the inbox by turns, and a kill finds both kinds in flight
        env.put("SHISHA_INTAKE_BUSY_RATE", "200");
        // replies are counted per message: the day's nudge would be one more message
        env.put("SHISHA_NUDGE_EVERY_SECONDS", "0");
        env.putAll(extra);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static void awaitReady(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("service process alive (see target/resilience-*.log)").isTrue();
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("service did not become ready on port " + port);
    }

    /** kill -9 of the process a pid file names; returns when. */
    private static long killFromPidFile(Path pidFile) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid + " of " + pidFile));
        long at = System.currentTimeMillis();
        process.destroyForcibly();
        return at;
    }

    /** A PostgreSQL outside the service (this test's own), on a fixed port and data folder, stopped and started at will. */
    private static final class ExternalPostgres implements AutoCloseable {
        final int port;
        private final Path dir;
        private EmbeddedPostgres server;

        ExternalPostgres(Path dir, int port) throws IOException {
            this.dir = Files.createDirectories(dir);
            this.port = port;
            start();
        }

        void start() throws IOException {
            server = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port)
                    .setServerConfig("max_connections", "300").start();
        }

        void stop() throws IOException {
            server.close();
            server = null;
        }

        @Override
        public void close() throws IOException {
            if (server != null) {
                stop();
            }
        }
    }

    /** A Redis outside the service, on a fixed port, with its append-only file, stopped and started at will. */
    private static final class ExternalRedis implements AutoCloseable {
        final int port;
        private final Path dir;
        private RedisServer server;

        ExternalRedis(Path dir, int port) throws IOException {
            this.dir = Files.createDirectories(dir);
            this.port = port;
            start();
        }

        void start() throws IOException {
            server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("dir " + dir)
                    .setting("appendonly yes").setting("daemonize no").build();
            server.start();
        }

        void stop() throws IOException {
            server.stop();
            server = null;
        }

        @Override
        public void close() throws IOException {
            if (server != null) {
                stop();
            }
        }
    }

    private static Path freshDir(String dir) throws IOException {
        Path path = Path.of(dir).toAbsolutePath();
        if (Files.exists(path)) {
            try (Stream<Path> paths = Files.walk(path)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(path);
    }

    /**
     * A free port below the kernel's ephemeral range: the service's own embedded servers take ephemeral ports while it
     * starts, before its web server binds, and one of them took the port chosen for it.
     */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket s = new ServerSocket(port)) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }
}
