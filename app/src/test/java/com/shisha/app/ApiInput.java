package com.shisha.app;

import com.shisha.app.HostileInput.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.shisha.app.HostileInput.literals;
import static com.shisha.app.HostileInput.strings;
import static com.shisha.app.HostileInput.text;

/**
 * Calls to the companion API's operations, read from its OpenAPI document: each operation with its path
 * parameters (a value the caller owns, numbers out of range, text, dot segments, odd encodings), its query
 * parameters and others, a body built from its schema's fields (see {@link HostileInput#objectWith}), and a
 * caller: signed in, or with a token that is not one.
 */
final class ApiInput {

    /** Partners to call as: with the API's 60 requests a minute each, enough that the per-partner limit rarely speaks. */
    static final int POOL = 6;
    private static final String OWN = "\u0000own\u0000";
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private ApiInput() {
    }

    record Operation(String method, String path, List<String> pathParameters, List<String> queryParameters, List<String> bodyFields,
                     boolean hasBody) {
        String key() {
            return method + " " + path;
        }
    }

    /** @param owned for a path parameter's name, a value of the partner's own (a lead, a quiz run, a device, ...) */
    record Partner(String token, long id, Map<String, String> owned) {
    }

    enum Auth { NONE, SESSION, SESSION_LOWERCASE_SCHEME, GARBAGE, FORGED_SESSION, FIREBASE_ID_TOKEN, BASIC, EMPTY_BEARER, TOKEN_IN_QUERY }

    /**
     * @param pathValues for each path parameter, its raw value, or {@link #OWN} for what the calling partner owns
     * @param query      the query string as sent (may be empty)
     */
    record Call(Operation operation, String method, List<String> pathValues, String query, byte[] body, String contentType, String accept,
                Auth auth, int who, Map.Entry<String, String> extraHeader) {

        Wire wire(List<Partner> pool) {
            Matcher m = PARAM.matcher(operation.path());
            StringBuilder path = new StringBuilder();
            int i = 0;
            while (m.find()) {
                String value = pathValues.get(i++);
                m.appendReplacement(path, Matcher.quoteReplacement(OWN.equals(value)
                        ? HostileInput.percentEncoded(pool.get(who).owned().getOrDefault(m.group(1), "1")) : value));
            }
            m.appendTail(path);
            String token = pool.get(who).token();
            String q = auth == Auth.TOKEN_IN_QUERY ? (query.isEmpty() ? "" : query + "&") + "access_token=" + token : query;
            String authorization = switch (auth) {
                case NONE, TOKEN_IN_QUERY -> null;
                case SESSION -> "Bearer " + token;
                case SESSION_LOWERCASE_SCHEME -> "bearer  " + token;
                case GARBAGE -> "Bearer " + token.substring(0, token.length() - 3) + "xyz";
                case FORGED_SESSION -> "Bearer " + forged(pool.get(who).id());
                case FIREBASE_ID_TOKEN -> "Bearer " + AbstractApiTest.unsignedToken("uid-fuzz", Map.of());
                case BASIC -> "Basic " + Base64.getEncoder().encodeToString("partner:password".getBytes(StandardCharsets.UTF_8));
                case EMPTY_BEARER -> "Bearer ";
            };
            return new Wire(method, path + (q.isEmpty() ? "" : "?" + q),
                    WebChatInput.headers(body == null ? null : contentType, accept, authorization, extraHeader), body);
        }

        @Override
        public String toString() {
            return method + " " + operation.path() + " " + pathValues + " ?" + query + " " + auth + "#" + who + " "
                    + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
        }
    }

    /** A session token for the partner, well-formed but signed with a key that is not the service's. */
    private static String forged(long partnerId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String head = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"" + partnerId + "\",\"exp\":4102444800,\"ver\":0}").getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("not-the-service-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return head + "." + b64.encodeToString(mac.doFinal(head.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The operations in the OpenAPI document, sorted, so the same seed draws the same calls. */
    static List<Operation> operations(JsonNode docs) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                List<String> inPath = new ArrayList<>();
                List<String> inQuery = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters").values()) {
                    (p.path("in").asString("").equals("path") ? inPath : inQuery).add(p.path("name").asString());
                }
                JsonNode body = op.getValue().path("requestBody");
                List<String> fields = new ArrayList<>();
                String ref = body.path("content").path("application/json").path("schema").path("$ref").asString("");
                if (!ref.isEmpty()) {
                    fields.addAll(docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1)).path("properties").propertyNames());
                }
                operations.add(new Operation(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), inPath, inQuery, fields, !body.isMissingNode()));
            }
        }
        operations.sort(Comparator.comparing(Operation::key));
        return List.copyOf(operations);
    }

    static Arbitrary<Call> calls(List<Operation> operations) {
        // no edge cases for the choice of operation: they would be the first and the last one, over and over
        return Arbitraries.of(operations).withoutEdgeCases().flatMap(ApiInput::calls);
    }

    static Arbitrary<Call> calls(Operation op) {
        Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(16, Arbitraries.just(op.method())),
                Tuple.of(1, Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE")), Tuple.of(1, Arbitraries.of("HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO")));
        Arbitrary<List<String>> pathValues = op.pathParameters().isEmpty() ? Arbitraries.just(List.of())
                : pathValue().list().ofSize(op.pathParameters().size());
        Arbitrary<String> query = query(op.queryParameters());
        Arbitrary<byte[]> body = op.hasBody()
                ? HostileInput.body(HostileInput.objectWith(validFields(), op.bodyFields())).injectNull(0.05)
                : HostileInput.body(HostileInput.value()).injectNull(0.9);
        Arbitrary<Auth> auth = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(Auth.SESSION)), Tuple.of(2, Arbitraries.just(Auth.NONE)),
                Tuple.of(1, Arbitraries.of(Auth.class)));
        Arbitrary<Integer> who = Arbitraries.integers().between(0, POOL - 1).withoutEdgeCases();
        return Combinators.combine(method, pathValues, query, body, WebChatInput.contentTypes(), WebChatInput.accepts(), auth, who)
                .flatAs((m, p, q, b, type, accept, a, w) -> WebChatInput.extraHeaders().map(extra ->
                        new Call(op, m, p, q, "GET".equals(m) || "HEAD".equals(m) ? null : b, type, accept, a, w, extra)));
    }

    /** A path parameter: the caller's own, a number out of range, text, a dot segment, an odd encoding. */
    static Arbitrary<String> pathValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(OWN)),
                Tuple.of(2, HostileInput.numberLike().map(HostileInput::percentEncoded)),
                Tuple.of(1, Arbitraries.of("00000000-0000-0000-0000-000000000000", "6F9619FF-8B86-D011-B42D-00C04FC964FF", "{6f9619ff-8b86-d011-b42d-00c04fc964ff}")
                        .map(HostileInput::percentEncoded)),
                Tuple.of(2, HostileInput.urlValue(HostileInput.urlText())),
                Tuple.of(1, Arbitraries.of(".", "..", "%2e", "%2E%2E", "", ";x=1", "1;jsessionid=x", "%2F", "%5C", "%00", "%", "%zz", "a%2Fb",
                        "1.json", "1%20", "+1", "%EF%BC%90", "1/", "1/..", "~", "%25", "*", "1,2", "1&x=y")));
    }

    static Arbitrary<String> query(List<String> declared) {
        List<Arbitrary<List<String>>> parts = new ArrayList<>();
        for (String name : declared) {
            Arbitrary<String> one = HostileInput.urlValue(queryValue(name)).map(v -> name + "=" + v);
            parts.add(Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.of())), Tuple.of(6, one.map(List::of)), Tuple.of(1, one.list().ofSize(2))));
        }
        Arbitrary<List<String>> extra = Combinators.combine(HostileInput.urlValue(HostileInput.urlText()), HostileInput.urlValue(HostileInput.urlText()))
                .as((n, v) -> n + "=" + v).list().ofMaxSize(2);
        Arbitrary<List<List<String>>> known = parts.isEmpty() ? Arbitraries.just(List.of()) : Combinators.combine(parts).as(List::copyOf);
        Arbitrary<String> junk = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just("")), Tuple.of(1, Arbitraries.of("&&", "=", "%zz", "a=%", ";", "&=", "a", "?", "#x")));
        return Combinators.combine(known, extra.injectNull(0.7), junk).as((k, e, j) -> {
            List<String> all = new ArrayList<>();
            k.forEach(all::addAll);
            if (e != null) {
                all.addAll(e);
            }
            if (!j.isEmpty()) {
                all.add(j);
            }
            return String.join("&", all);
        });
    }

    private static Arbitrary<String> queryValue(String name) {
        Arbitrary<String> plausible = switch (name) {
            case "page", "size", "limit" -> Arbitraries.of("0", "1", "3", "5", "9", "10", "20", "100", "-1", "");
            case "lang" -> Arbitraries.of("en", "hi", "EN", "fr", "", "hi-IN");
            case "city" -> Arbitraries.of("Indore", "इंदौर", "INDORE", "", "%");
            case "phone" -> HostileInput.phone();
            default -> HostileInput.urlText();
        };
        return Arbitraries.frequencyOf(Tuple.of(3, plausible), Tuple.of(2, HostileInput.numberLike()), Tuple.of(2, HostileInput.urlText()));
    }

    /** Mostly one of the good values, now and then any text: one field of a body at a time goes wrong. */
    private static Arbitrary<Json> mostly(String... good) {
        return strings(Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(good)), Tuple.of(1, text())));
    }

    /** Values for the fields the API's bodies have, mostly well-formed (see {@link HostileInput#objectWith}). */
    static Map<String, Arbitrary<Json>> validFields() {
        Arbitrary<String> products = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("LOANS", "CREDIT_CARDS", "INSURANCE", "SAVINGS_ACCOUNTS", "DEMAT")),
                Tuple.of(1, Arbitraries.of("YACHTS", "loans", "")));
        return Map.ofEntries(
                Map.entry("phone", strings(Arbitraries.frequencyOf(Tuple.of(5, HostileInput.indianMobile()), Tuple.of(1, HostileInput.phone())))),
                Map.entry("idToken", mostly("eyJhbGciOiJub25lIn0.e30.", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")),
                Map.entry("name", mostly("Asha Verma", "मीरा जोशी", "O'Brien-Smith", "A", "J. R.")),
                Map.entry("city", mostly("Indore", "इंदौर", "Pune", "Nagpur")),
                Map.entry("language", mostly("en", "hi")),
                Map.entry("products", products.map(HostileInput::str).list().ofMinSize(1).ofMaxSize(6).map(HostileInput.JArray::new)),
                Map.entry("outcome", mostly("CALLED", "INTERESTED", "SOLD", "NOT_INTERESTED", "WRONG_NUMBER")),
                Map.entry("amount", Arbitraries.frequencyOf(Tuple.of(5, literals("25000", "0", "-5", "1e9", "0.5", "null")),
                        Tuple.of(1, HostileInput.numberLiteral().map(HostileInput.JRaw::new)))),
                Map.entry("answers", Combinators.combine(mostly("loans-01", "insurance-03"), mostly("A", "B", "C", "D"))
                        .as((q, c) -> (Json) new HostileInput.JObject(List.of(Map.entry("questionId", q), Map.entry("choice", c))))
                        .list().ofMaxSize(12).map(HostileInput.JArray::new)),
                Map.entry("question", mostly("How do I sell a term plan?", "लोन के लिए कौन से कागज़ चाहिए?", "?")),
                Map.entry("answerId", mostly("00000000-0000-0000-0000-000000000000", "x")),
                Map.entry("helpful", literals("true", "false", "true", "false", "null", "\"yes\"", "1")),
                Map.entry("token", strings(Arbitraries.strings().alpha().numeric().withChars(':', '-', '_').ofMinLength(18).ofMaxLength(200))),
                Map.entry("platform", mostly("android", "ios", "web")),
                Map.entry("contentType", mostly("audio/ogg", "audio/wav", "audio/mpeg", "audio/mp4", "video/mp4", "AUDIO/OGG ")),
                Map.entry("sizeBytes", Arbitraries.frequencyOf(Tuple.of(5, literals("1000", "183422", "0", "-1", "20971520", "20971521")),
                        Tuple.of(1, HostileInput.numberLiteral().map(HostileInput.JRaw::new)))),
                Map.entry("text", strings(Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(1, 600).map("namaste sir I am from GroMo "::repeat)),
                        Tuple.of(1, text())))),
                Map.entry("email", mostly("asha@example.com", "a@b", "x".repeat(300) + "@example.com", "ASHA@EXAMPLE.COM")),
                Map.entry("password", mostly("a long password", "short", "x".repeat(73), "पासवर्ड पासवर्ड")),
                Map.entry("newPassword", mostly("another long password", "short")),
                Map.entry("code", mostly("123456", "000000", "12345", "１２３４５６")));
    }
}
