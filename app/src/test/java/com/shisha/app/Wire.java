package com.shisha.app;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request exactly as it goes on the wire (request line, header lines in order, body bytes), sent over a plain
 * socket so no client library tidies it up; and what every answer at every door must be.
 */
record Wire(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A Java class name in an answer ("java.lang.IllegalStateException", "org.postgresql.util.PSQLException"). */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jakarta|org|com|tools|net|io|sun)\\.[\\w.$]*(Exception|Error)\\b");
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z][a-z_]{2,40}");

    Wire {
        headers = List.copyOf(headers);
    }

    /**
     * Sent from {@code client}: the test's proxy (127.0.0.1, which the app believes) names it in X-Forwarded-For,
     * so tries spread over many client addresses as real traffic does, and the per-address limit stays on.
     */
    AbstractApiTest.Response send(int port, String client) {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        if (client != null) {
            lines.add(Map.entry("X-Forwarded-For", client));
        }
        lines.addAll(headers);
        return RawHttp.send("127.0.0.1", port, method, target, lines, body == null ? -1 : body.length, body);
    }

    /** The same request with each placeholder replaced, wherever it stands: request line, header values, body. */
    Wire resolve(Map<String, String> placeholders) {
        String t = target;
        List<Map.Entry<String, String>> h = new ArrayList<>(headers);
        byte[] b = body;
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            t = t.replace(p.getKey(), p.getValue());
            h.replaceAll(e -> Map.entry(e.getKey(), e.getValue().replace(p.getKey(), p.getValue())));
            b = b == null ? null : replace(b, p.getKey().getBytes(StandardCharsets.US_ASCII), p.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return new Wire(method, t, h, b);
    }

    private static byte[] replace(byte[] in, byte[] what, byte[] with) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length);
        int i = 0;
        while (i < in.length) {
            if (i <= in.length - what.length && java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                out.writeBytes(with);
                i += what.length;
            } else {
                out.write(in[i++]);
            }
        }
        return out.toByteArray();
    }

    /** Client addresses in the documentation ranges (never routed), IPv4 and IPv6. */
    static Arbitrary<String> clients() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("192.0.2.", "198.51.100.", "203.0.113.").flatMap(net -> Arbitraries.integers().between(1, 254).map(n -> net + n))),
                Tuple.of(1, Arbitraries.integers().between(1, 0xFFFF).map(n -> "2001:db8::" + Integer.toHexString(n))));
    }

    String describe() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return method + " " + cut(target) + " " + headers.stream().map(h -> h.getKey() + ": " + cut(h.getValue())).toList()
                + (body == null ? "" : " body (" + body.length + " bytes): " + cut(text));
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + ")" : s;
    }

    boolean mentions(String word) {
        return target.contains(word) || headers.stream().anyMatch(h -> h.getValue().contains(word))
                || (body != null && new String(body, StandardCharsets.UTF_8).contains(word));
    }

    /** No door answers 5xx, or shows how it failed inside. */
    void assertNoServerErrorNorTrace(AbstractApiTest.Response r) {
        String body = r.body() == null ? "" : r.body();
        assertThat(r.status()).as("%s answered %s: %s", describe(), r.status(), body).isLessThan(500);
        assertThat(body).as("answer to %s", describe())
                .doesNotContain("\tat ").doesNotContain("at org.springframework").doesNotContain("at java.base/")
                .doesNotContain("Caused by:").doesNotContainPattern(CLASS_NAME);
        if (!mentions("Exception")) {
            assertThat(body).as("answer to %s", describe()).doesNotContain("Exception");
        }
    }

    /** And every refusal is the one JSON error shape: {error, message, status[, fields]}. */
    void assertJsonError(AbstractApiTest.Response r) {
        if (r.status() < 400 || "HEAD".equals(method)) {
            return;
        }
        assertThat(r.header("Content-Type")).as("content type of %s to %s: %s", r.status(), describe(), r.body())
                .startsWith("application/json");
        JsonNode json = JSON.readTree(r.body());
        assertThat(json.path("status").asInt()).as("status in %s", r.body()).isEqualTo(r.status());
        assertThat(json.path("error").asString("")).as("error code in %s", r.body()).matches(ERROR_CODE);
        assertThat(json.path("message").asString("")).as("message in %s", r.body()).isNotBlank();
    }

    void assertAnswerIsSound(AbstractApiTest.Response r) {
        assertNoServerErrorNorTrace(r);
        assertJsonError(r);
    }
}
