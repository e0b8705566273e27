package com.shisha.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the packaged service in the middle of a load, restart on the same data, and check that every
 * message gets exactly one reply. Senders behave like Twilio: a webhook that got no 200 is retried with the
 * same MessageSid until it does. Runs the real jar in its own process, with its own embedded servers.
 */
class CrashRecoveryIT {

    private static final Path JAR = Path.of("target/app-0.1.0-SNAPSHOT.jar");
    private static final Path DATA = Path.of("target/crash-data");
    private static final List<String> SCRIPT = List.of("hi", "Pooja Rani", "1", "Indore", "1,3", "yes", "MENU", "MENU", "MENU", "MENU");
    private static final int PARTNERS = 40;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroy(); // SIGTERM: graceful, stops the embedded servers too
            p.waitFor();
        }
    }

    @Test
    void everyAcceptedMessageGetsExactlyOneReplyAcrossAKill9() throws Exception {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();
        deleteRecursively(DATA);
        int port = freePort();
        long t0 = System.nanoTime();
        Process first = start(port, 1);
        awaitReady(port, first);
        System.out.printf("cold start (first run, initdb): %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        AtomicInteger acked = new AtomicInteger();
        int killAfter = ThreadLocalRandom.current().nextInt(60, PARTNERS * SCRIPT.size() / 2);
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            phones.add(AbstractPipelineTest.freshPhone());
        }
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (String phone : phones) {
            done.add(senders.submit(() -> {
                for (String text : SCRIPT) {
                    Map<String, String> form = AbstractPipelineTest.whatsappForm(phone, text, AbstractPipelineTest.newMessageSid());
                    deliverUntilAcked(port, form);
                    acked.incrementAndGet();
                }
                return null;
            }));
        }
        while (acked.get() < killAfter) {
            Thread.sleep(2);
        }
        first.destroyForcibly(); // SIGKILL
        first.waitFor();
        System.out.printf("killed -9 after %d acknowledged messages%n", acked.get());
        long t1 = System.nanoTime();
        Process second = start(port, 2);
        awaitReady(port, second);
        System.out.printf("warm restart after kill -9: %d ms%n", (System.nanoTime() - t1) / 1_000_000);
        for (Future<?> f : done) {
            f.get();
        }
        senders.shutdown();

        for (String phone : phones) {
            String to = "whatsapp:" + phone;
            List<TwilioStandIn.Sent> replies = TwilioStandIn.awaitSent(to, SCRIPT.size(), Duration.ofSeconds(60));
            assertThat(replies).as("replies to %s", phone).hasSize(SCRIPT.size());
            assertThat(replies.get(0).body()).contains("What is your name?");
            assertThat(replies.get(5).body()).contains("You are all set");
            assertThat(replies.get(SCRIPT.size() - 1).body()).contains("Main menu");
        }
        Thread.sleep(3_000); // past the send lease: a duplicate from a resumed send would have arrived
        for (String phone : phones) {
            assertThat(TwilioStandIn.sentTo("whatsapp:" + phone)).as("exactly one reply per message to %s", phone).hasSize(SCRIPT.size());
        }
    }

    /** Like Twilio: no 200 (connection refused, reset, timeout) means deliver the same webhook again. */
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

    private Process start(int port, int run) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/crash-app-" + run + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SHISHA_DATA_DIR", DATA.toString());
        env.put("TWILIO_ACCOUNT_SID", TwilioStandIn.ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", AbstractPipelineTest.AUTH_TOKEN);
        env.put("TWILIO_WHATSAPP_FROM", AbstractPipelineTest.WHATSAPP_FROM);
        env.put("TWILIO_API_BASE_URL", TwilioStandIn.baseUrl());
        env.put("PUBLIC_BASE_URL", AbstractPipelineTest.PUBLIC_BASE);
        env.put("TWILIO_SEND_RATE_PER_SECOND", "10000");
        env.put("SHISHA_SWEEP_MILLIS", "200");
        // busy above 2 webhooks per 10 ms: the eight senders keep crossing it, so messages go through the intake
        // journal and straight into the inbox by turns, and the kill finds both kinds in flight
        env.put("SHISHA_INTAKE_BUSY_RATE", "200");
        env.put("SHISHA_LOCK_LEASE_SECONDS", "5");
        env.put("SHISHA_SEND_LEASE_SECONDS", "2");
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static void awaitReady(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("service process alive (see target/crash-app-*.log)").isTrue();
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
