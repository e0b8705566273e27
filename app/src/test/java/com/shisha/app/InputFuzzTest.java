package com.shisha.app;

import com.shisha.channels.twilio.TwilioSignature;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.spring.JqwikSpringSupport;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.shisha.app.HostileInput.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input at the three doors, as jqwik properties over real HTTP against the whole service: the Twilio
 * webhooks (signed, so the input reaches the real handling; and unsigned or badly signed), the open web chat, and
 * every operation of the companion API that the OpenAPI document lists. Never a 5xx, never a stack trace or an
 * exception's name in what a client reads, and every refusal in the one JSON error shape. Seeds are fixed so CI
 * runs the same inputs every time; a failure is shrunk to the smallest input that still fails.
 *
 * <p>The per-address limit stays on: each try comes from a client address of its own, as real traffic does. The
 * per-partner limit too: the API's tries are spread over a small pool of signed-in partners.
 */
@JqwikSpringSupport
class InputFuzzTest extends AbstractApiTest {

    private static final String MESSAGING = "/webhooks/twilio/messaging";
    private static final String STATUS = "/webhooks/twilio/status";
    private static final String STANDIN = "STANDIN";
    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime());
    private static final Pattern ERROR_CODE = Pattern.compile("\"error\":\"([a-z_]+)\"");

    // -----------------------------------------------------------------------------------------------------------
    // Twilio webhooks

    enum Kind { WHATSAPP, SMS, STATUS, VOICE_NOTE, TAP }

    enum Op { SET, REMOVE, REPEAT }

    /** A change to one form field of an otherwise well-formed webhook. */
    record Change(String field, Op op, String value) {
    }

    enum Encoding { FORM, FORM_WITH_PERCENT_20, MULTIPART }

    /**
     * @param query       appended to the URL Twilio calls (and signs), or null
     * @param contentType the form's content type as sent (the multipart boundary is added when multipart)
     * @param extraHeader one more header (too large, control characters, odd ones), or null
     */
    record Webhook(Kind kind, String phone, String body, List<Change> changes, String query, String contentType, Encoding encoding,
                   Map.Entry<String, String> extraHeader) {
        String path() {
            return kind == Kind.STATUS ? STATUS : MESSAGING;
        }
    }

    private static final List<String> MESSAGING_FIELDS = List.of("MessageSid", "SmsMessageSid", "SmsSid", "From", "To", "Body",
            "ProfileName", "WaId", "NumMedia", "MediaUrl0", "MediaContentType0", "MediaUrl1", "MediaContentType1", "ButtonPayload",
            "ButtonText", "ListId", "ListTitle", "AccountSid", "MessageType", "NumSegments", "Latitude", "Longitude", "ReferralNumMedia",
            "OriginalRepliedMessageSid", "ApiVersion");
    private static final List<String> STATUS_FIELDS = List.of("MessageSid", "SmsSid", "MessageStatus", "SmsStatus", "ErrorCode",
            "ErrorMessage", "AccountSid", "To", "From", "ChannelPrefix", "ChannelStatusMessage", "RawDlrDoneDate", "ApiVersion");

    @Provide
    Arbitrary<Webhook> signedWebhooks() {
        Arbitrary<Kind> kinds = Arbitraries.of(Kind.class).withoutEdgeCases();
        return kinds.flatMap(kind -> {
            List<String> known = kind == Kind.STATUS ? STATUS_FIELDS : MESSAGING_FIELDS;
            Arbitrary<String> names = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(known)),
                    Tuple.of(1, text().filter(n -> !n.isEmpty())));
            Arbitrary<Change> change = names.flatMap(name -> Combinators.combine(
                    Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Op.SET)), Tuple.of(2, Arbitraries.just(Op.REMOVE)), Tuple.of(2, Arbitraries.just(Op.REPEAT))),
                    fieldValue(name)).as((op, value) -> new Change(name, op, value)));
            Arbitrary<String> query = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just((String) null)),
                    Tuple.of(1, Arbitraries.of("a=b", "x=%00", "%zz", "Body=shadow", "MessageSid=SMx", "=", "&&", "a=%E0%A4", "utm=%F0%9F%99%8F")));
            Arbitrary<String> contentType = Arbitraries.frequencyOf(
                    Tuple.of(10, Arbitraries.just("application/x-www-form-urlencoded")),
                    Tuple.of(1, Arbitraries.of("application/x-www-form-urlencoded; charset=UTF-8", "APPLICATION/X-WWW-FORM-URLENCODED;charset=utf-8",
                            "application/x-www-form-urlencoded; charset=ISO-8859-1", "application/x-www-form-urlencoded; charset=bogus",
                            "application/x-www-form-urlencoded; charset=\"utf-8\"; foo=bar")));
            Arbitrary<Encoding> encoding = Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.just(Encoding.FORM)),
                    Tuple.of(2, Arbitraries.just(Encoding.FORM_WITH_PERCENT_20)), Tuple.of(1, Arbitraries.just(Encoding.MULTIPART)));
            return Combinators.combine(Arbitraries.just(kind), HostileInput.indianMobile(), text(), change.list().ofMaxSize(4), query,
                    contentType, encoding, WebChatInput.extraHeaders()).as(Webhook::new);
        });
    }

    /** Plausible values for the field, its near misses, or anything at all. */
    private static Arbitrary<String> fieldValue(String field) {
        Arbitrary<String> plausible = switch (field) {
            case "MessageSid", "SmsMessageSid", "SmsSid", "OriginalRepliedMessageSid" -> Arbitraries.of("SM0123456789abcdef", "MM" + "f".repeat(32),
                    "SM", "sm0123456789abcdef", "SM0123456789abcdef\u0000", "SM" + "0".repeat(65), "WA0123456789");
            case "From", "To" -> Combinators.combine(Arbitraries.of("", "whatsapp:", "WhatsApp:", "whatsapp: ", "sms:", "messenger:"), HostileInput.phone())
                    .as(String::concat);
            case "NumMedia", "NumSegments", "ReferralNumMedia", "Latitude", "Longitude", "ErrorCode" ->
                    Arbitraries.oneOf(Arbitraries.of("0", "1", "2", "10", "11", "-1"), HostileInput.numberLike());
            case "MediaUrl0", "MediaUrl1" -> mediaUrls();
            case "MediaContentType0", "MediaContentType1" -> Arbitraries.of("audio/ogg", "audio/ogg; codecs=opus", "audio/mpeg", "audio/amr",
                    "image/jpeg", "video/mp4", "application/pdf", "", "*/*", "audio/");
            case "ButtonPayload", "ListId" -> Arbitraries.of("product:LOANS", "menu:quiz", "lang:hi", "x".repeat(200), "x".repeat(201), " ", "\u0000");
            case "MessageStatus", "SmsStatus" -> Arbitraries.of("queued", "sent", "delivered", "read", "failed", "undelivered", "received",
                    "DELIVERED", "", "a_very_long_status_name_x");
            case "AccountSid" -> Arbitraries.of(TwilioStandIn.ACCOUNT_SID.toLowerCase(), TwilioStandIn.ACCOUNT_SID + " ", "", "AC" + "0".repeat(32));
            default -> text();
        };
        return Arbitraries.frequencyOf(Tuple.of(3, plausible), Tuple.of(2, text()));
    }

    /** Media URLs on Twilio's stand-in, on this machine elsewhere, or not URLs at all; never another host. */
    private static Arbitrary<String> mediaUrls() {
        return Arbitraries.oneOf(
                Arbitraries.of(STANDIN + "/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Messages/MM" + "a".repeat(32) + "/Media/ME" + "0".repeat(32),
                        STANDIN + "/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Messages/MM1/Media/../../../../etc/passwd",
                        STANDIN + "/%2e%2e/%2e%2e/x", STANDIN + "/" + "a".repeat(5000), STANDIN + "?x=" + "%00",
                        "http://127.0.0.1:1/voice.ogg", "http://localhost:1/voice.ogg", "http://[::1]:1/voice.ogg", "http://user:pass@127.0.0.1:1/x",
                        "file:///etc/passwd", "ftp://127.0.0.1/voice.ogg", "javascript:alert(1)", "data:audio/ogg;base64,T2dnUw==", "//127.0.0.1/x",
                        "/relative/voice.ogg", "http://127.0.0.1:1:2/x", "http://127.0.0.1:99999/x", "http://%31%32%37.0.0.1:1/x", ""),
                text());
    }

    @Property(tries = 250, seed = "20261207")
    void aSignedWebhookIsNeverAnswered5xx(@ForAll("signedWebhooks") Webhook webhook) {
        Wire wire = signed(webhook);
        Response r = wire.send(port, null);

        Statistics.label("answer").collect(r.status());
        wire.assertAnswerIsSound(r);
        if (r.status() == 200) {
            assertThat(r.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        }
        // most tries must get past the signature and the form checks, or the property says little about the handling
        Statistics.label("answer").coverage(c -> {
            c.check(200).percentage((Double p) -> p > 40);
            c.check(403).percentage((Double p) -> p < 15);
        });
    }

    /** The webhook as Twilio would send it: fields in order, a unique MessageSid, signed over URL and form. */
    private Wire signed(Webhook w) {
        String sid = (w.kind() == Kind.VOICE_NOTE ? "MM" : "SM") + String.format("%032x", UNIQUE.incrementAndGet());
        List<Map.Entry<String, String>> fields = baseForm(w, sid);
        for (Change c : w.changes()) {
            String value = c.value().startsWith(STANDIN) ? TwilioStandIn.baseUrl() + c.value().substring(STANDIN.length()) : c.value();
            switch (c.op()) {
                case SET -> {
                    boolean found = false;
                    for (int i = 0; i < fields.size(); i++) {
                        if (fields.get(i).getKey().equals(c.field())) {
                            fields.set(i, Map.entry(c.field(), value));
                            found = true;
                        }
                    }
                    if (!found) {
                        fields.add(Map.entry(c.field(), value));
                    }
                }
                case REMOVE -> fields.removeIf(f -> f.getKey().equals(c.field()));
                case REPEAT -> fields.add(Map.entry(c.field(), value));
            }
        }
        // what the server decodes: a lone surrogate cannot travel in UTF-8 and arrives as '?'
        List<Map.Entry<String, String>> sent = fields.stream().map(f -> Map.entry(utf8(f.getKey()), utf8(f.getValue()))).toList();
        Map<String, String[]> params = new LinkedHashMap<>();
        sent.forEach(f -> params.merge(f.getKey(), new String[]{f.getValue()}, (a, b) -> {
            String[] both = java.util.Arrays.copyOf(a, a.length + 1);
            both[a.length] = b[0];
            return both;
        }));
        String target = w.path() + (w.query() == null ? "" : "?" + w.query());
        String signature = new TwilioSignature(AUTH_TOKEN).sign(PUBLIC_BASE + target, params);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        byte[] body;
        if (w.encoding() == Encoding.MULTIPART) {
            String boundary = "fuzz" + Long.toHexString(UNIQUE.incrementAndGet());
            headers.add(Map.entry("Content-Type", "multipart/form-data; boundary=" + boundary));
            StringBuilder b = new StringBuilder();
            sent.forEach(f -> b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f.getKey())
                    .append("\"\r\n\r\n").append(f.getValue()).append("\r\n"));
            body = b.append("--").append(boundary).append("--\r\n").toString().getBytes(StandardCharsets.UTF_8);
        } else {
            headers.add(Map.entry("Content-Type", w.contentType()));
            body = sent.stream().map(f -> encode(f.getKey(), w.encoding()) + "=" + encode(f.getValue(), w.encoding()))
                    .collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII);
        }
        headers.add(Map.entry("X-Twilio-Signature", signature));
        if (w.extraHeader() != null) {
            headers.add(w.extraHeader());
        }
        return new Wire("POST", target, headers, body);
    }

    private static List<Map.Entry<String, String>> baseForm(Webhook w, String sid) {
        Map<String, String> form = switch (w.kind()) {
            case SMS -> smsForm(w.phone(), w.body(), sid);
            case STATUS -> {
                Map<String, String> f = new LinkedHashMap<>();
                f.put("ChannelPrefix", "whatsapp");
                f.put("ApiVersion", "2010-04-01");
                f.put("MessageStatus", "delivered");
                f.put("SmsSid", sid);
                f.put("SmsStatus", "delivered");
                f.put("To", "whatsapp:" + w.phone());
                f.put("From", WHATSAPP_FROM);
                f.put("MessageSid", sid);
                f.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
                yield f;
            }
            default -> whatsappForm(w.phone(), w.body(), sid);
        };
        if (w.kind() == Kind.VOICE_NOTE) {
            form.put("Body", "");
            form.put("NumMedia", "1");
            form.put("MessageType", "audio");
            form.put("MediaContentType0", "audio/ogg");
            form.put("MediaUrl0", TwilioStandIn.baseUrl() + "/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Messages/" + sid
                    + "/Media/ME" + "0".repeat(32));
        } else if (w.kind() == Kind.TAP) {
            form.put("MessageType", "button");
            form.put("ButtonPayload", "product:LOANS");
            form.put("ButtonText", w.body());
        }
        return new ArrayList<>(form.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
    }

    private static String utf8(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static String encode(String s, Encoding encoding) {
        String e = URLEncoder.encode(s, StandardCharsets.UTF_8);
        return encoding == Encoding.FORM_WITH_PERCENT_20 ? e.replace("+", "%20") : e;
    }

    /** Ways a webhook fails to be Twilio's own. */
    enum Forgery {
        MISSING, EMPTY, GARBAGE, OTHER_TOKEN, OTHER_URL, TAMPERED_VALUE, ADDED_FIELD, DROPPED_FIELD, CASE_FLIPPED, TRUNCATED,
        FORGED_FIRST_OF_TWO, OTHER_ACCOUNT, NO_ACCOUNT, WRONG_METHOD
    }

    record Forged(Webhook webhook, Forgery forgery, String garbage, String method) {
    }

    @Provide
    Arbitrary<Forged> forgedWebhooks() {
        Arbitrary<String> garbage = Arbitraries.oneOf(Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(60),
                Arbitraries.of("=", "AAAA", "sha1=abc", "null", "undefined"));
        return Combinators.combine(signedWebhooks().filter(w -> w.changes().isEmpty() && w.query() == null && w.encoding() != Encoding.MULTIPART && w.extraHeader() == null),
                Arbitraries.of(Forgery.class).withoutEdgeCases(), garbage,
                Arbitraries.of("GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")).as(Forged::new);
    }

    @Property(tries = 120, seed = "20261208")
    void anUnsignedOrForgedWebhookIsRefusedWith403(@ForAll("forgedWebhooks") Forged forged) {
        Wire genuine = signed(forged.webhook());
        String signature = genuine.headers().stream().filter(h -> h.getKey().equals("X-Twilio-Signature")).findFirst().orElseThrow().getValue();
        List<Map.Entry<String, String>> headers = new ArrayList<>(genuine.headers().stream().filter(h -> !h.getKey().equals("X-Twilio-Signature")).toList());
        String body = new String(genuine.body(), StandardCharsets.US_ASCII);
        String target = genuine.target();
        String method = "POST";
        switch (forged.forgery()) {
            case MISSING -> { }
            case EMPTY -> headers.add(Map.entry("X-Twilio-Signature", ""));
            case GARBAGE -> headers.add(Map.entry("X-Twilio-Signature", forged.garbage()));
            case OTHER_TOKEN -> headers.add(Map.entry("X-Twilio-Signature", new TwilioSignature("another-token-0123456789")
                    .sign(PUBLIC_BASE + target, decode(body))));
            case OTHER_URL -> headers.add(Map.entry("X-Twilio-Signature", new TwilioSignature(AUTH_TOKEN)
                    .sign(PUBLIC_BASE.replace("https", "http") + target, decode(body))));
            case TAMPERED_VALUE -> {
                headers.add(Map.entry("X-Twilio-Signature", signature));
                body = body.replaceFirst("Body=", "Body=x").replaceFirst("MessageStatus=", "MessageStatus=x");
            }
            case ADDED_FIELD -> {
                headers.add(Map.entry("X-Twilio-Signature", signature));
                body = body + "&Extra=" + URLEncoder.encode(forged.garbage(), StandardCharsets.UTF_8);
            }
            case DROPPED_FIELD -> {
                headers.add(Map.entry("X-Twilio-Signature", signature));
                body = body.substring(body.indexOf('&') + 1);
            }
            case CASE_FLIPPED -> headers.add(Map.entry("X-Twilio-Signature", flipCase(signature)));
            case TRUNCATED -> headers.add(Map.entry("X-Twilio-Signature", signature.substring(0, signature.length() - 2)));
            case FORGED_FIRST_OF_TWO -> {
                headers.add(Map.entry("X-Twilio-Signature", forged.garbage()));
                headers.add(Map.entry("X-Twilio-Signature", signature));
            }
            case OTHER_ACCOUNT, NO_ACCOUNT -> {
                // signed with our token, but about another account's message (a token shared or leaked)
                Map<String, String[]> params = decode(body);
                if (forged.forgery() == Forgery.OTHER_ACCOUNT) {
                    params.put("AccountSid", new String[]{"AC" + "9".repeat(32)});
                } else {
                    params.remove("AccountSid");
                }
                body = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue()[0], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
                headers.add(Map.entry("X-Twilio-Signature", new TwilioSignature(AUTH_TOKEN).sign(PUBLIC_BASE + target, params)));
            }
            case WRONG_METHOD -> {
                headers.add(Map.entry("X-Twilio-Signature", signature));
                method = forged.method();
            }
        }
        Wire wire = new Wire(method, target, headers, "HEAD".equals(method) || "GET".equals(method) ? null : body.getBytes(StandardCharsets.US_ASCII));
        Response r = wire.send(port, null);

        Statistics.label("forgery").collect(forged.forgery());
        wire.assertAnswerIsSound(r);
        int expected = forged.forgery() == Forgery.WRONG_METHOD ? 405 : 403;
        assertThat(r.status()).as("%s %s answered %s", forged.forgery(), wire.describe(), r.body()).isEqualTo(expected);
        if (forged.forgery() != Forgery.WRONG_METHOD) {
            assertThat(r.body()).contains("\"error\":\"forbidden\"");
        }
    }

    private static Map<String, String[]> decode(String form) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            params.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    new String[]{java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)});
        }
        return params;
    }

    private static String flipCase(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }

    // -----------------------------------------------------------------------------------------------------------
    // Web chat (open, as in development: no sign-in; WebChatSignedInFuzzTest covers the signed-in gate)

    @Provide
    Arbitrary<Wire> webChatCalls() {
        Arbitrary<String> junkAuthorization = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just((String) null)),
                Tuple.of(1, Arbitraries.of("Bearer x", "Bearer ", "Basic Zm9vOmJhcg==", "bearer " + "a".repeat(500))));
        Arbitrary<String> phones = Arbitraries.frequencyOf(Tuple.of(3, HostileInput.indianMobile()), Tuple.of(1, HostileInput.phone()));
        return WebChatInput.calls(phones, HostileInput.urlValue(phones), junkAuthorization,
                Arbitraries.of("forged", "%00").injectNull(0.9));
    }

    @Property(tries = 250, seed = "20261209")
    void theWebChatNeverAnswers5xx(@ForAll("webChatCalls") Wire wire, @ForAll("clients") String client) {
        Response r = wire.send(port, client);

        Statistics.label("answer").collect(r.status());
        wire.assertAnswerIsSound(r);
        WebChatInput.assertAccepted(wire, r);
        Statistics.label("answer").coverage(c -> c.checkQuery(s -> (int) s.get(0) < 300).percentage((Double p) -> p > 5));
    }

    @Provide
    Arbitrary<String> clients() {
        return Wire.clients();
    }

    // -----------------------------------------------------------------------------------------------------------
    // The companion API: every operation the OpenAPI document lists

    @Provide
    Arbitrary<ApiInput.Call> apiCalls() {
        return ApiInput.calls(operations());
    }

    @Property(tries = 300, seed = "20261210")
    void theApiNeverAnswers5xx(@ForAll("apiCalls") ApiInput.Call call, @ForAll("clients") String client) {
        Wire wire = call.wire(pool());
        Response r = wire.send(port, client);

        Statistics.label("answer").collect(r.status() / 100 + "xx");
        Statistics.label("operation").collect(call.operation().key());
        Matcher code = ERROR_CODE.matcher(r.body());
        Statistics.label("refusal").collect(r.status() < 400 ? "none" : r.status() + " " + (code.find() ? code.group(1) : "-"));
        wire.assertAnswerIsSound(r);
        Statistics.label("answer").coverage(c -> c.check("2xx").percentage((Double p) -> p > 10));
    }

    private static List<ApiInput.Operation> operations;

    /** The operations of the running service, from its own OpenAPI document, in a stable order. */
    synchronized List<ApiInput.Operation> operations() {
        if (operations == null) {
            Response docs = get("/v3/api-docs", null);
            assertThat(docs.status()).as(docs.body()).isEqualTo(200);
            operations = ApiInput.operations(docs.json());
        }
        return operations;
    }

    @Example
    void theFuzzedOperationsAreEveryEndpointTheApiDocumentsName() throws IOException {
        TreeSet<String> fuzzed = operations().stream().map(ApiInput.Operation::key).collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `(GET|POST|PUT|PATCH|DELETE) (/api/v1/[^`?]*)[^`]*` \\|").matcher(
                Files.readString(Path.of("..", "docs", "api.md")));
        while (m.find()) {
            documented.add(m.group(1) + " " + m.group(2).replaceAll("\\{[^}]+}", "{}"));
        }
        assertThat(documented).as("endpoints in docs/api.md").hasSizeGreaterThan(25);
        assertThat(fuzzed.stream().map(k -> k.replaceAll("\\{[^}]+}", "{}")).toList()).containsAll(documented);
    }

    private static List<ApiInput.Partner> pool;

    /** Signed-in partners to call as, each onboarded and owning a lead, a quiz run, a coach answer, a device and a call review. */
    synchronized List<ApiInput.Partner> pool() {
        if (pool == null) {
            List<JsonNode> sessions = new ArrayList<>();
            for (int i = 0; i < ApiInput.POOL; i++) {
                sessions.add(signIn(freshPhone()));
            }
            List<ApiInput.Partner> partners = new ArrayList<>();
            for (int i = 0; i < sessions.size(); i++) {
                String token = sessions.get(i).get("token").asString();
                assertThat(call("PATCH", "/api/v1/partners/me", token, Map.of("name", "Fuzz Partner", "city", "Nagpur", "language", "en",
                        "products", List.of("DEMAT", "SAVINGS_ACCOUNTS"))).status()).isEqualTo(200);
                Response leads = get("/api/v1/leads?size=1", token);
                Response run = call("POST", "/api/v1/quiz/runs", token, null);
                Response answer = call("POST", "/api/v1/coach/questions", token, Map.of("question", "How do I open a demat account?"));
                String device = "fcm-fuzz:" + "A".repeat(40) + UNIQUE.incrementAndGet();
                call("POST", "/api/v1/devices", token, Map.of("token", device, "platform", "android"));
                Response review = call("POST", "/api/v1/call-reviews/transcript", token, Map.of("text",
                        "namaste sir, I am calling from GroMo about a demat account; do you have two minutes to talk about it today?"));
                Map<String, String> owned = new LinkedHashMap<>();
                owned.put("id", sessions.get(i).get("partner").get("id").asString());
                owned.put("followeeId", sessions.get((i + 1) % sessions.size()).get("partner").get("id").asString());
                owned.put("leadId", leads.json().path("items").path(0).path("id").asString("1"));
                owned.put("runId", run.json().path("runId").asString("x"));
                owned.put("answerId", answer.json().path("answerId").asString("x"));
                owned.put("token", device);
                owned.put("reviewId", review.json().path("reviewId").asString("x"));
                partners.add(new ApiInput.Partner(token, sessions.get(i).get("partner").get("id").asLong(), owned));
            }
            pool = List.copyOf(partners);
        }
        return pool;
    }
}
