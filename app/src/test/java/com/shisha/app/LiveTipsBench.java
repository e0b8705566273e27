package com.shisha.app;

import com.shisha.web.api.SessionTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How long after the end of a customer's sentence its tip is on the partner's screen: the whole service in this
 * process, the recorded call (app/src/test/resources/audio) replayed at real speed as Twilio's media stream through
 * the WebSocket, and the partner's live stream (SSE) read as an app reads it. The time runs from the moment the
 * last 20 ms frame of the sentence was sent to the moment its tip arrived, so it holds the end-pointing wait (the
 * stand-in recogniser decides a sentence ended after 400 ms of quiet, as Vosk does by default), the cue spotting,
 * the guide search, the writes and the push. The recogniser's own decoding is not in it: there is no Vosk model
 * here (see bench/README.md). Run by bench/live-tips.sh.
 */
public final class LiveTipsBench {

    private LiveTipsBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String[] settings = ConfigurationValidationTest.properties("SHISHA_INTAKE_JOURNAL=off", "SHISHA_CALL_PLACER_MILLIS=0",
                "SHISHA_JWT_SECRET=" + AbstractApiTest.JWT_SECRET, "FIREBASE_PROJECT_ID=" + AbstractApiTest.PROJECT);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ShishaApplication.class, LiveTipsTest.Speech.class)
                .properties(settings).run()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            SessionTokens tokens = app.getBean(SessionTokens.class);
            List<Long> ends = customerSentenceEnds();
            List<Long> latencies = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                List<Long> measured = round(port, jdbc, tokens, ends);
                if (round == 0) {
                    System.out.printf("warm-up round: %s ms%n", measured);
                    continue;
                }
                System.out.printf("round %d: end of sentence to tip on screen %s ms%n", round, measured);
                latencies.addAll(measured);
            }
            latencies.sort(Long::compare);
            long p50 = latencies.get(latencies.size() / 2);
            long max = latencies.get(latencies.size() - 1);
            System.out.printf("%d tips: p50 %d ms, max %d ms; target 2000 ms: max is %.2fx the target%n",
                    latencies.size(), p50, max, max / 2000.0);
        }
    }

    /**
     * Where each customer sentence of the recorded call ends, in ms from its start: the last 20 ms of the customer's
     * track with any voice in it before the end the script gives (which counts the synthesiser's trailing quiet).
     */
    private static List<Long> customerSentenceEnds() throws IOException {
        byte[] customer = MediaStreamReplay.resource("/audio/call-customer.ul");
        try (InputStream in = LiveTipsBench.class.getResourceAsStream("/audio/call-script.tsv")) {
            List<Long> ends = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String[] f = line.split("\t");
                if (f[0].equals("customer")) {
                    long frame = Long.parseLong(f[1]) / 20;
                    while (frame > 0 && !voiced(customer, (int) frame)) {
                        frame--;
                    }
                    ends.add((frame + 1) * 20);
                }
            }
            return ends;
        }
    }

    private static boolean voiced(byte[] mulaw, int frame) {
        double energy = 0;
        int from = frame * MediaStreamReplay.FRAME_BYTES;
        for (int i = from; i < Math.min(mulaw.length, from + MediaStreamReplay.FRAME_BYTES); i++) {
            double s = com.shisha.channels.twilio.Mulaw.decode(mulaw[i]);
            energy += s * s;
        }
        return Math.sqrt(energy / MediaStreamReplay.FRAME_BYTES) > 300;
    }

    /** One call: a lead call of a fresh partner, bridged, its stream replayed at real speed; the latency of each tip. */
    private static List<Long> round(int port, JdbcClient jdbc, SessionTokens tokens, List<Long> ends) throws Exception {
        String phone = AbstractPipelineTest.freshPhone();
        long partner = LeadCallRows.partner(jdbc, phone, "Bench Partner");
        String callSid = PhoneLineTest.newCallSid();
        long call = LeadCallRows.bridgedCall(jdbc, partner, callSid, false);

        Map<Long, Long> tipArrived = new ConcurrentHashMap<>(); // at_ms of the tip -> when it arrived (ms, wall clock)
        HttpRequest listen = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/calls/live"))
                .header("Authorization", "Bearer " + tokens.issue(partner).token()).GET().build();
        LiveTipsTest.CLIENT.sendAsync(listen, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body()
                .filter(line -> line.startsWith("data:") && line.contains("\"atMillis\""))
                .forEach(line -> {
                    long at = Long.parseLong(line.replaceAll(".*\"atMillis\":([0-9]+).*", "$1"));
                    tipArrived.putIfAbsent(at, System.currentTimeMillis());
                }));
        Thread.sleep(300);

        List<String> messages = MediaStreamReplay.messages(callSid, "MZ" + "d".repeat(32), call,
                MediaStreamReplay.resource("/audio/call-partner.ul"), MediaStreamReplay.resource("/audio/call-customer.ul"));
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = LiveTipsTest.signed().buildAsync(URI.create("ws://127.0.0.1:" + port + "/webhooks/twilio/media"),
                new WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        // connected and start first; then a pair of frames (both tracks) every 20 ms, as Twilio sends them
        socket.sendText(messages.get(0), true).get();
        socket.sendText(messages.get(1), true).get();
        Map<Long, Long> frameSent = new ConcurrentHashMap<>(); // media timestamp (ms) -> when it was sent
        long start = System.nanoTime();
        int frame = 0;
        for (int i = 2; i < messages.size() - 2; i += 2) {
            long due = start + frame * 20_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            socket.sendText(messages.get(i), true).get();
            socket.sendText(messages.get(i + 1), true).get();
            frameSent.put(frame * 20L, System.currentTimeMillis());
            frame++;
        }
        socket.sendText(messages.get(messages.size() - 2), true).get();
        socket.sendText(messages.get(messages.size() - 1), true).get();
        closed.get(30, TimeUnit.SECONDS);
        Thread.sleep(500);

        List<Long> latencies = new ArrayList<>();
        List<Long> tipsAt = jdbc.sql("select at_ms from lead_call_tips where call_id = :c order by id").param("c", call)
                .query(Long.class).list();
        for (long at : tipsAt) {
            // the sentence this tip answers: the last customer sentence that ended before the tip was heard
            long end = ends.stream().filter(e -> e <= at).max(Long::compare).orElseThrow();
            Long sent = frameSent.get(end - 20);
            Long arrived = tipArrived.get(at);
            if (sent != null && arrived != null) {
                latencies.add(arrived - sent);
            }
        }
        return latencies;
    }
}
