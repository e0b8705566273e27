package com.shisha.app;

import com.shisha.app.HostileInput.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.shisha.app.HostileInput.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls to the web chat's two endpoints (POST /api/v1/webchat/messages, GET /api/v1/webchat/stream) and their near
 * misses, with the request's own parts hostile: JSON bodies, content types and charsets, the query, headers.
 */
final class WebChatInput {

    static final String MESSAGES = "/api/v1/webchat/messages";
    static final String STREAM = "/api/v1/webchat/stream";

    private WebChatInput() {
    }

    /**
     * @param jsonPhones    the phone field's values in a body
     * @param urlPhones     the stream's phone parameter, already as it goes into the query
     * @param authorization the Authorization header's value, or null for none
     * @param accessTokens  the stream's access_token parameter as it goes into the query, or null for none
     */
    static Arbitrary<Wire> calls(Arbitrary<String> jsonPhones, Arbitrary<String> urlPhones, Arbitrary<String> authorization,
                                 Arbitrary<String> accessTokens) {
        Arbitrary<Json> object = HostileInput.objectWith(Map.of(
                "phone", jsonPhones.map(HostileInput::str),
                "text", Arbitraries.frequencyOf(Tuple.of(2, text()), Tuple.of(1, Arbitraries.of("hi", "2", "Asha Verma", "हाँ", "YES"))).map(HostileInput::str),
                // an id the dialogs offered, mostly: a choice that cannot be one refuses the whole message
                "choice", Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("product:LOANS", "menu:1", "lang:hi", "x".repeat(200))),
                        Tuple.of(1, Arbitraries.oneOf(Arbitraries.of("x".repeat(201), " ", "a\u0000b"), text()))).map(HostileInput::str),
                "clientMessageId", Arbitraries.strings().alpha().numeric().withChars('_', '-').ofMinLength(6).ofMaxLength(66).map(HostileInput::str)),
                List.of("phone", "text", "choice", "clientMessageId"));
        Arbitrary<Wire> messages = Combinators.combine(HostileInput.body(object), contentTypes(), accepts(), authorization, extraHeaders())
                .as((body, type, accept, auth, extra) -> new Wire("POST", MESSAGES, headers(type, accept, auth, extra), body));
        Arbitrary<String> query = Combinators.combine(
                urlPhones.list().ofMaxSize(2),
                accessTokens,
                Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")), Tuple.of(1, Arbitraries.of(HostileInput.ODD_PERCENT)),
                        Tuple.of(1, HostileInput.urlValue(HostileInput.urlText()).map(v -> "x=" + v)))).as((phones, token, junk) -> {
            List<String> parts = new ArrayList<>(phones.stream().map(p -> "phone=" + p).toList());
            if (token != null) {
                parts.add("access_token=" + token);
            }
            if (!junk.isEmpty()) {
                parts.add(junk);
            }
            return parts.stream().collect(Collectors.joining("&"));
        });
        Arbitrary<Wire> streams = Combinators.combine(query, accepts(), authorization, extraHeaders())
                .as((q, accept, auth, extra) -> new Wire("GET", STREAM + (q.isEmpty() ? "" : "?" + q), headers(null, accept, auth, extra), null));
        Arbitrary<Wire> misses = Combinators.combine(
                Arbitraries.of("GET", "PUT", "DELETE", "PATCH", "POST", "OPTIONS", "HEAD", "PROPFIND"),
                Arbitraries.of(MESSAGES, STREAM, MESSAGES + "/", STREAM + "/x", "/api/v1/webchat", "/api/v1/webchat/", "/api/v1/WEBCHAT/messages",
                        "/api/v1/webchat/messages.json", "/api/v1/webchat/%6Dessages", "/api/v1/webchat/./messages", "/api/v1/webchat/messages;x=1"),
                HostileInput.body(object).injectNull(0.3), contentTypes(), authorization)
                .as((method, path, body, type, auth) -> new Wire(method, path, headers(body == null ? null : type, null, auth, null),
                        "GET".equals(method) || "HEAD".equals(method) ? null : body));
        return Arbitraries.frequencyOf(Tuple.of(7, messages), Tuple.of(2, streams), Tuple.of(1, misses));
    }

    static List<Map.Entry<String, String>> headers(String contentType, String accept, String authorization, Map.Entry<String, String> extra) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (contentType != null) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        if (accept != null) {
            headers.add(Map.entry("Accept", accept));
        }
        if (authorization != null) {
            headers.add(Map.entry("Authorization", authorization));
        }
        if (extra != null) {
            headers.add(extra);
        }
        return headers;
    }

    /** Mostly JSON; else JSON with odd or broken parameters, or not JSON at all, or none. */
    static Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(
                Tuple.of(14, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("application/json; charset=UTF-8", "application/json;charset=ISO-8859-1", "application/json; charset=UTF-16",
                        "application/json; charset=bogus", "application/json; charset=", "application/json;;;", "application/json; charset=\"utf-8\"",
                        "APPLICATION/JSON", "application/merge-patch+json", "application/problem+json", "text/json", "application/json, text/plain",
                        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
                        "*/*", "application/*", "garbage", "", ";", "application/json\u0000", "application/jsön")),
                Tuple.of(1, Arbitraries.just((String) null)));
    }

    /** Mostly none; else JSON, something else, or nothing anyone can produce. */
    static Arbitrary<String> accepts() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.just((String) null)),
                Tuple.of(2, Arbitraries.of("application/json", "*/*", "text/event-stream", "application/xml", "text/html", "image/png",
                        "application/json;q=0", "text/plain;q=0.5, */*;q=0", "garbage", "", "application/*")));
    }

    /** Mostly none; else a header too large for the container, control characters, or odd but harmless ones. */
    static Arbitrary<Map.Entry<String, String>> extraHeaders() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just((Map.Entry<String, String>) null)),
                Tuple.of(1, Arbitraries.integers().between(4_000, 70_000).map(n -> Map.entry("X-Padding", "a".repeat(n)))),
                Tuple.of(1, Arbitraries.of(Map.entry("X-Fuzz", "a\u0000b"), Map.entry("X-Fuzz", "\u0007\u001b[2J"), Map.entry("X-Fuzz", "é ü"),
                        Map.entry("Origin", "https://evil.test"), Map.entry("Origin", "null"), Map.entry("Origin", AbstractApiTest.ALLOWED_ORIGIN),
                        Map.entry("Content-Encoding", "gzip"), Map.entry("X-Forwarded-Proto", "gopher"), Map.entry("X-Forwarded-For", "not an address"),
                        Map.entry("Accept-Charset", "bogus"), Map.entry("Accept-Language", "hi-IN;q=x"), Map.entry("Range", "bytes=0-1"),
                        Map.entry("If-None-Match", "*"), Map.entry("Cookie", "JSESSIONID=\u0001"), Map.entry("Forwarded", "for=\"[::1\""))));
    }

    /** What a success must look like: the message taken (and by id), or the stream open. */
    static void assertAccepted(Wire wire, AbstractApiTest.Response r) {
        if (r.status() == 202) {
            // JSON, or what the client's Accept asked for
            assertThat(r.body()).as(wire.describe()).containsPattern("messageId\\W+web-").containsPattern("\\W(accepted|duplicate)\\W");
        }
        if (r.status() == 200 && wire.target().startsWith(STREAM + "?")) {
            assertThat(r.header("Content-Type")).as(wire.describe()).startsWith("text/event-stream");
        }
    }
}
