/*
 * SHISHA load driver: a single-file Java 17 program, JDK only.
 *
 *   java bench/src/BenchDriver.java baseline --target http://127.0.0.1:8080 --path /ping --n 50000 --c 64
 *   java bench/src/BenchDriver.java webhook  --target http://127.0.0.1:8080 --n 20000 --c 64 --s 2000 --gate ack
 *   java bench/src/BenchDriver.java --selftest
 *   java bench/src/BenchDriver.java --help
 *
 * Other modes used by bench/run.sh: standin (only the Twilio REST stand-in), serve (a trivial GET
 * server to measure the driver's own ceiling), wait (poll a URL until it answers 200), proc (CPU and
 * RSS of a process tree from /proc), report (summary table and target checks from the JSON lines).
 *
 * Only loopback targets are accepted (127.0.0.0/8, localhost, ::1).
 */

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class BenchDriver {

    static final String HELP = """
            SHISHA load driver (Java 17, JDK only). Usage:
              java bench/src/BenchDriver.java MODE [--key value ...]      (or --mode MODE)
              java bench/src/BenchDriver.java --selftest

            Modes
              baseline   GET --target+--path N times, C in flight
              webhook    signed Twilio WhatsApp inbound webhooks; starts the Twilio REST stand-in
              standin    only the Twilio REST stand-in, until killed
              serve      trivial GET server (200 "pong") to measure the driver's own ceiling
              wait       poll GET --target+--path until 200 (--timeout-s, --pid: give up if it dies)
              proc       CPU seconds and RSS of --pid and its descendants, as one JSON line
              report     summary table + target checks from a JSON-lines file (--json-in)

            Common options
              --target URL          base URL of the service (loopback only)   default http://127.0.0.1:8080
              --path PATH           baseline: /ping; webhook: /webhooks/twilio/messaging
              --n N                 requests (baseline, default 50000) / messages (webhook, default 20000)
              --c C                 max requests in flight                    default 64
              --client raw|jdk      raw keep-alive sockets, or java.net.http.HttpClient   default raw
              --timeout-ms MS       per-request timeout                        default 30000
              --max-seconds S       hard cap on the load phase                 default 600
              --label TEXT          copied into the JSON line
              --json-out FILE       append the JSON line to FILE

            Webhook options
              --token TOKEN         Twilio auth token (signing + stand-in Basic auth)  default bench-secret-token
              --sign-base URL       public base URL the service validates against      default https://bot.example.test
              --s S                 distinct senders                           default 2000
              --gate ack|reply      a sender's next message goes after the previous ack, or after the
                                    stand-in got the reply to it (or --reply-timeout-ms)   default ack
              --reply-timeout-ms MS default 10000
              --drain-timeout-ms MS after sending, wait up to MS for replies    default 60000
              --quiet-ms MS         ... and stop early when no reply came for MS   default 10000
              --settle-ms MS        ... once all expected replies came, wait MS for extras  default 1000
              --standin-port P      Twilio REST stand-in port; 0 = none         default 4010
              --standin-delay-ms MS stand-in answers after MS (mimics Twilio API latency)   default 0
              --standin-auth strict|any   strict: user = AccountSid of the path and password = --token
                                    (or an SK... API key with any secret)       default strict
              --to NUMBER           the bot's number                           default whatsapp:+14155238886
              --account-sid SID     AccountSid in the webhook form             default AC000...0
              --sender-slot 0..9999 the RRRR in whatsapp:+919RRRRIIIII         default random
              --show-conversation   print sender 0's transcript

            Other modes
              serve  --port P (4011) --threads T (4)
              wait   --target URL --path /ping --timeout-s 120 [--pid PID]      exit 0 once 200, 1 otherwise
              proc   --pid PID [--clk-tck 100] [--list] [--label L] [--json-out F]
              journey-report --json-in FILE [--summary-out F] [--p95-max-ms 30]
              webhook extras: --script onboarding|quiz|leads (quiz/leads address generated partners
                    +9197..., see SHISHA_DEMO_PARTNERS) --sender-offset K --ops-path /ops/turns
                    --think-ms T (gate reply: mean think time after each reply, exponential)
              report --json-in FILE [--summary-out F] [--ack-p99-max-ms 50] [--ingest-ratio-min 0.5] [--turns-min 1000]
                     [--peer-turns-ratio-min 1.5] [--peer-cpu-ratio-max 1.0]
                     reads the labels run.sh writes (app-*, peer-*, driver-ceiling); exit 3 if replies are missing
            """;

    public static void main(String[] argv) throws Exception {
        Args a = Args.parse(argv);
        if (a.flag("help")) {
            System.out.println(HELP);
            return;
        }
        if (a.flag("selftest")) {
            System.exit(SelfTest.run());
        }
        String mode = a.get("mode", a.positional.isEmpty() ? "baseline" : a.positional.get(0));
        int rc;
        switch (mode) {
            case "baseline" -> rc = Load.runBaseline(a);
            case "webhook" -> rc = Load.runWebhook(a);
            case "standin" -> rc = StandIn.runStandalone(a);
            case "serve" -> rc = Serve.run(a);
            case "wait" -> rc = Wait.run(a);
            case "proc" -> rc = Proc.run(a);
            case "report" -> rc = Report.run(a);
            case "journey-report" -> rc = JourneyReport.run(a);
            default -> {
                System.err.println("unknown mode " + mode + "\n" + HELP);
                rc = 2;
            }
        }
        System.exit(rc);
    }

    // ------------------------------------------------------------------ arguments

    static final class Args {
        final Map<String, String> kv = new HashMap<>();
        final List<String> positional = new ArrayList<>();

        static Args parse(String[] argv) {
            Args a = new Args();
            for (int i = 0; i < argv.length; i++) {
                String s = argv[i];
                if (s.equals("-h")) {
                    a.kv.put("help", "true");
                } else if (s.startsWith("--")) {
                    String k = s.substring(2);
                    int eq = k.indexOf('=');
                    if (eq >= 0) {
                        a.kv.put(k.substring(0, eq), k.substring(eq + 1));
                    } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                        a.kv.put(k, argv[++i]);
                    } else {
                        a.kv.put(k, "true");
                    }
                } else {
                    a.positional.add(s);
                }
            }
            return a;
        }

        String get(String k, String d) {
            return kv.getOrDefault(k, d);
        }

        int i(String k, int d) {
            return kv.containsKey(k) ? Integer.parseInt(kv.get(k)) : d;
        }

        boolean flag(String k) {
            return "true".equals(kv.get(k));
        }
    }

    static String trimSlash(String s) {
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }

    // ------------------------------------------------------------------ loopback guard

    /** True when host is a loopback literal or localhost resolving only to loopback. */
    static boolean isLoopbackHost(String host) {
        if (host == null || host.isEmpty()) return false;
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            try {
                for (InetAddress ia : InetAddress.getAllByName("localhost")) {
                    if (!ia.isLoopbackAddress()) return false;
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        if (h.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            String[] p = h.split("\\.");
            for (String x : p) if (Integer.parseInt(x) > 255) return false;
            return p[0].equals("127");
        }
        if (h.contains(":")) { // IPv6 literal: only ::1 in any spelling
            try {
                InetAddress ia = InetAddress.getByName(h); // literal, no DNS lookup
                return ia.isLoopbackAddress();
            } catch (IOException e) {
                return false;
            }
        }
        return false; // any other name: refuse (no DNS games)
    }

    static URI requireLoopback(String url) {
        URI u = URI.create(url);
        if (!"http".equals(u.getScheme()) || !isLoopbackHost(u.getHost())) {
            System.err.println("refusing target " + url + ": only http:// on loopback (127.0.0.0/8, localhost, ::1)"
                    + " is allowed; this machine's network rules forbid load on any other address");
            System.exit(2);
        }
        return u;
    }

    static int portOf(URI u) {
        return u.getPort() > 0 ? u.getPort() : 80;
    }

    // ------------------------------------------------------------------ Twilio signature + form

    static final String HEX = "0123456789abcdef";

    static String twilioSignature(String token, String url, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(url);
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            sb.append(e.getKey()).append(e.getValue());
        }
        return Base64.getEncoder().encodeToString(hmacSha1(token).doFinal(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** One initialised Mac per thread and token (Mac.getInstance + init per request costs more than the HMAC). */
    static final ThreadLocal<Object[]> MAC = new ThreadLocal<>();

    static Mac hmacSha1(String token) {
        Object[] cached = MAC.get();
        if (cached != null && cached[0].equals(token)) return (Mac) cached[1];
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            MAC.set(new Object[]{token, mac});
            return mac;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Random version-4 UUID without SecureRandom's lock (an idempotency token, not a secret). */
    static String fastUuid() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(hi, lo).toString();
    }

    static String formEncode(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (sb.length() > 0) sb.append('&');
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** Form decode keeping repeated keys (first value in map, count of values in counts). */
    static Map<String, List<String>> formDecode(String body) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) return m;
        for (String part : body.split("&")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return m;
    }

    static String first(Map<String, List<String>> m, String k) {
        List<String> l = m.get(k);
        return l == null || l.isEmpty() ? null : l.get(0);
    }

    static String randomHex(int n) {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(HEX.charAt(r.nextInt(16)));
        return sb.toString();
    }

    /** "SM"/"RQ" + 32 hex: 16 hex of run prefix + 16 hex of sequence. Unique per process, random per run. */
    static final class SidGen {
        final String prefix;
        final String runHex = randomHex(16);
        final AtomicLong seq = new AtomicLong();

        SidGen(String prefix) {
            this.prefix = prefix;
        }

        String next() {
            String s = Long.toHexString(seq.incrementAndGet());
            return prefix + runHex + "0".repeat(16 - s.length()) + s;
        }
    }

    // ------------------------------------------------------------------ workload script

    static final String[] NAMES = {"Asha", "Ravi", "Priya", "Arjun", "Meena", "Vikram", "Sunita", "Karan", "Lakshmi", "Imran"};
    static final String[] SURNAMES = {"Verma", "Sharma", "Patel", "Nair", "Khan", "Reddy", "Das", "Gupta", "Iyer", "Singh"};
    static final String[] CITIES = {"Indore", "Pune", "Nashik", "Lucknow", "Jaipur", "Nagpur", "Patna", "Surat", "Bhopal", "Kanpur"};

    static String senderNumber(int slot, int i) {
        return "whatsapp:+91" + (9_000_000_000L + slot * 100_000L + i);
    }

    /**
     * Generated partners (the app's PartnerGenerator, started with SHISHA_DEMO_PARTNERS): "+9197" and eight
     * digits, i -> (i * 7919793457 mod 10^8), the same bijection the generator uses, so the driver can address
     * partners who are already onboarded and at the main menu.
     */
    static String generatedPartner(int i) {
        return "whatsapp:+9197" + String.format("%08d", (i * (7_919_793_457L % 100_000_000L)) % 100_000_000L);
    }

    static final String[] QUIZ_ANSWERS = {"A", "B", "C", "D", "2", "b", "c", "1", "D", "a"};
    static final String[] LEAD_STEPS = {"LEADS", "1", "2", "1", "1"};

    /** The journey scripts run on generated partners: QUIZ + 10 answers; or leads, a detail, outcomes. */
    static String scriptFor(String script, int i, int step) {
        return switch (script) {
            case "quiz" -> step % 11 == 0 ? "QUIZ" : QUIZ_ANSWERS[(step % 11 - 1 + i) % QUIZ_ANSWERS.length];
            case "leads" -> LEAD_STEPS[step % LEAD_STEPS.length];
            default -> scriptFor(i, step);
        };
    }

    static String scriptFor(int i, int step) {
        return switch (step) {
            case 0 -> "hi";
            // a name is letters only (the bot refuses digits in a name)
            case 1 -> NAMES[i % NAMES.length] + " " + SURNAMES[(i / NAMES.length) % SURNAMES.length];
            case 2 -> "English";
            case 3 -> CITIES[i % CITIES.length];
            case 4 -> "1,3";
            case 5 -> "yes";
            default -> "MENU";
        };
    }

    // ------------------------------------------------------------------ statistics

    static final class LatencyLog {
        long[] v = new long[1024];
        int n;

        void add(long nanos) {
            if (n == v.length) v = Arrays.copyOf(v, n * 2);
            v[n++] = nanos;
        }

        void addAll(LatencyLog o) {
            for (int i = 0; i < o.n; i++) add(o.v[i]);
        }

        /** {count, mean, p50, p95, p99, max} in ms, nearest-rank percentiles. */
        Map<String, Object> summary() {
            long[] s = Arrays.copyOf(v, n);
            Arrays.sort(s);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", n);
            double sum = 0;
            for (long x : s) sum += x;
            m.put("mean", n == 0 ? null : ms(sum / n));
            m.put("p50", pct(s, 50));
            m.put("p95", pct(s, 95));
            m.put("p99", pct(s, 99));
            m.put("max", n == 0 ? null : ms(s[n - 1]));
            return m;
        }

        static Double pct(long[] sorted, double p) {
            if (sorted.length == 0) return null;
            int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            idx = Math.max(0, Math.min(sorted.length - 1, idx));
            return ms(sorted[idx]);
        }
    }

    static double ms(double nanos) {
        return Math.round(nanos / 1000.0) / 1000.0;
    }

    static double round1(double x) {
        return Math.round(x * 10.0) / 10.0;
    }

    static double round3(double x) {
        return Math.round(x * 1000.0) / 1000.0;
    }

    // ------------------------------------------------------------------ minimal JSON

    static final class Json {
        static String write(Object o) {
            StringBuilder sb = new StringBuilder();
            write(sb, o);
            return sb.toString();
        }

        @SuppressWarnings("unchecked")
        static void write(StringBuilder sb, Object o) {
            if (o == null) {
                sb.append("null");
            } else if (o instanceof String s) {
                str(sb, s);
            } else if (o instanceof Double d) {
                if (d.isNaN() || d.isInfinite()) sb.append("null");
                else if (d == Math.rint(d) && Math.abs(d) < 1e15) sb.append(d.longValue());
                else sb.append(d);
            } else if (o instanceof Number || o instanceof Boolean) {
                sb.append(o);
            } else if (o instanceof Map<?, ?> m) {
                sb.append('{');
                boolean firstKey = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!firstKey) sb.append(',');
                    firstKey = false;
                    str(sb, String.valueOf(e.getKey()));
                    sb.append(':');
                    write(sb, e.getValue());
                }
                sb.append('}');
            } else if (o instanceof List<?> l) {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) sb.append(',');
                    write(sb, l.get(i));
                }
                sb.append(']');
            } else {
                str(sb, o.toString());
            }
        }

        static void str(StringBuilder sb, String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                        else sb.append(c);
                    }
                }
            }
            sb.append('"');
        }

        static Object parse(String s) {
            Json.Parser p = new Json.Parser(s);
            p.ws();
            Object o = p.value();
            p.ws();
            if (p.i != s.length()) throw new IllegalArgumentException("trailing data at " + p.i);
            return o;
        }

        static final class Parser {
            final String s;
            int i;

            Parser(String s) {
                this.s = s;
            }

            void ws() {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            }

            Object value() {
                if (i >= s.length()) throw new IllegalArgumentException("unexpected end");
                char c = s.charAt(i);
                if (c == '{') {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    for (;;) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        ws();
                        m.put(k, value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return m;
                        }
                    }
                }
                if (c == '[') {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    for (;;) {
                        ws();
                        l.add(value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return l;
                        }
                    }
                }
                if (c == '"') return string();
                if (s.startsWith("true", i)) {
                    i += 4;
                    return Boolean.TRUE;
                }
                if (s.startsWith("false", i)) {
                    i += 5;
                    return Boolean.FALSE;
                }
                if (s.startsWith("null", i)) {
                    i += 4;
                    return null;
                }
                int st = i;
                while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
                if (st == i) throw new IllegalArgumentException("bad value at " + st);
                return Double.parseDouble(s.substring(st, i));
            }

            void expect(char c) {
                if (i >= s.length() || s.charAt(i) != c) throw new IllegalArgumentException("expected " + c + " at " + i);
                i++;
            }

            String string() {
                expect('"');
                StringBuilder sb = new StringBuilder();
                for (;;) {
                    char c = s.charAt(i++);
                    if (c == '"') return sb.toString();
                    if (c == '\\') {
                        char e = s.charAt(i++);
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 'r' -> sb.append('\r');
                            case 't' -> sb.append('\t');
                            case 'b' -> sb.append('\b');
                            case 'f' -> sb.append('\f');
                            case 'u' -> {
                                sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                                i += 4;
                            }
                            default -> sb.append(e);
                        }
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    static void emitJson(Args a, Map<String, Object> result) throws IOException {
        if (!"proc".equals(result.get("mode"))) {
            // this JVM's own CPU (driver + stand-in + JIT), for the report's "other processes" check
            ProcessHandle.current().info().totalCpuDuration().ifPresent(d -> result.put("driver_cpu_s", round3(d.toNanos() / 1e9)));
        }
        String line = Json.write(result);
        String out = a.get("json-out", null);
        if (out != null) {
            Files.writeString(Path.of(out), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.out.println(line);
        System.out.flush();
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ------------------------------------------------------------------ HTTP client side

    /** One HTTP request, prepared for both transports. */
    static final class Req {
        final String method;
        final String path;
        final String[] headers; // name, value, name, value ...
        final byte[] body;
        byte[] raw; // serialized HTTP/1.1 request, built lazily for the raw transport

        Req(String method, String path, String[] headers, byte[] body) {
            this.method = method;
            this.path = path;
            this.headers = headers;
            this.body = body;
        }

        byte[] raw(String hostHeader) {
            if (raw == null) {
                StringBuilder sb = new StringBuilder(256);
                sb.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
                for (int i = 0; i < headers.length; i += 2) {
                    sb.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
                }
                if (body != null) sb.append("Content-Length: ").append(body.length).append("\r\n");
                sb.append("\r\n");
                byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
                if (body == null) {
                    raw = head;
                } else {
                    raw = Arrays.copyOf(head, head.length + body.length);
                    System.arraycopy(body, 0, raw, head.length, body.length);
                }
            }
            return raw;
        }
    }

    /** Result of one exchange: HTTP status, or -1 with an error name. */
    static final class Resp {
        int status;
        String error;
        byte[] body;

        String statusKey() {
            return status > 0 ? Integer.toString(status) : "error:" + error;
        }
    }

    interface Session extends AutoCloseable {
        Resp exchange(Req r);

        @Override
        void close();
    }

    interface Transport {
        Session open();

        default void shutdown() {
        }

        String name();
    }

    /** Raw keep-alive socket per session (one session per worker thread). */
    static final class RawTransport implements Transport {
        final String host;
        final int port;
        final String hostHeader;
        final int timeoutMs;
        final boolean keepBody;
        final AtomicLong connects = new AtomicLong();
        final AtomicLong retries = new AtomicLong();

        RawTransport(URI base, int timeoutMs, boolean keepBody) {
            this.host = base.getHost().startsWith("[") ? base.getHost().substring(1, base.getHost().length() - 1) : base.getHost();
            this.port = portOf(base);
            this.hostHeader = base.getHost() + ":" + port;
            this.timeoutMs = timeoutMs;
            this.keepBody = keepBody;
        }

        @Override
        public String name() {
            return "raw";
        }

        @Override
        public Session open() {
            return new RawConn();
        }

        final class RawConn implements Session {
            Socket sock;
            InputStream in;
            OutputStream out;
            final byte[] buf = new byte[32 * 1024];
            int pos, lim;
            long bytesRead; // since the request was written
            int onThisConn;

            void connect() throws IOException {
                Socket s = new Socket();
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(host, port), Math.min(timeoutMs, 10_000));
                s.setSoTimeout(timeoutMs);
                sock = s;
                in = s.getInputStream();
                out = s.getOutputStream();
                pos = lim = 0;
                onThisConn = 0;
                connects.incrementAndGet();
            }

            @Override
            public void close() {
                if (sock != null) {
                    try {
                        sock.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
                sock = null;
            }

            @Override
            public Resp exchange(Req r) {
                byte[] wire = r.raw(hostHeader);
                Resp resp = new Resp();
                boolean reused = sock != null && onThisConn > 0;
                for (int attempt = 0; ; attempt++) {
                    try {
                        if (sock == null) connect();
                        bytesRead = 0;
                        out.write(wire);
                        out.flush();
                        readResponse(resp, r.method.equals("HEAD"));
                        onThisConn++;
                        return resp;
                    } catch (IOException e) {
                        close();
                        // A keep-alive connection the server closed while idle: nothing came back at all.
                        // Retry once on a fresh connection, like any HTTP client does.
                        if (attempt == 0 && reused && bytesRead == 0 && !(e instanceof SocketTimeoutException)) {
                            retries.incrementAndGet();
                            continue;
                        }
                        resp.status = -1;
                        resp.error = e instanceof SocketTimeoutException ? "timeout"
                                : e instanceof java.net.ConnectException ? "connect" : e.getClass().getSimpleName();
                        return resp;
                    }
                }
            }

            int fill() throws IOException {
                if (pos == lim) {
                    pos = 0;
                    lim = 0;
                }
                if (lim == buf.length) { // compact
                    System.arraycopy(buf, pos, buf, 0, lim - pos);
                    lim -= pos;
                    pos = 0;
                }
                int k = in.read(buf, lim, buf.length - lim);
                if (k < 0) throw new EOFException("connection closed by server");
                lim += k;
                bytesRead += k;
                return k;
            }

            String readLine() throws IOException {
                for (;;) {
                    for (int i = pos; i + 1 < lim; i++) {
                        if (buf[i] == '\r' && buf[i + 1] == '\n') {
                            String line = new String(buf, pos, i - pos, StandardCharsets.ISO_8859_1);
                            pos = i + 2;
                            return line;
                        }
                    }
                    if (pos > 0 && lim == buf.length) {
                        System.arraycopy(buf, pos, buf, 0, lim - pos);
                        lim -= pos;
                        pos = 0;
                    }
                    if (lim == buf.length) throw new IOException("header line too long");
                    fill();
                }
            }

            void readBody(long len, ByteArrayOutputStream keep) throws IOException {
                while (len > 0) {
                    if (pos == lim) fill();
                    int k = (int) Math.min(len, lim - pos);
                    if (keep != null) keep.write(buf, pos, k);
                    pos += k;
                    len -= k;
                }
            }

            void readResponse(Resp resp, boolean head) throws IOException {
                int status;
                long contentLength;
                boolean chunked;
                boolean close;
                for (;;) { // skip 1xx
                    String statusLine = readLine();
                    if (!statusLine.startsWith("HTTP/1.")) throw new IOException("bad status line: " + statusLine);
                    status = Integer.parseInt(statusLine.substring(9, 12));
                    close = statusLine.startsWith("HTTP/1.0");
                    contentLength = -1;
                    chunked = false;
                    for (;;) {
                        String h = readLine();
                        if (h.isEmpty()) break;
                        int c = h.indexOf(':');
                        if (c <= 0) continue;
                        String name = h.substring(0, c).trim().toLowerCase(Locale.ROOT);
                        String val = h.substring(c + 1).trim();
                        switch (name) {
                            case "content-length" -> contentLength = Long.parseLong(val);
                            case "transfer-encoding" -> chunked = val.toLowerCase(Locale.ROOT).contains("chunked");
                            case "connection" -> {
                                String lv = val.toLowerCase(Locale.ROOT);
                                if (lv.contains("close")) close = true;
                                else if (lv.contains("keep-alive")) close = false;
                            }
                            default -> {
                            }
                        }
                    }
                    if (status >= 200 || status == 101) break;
                }
                ByteArrayOutputStream keep = keepBody ? new ByteArrayOutputStream() : null;
                if (head || status == 204 || status == 304) {
                    // no body
                } else if (chunked) {
                    for (;;) {
                        String sizeLine = readLine();
                        int semi = sizeLine.indexOf(';');
                        long size = Long.parseLong((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
                        if (size == 0) {
                            while (!readLine().isEmpty()) {
                                // trailers
                            }
                            break;
                        }
                        readBody(size, keep);
                        readLine();
                    }
                } else if (contentLength >= 0) {
                    readBody(contentLength, keep);
                } else { // read to EOF
                    try {
                        for (;;) {
                            if (pos == lim) fill();
                            if (keep != null) keep.write(buf, pos, lim - pos);
                            pos = lim;
                        }
                    } catch (EOFException eof) {
                        close = true;
                    }
                }
                resp.status = status;
                resp.body = keep == null ? null : keep.toByteArray();
                if (close) close();
            }
        }
    }

    /** java.net.http.HttpClient, HTTP/1.1, fixed thread pool; one shared client, blocking send per worker. */
    static final class JdkTransport implements Transport {
        final HttpClient client;
        final ExecutorService pool;
        final String base;
        final int timeoutMs;
        static final java.util.Set<String> RESTRICTED = java.util.Set.of("connection", "content-length", "expect", "host", "upgrade");

        JdkTransport(URI base, int timeoutMs, int threads) {
            this.pool = Executors.newFixedThreadPool(threads, daemon("httpclient"));
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            this.base = trimSlash(base.toString());
            this.timeoutMs = timeoutMs;
        }

        @Override
        public String name() {
            return "jdk";
        }

        @Override
        public void shutdown() {
            pool.shutdownNow();
        }

        @Override
        public Session open() {
            return new Session() {
                @Override
                public Resp exchange(Req r) {
                    Resp resp = new Resp();
                    try {
                        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.path))
                                .timeout(Duration.ofMillis(timeoutMs));
                        for (int i = 0; i < r.headers.length; i += 2) {
                            if (!RESTRICTED.contains(r.headers[i].toLowerCase(Locale.ROOT))) b.header(r.headers[i], r.headers[i + 1]);
                        }
                        b.method(r.method, r.body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body));
                        HttpResponse<byte[]> hr = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        resp.status = hr.statusCode();
                        resp.body = hr.body();
                    } catch (java.net.http.HttpTimeoutException e) {
                        resp.status = -1;
                        resp.error = "timeout";
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        resp.status = -1;
                        resp.error = "interrupted";
                    } catch (IOException e) {
                        resp.status = -1;
                        resp.error = e instanceof java.net.ConnectException ? "connect" : e.getClass().getSimpleName();
                    }
                    return resp;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    static Transport transport(Args a, URI base, int c, boolean keepBody) {
        int timeoutMs = a.i("timeout-ms", 30_000);
        String kind = a.get("client", "raw");
        return switch (kind) {
            case "raw" -> new RawTransport(base, timeoutMs, keepBody);
            case "jdk" -> new JdkTransport(base, timeoutMs, a.i("client-threads", Math.max(2, Runtime.getRuntime().availableProcessors())));
            default -> throw new IllegalArgumentException("--client raw|jdk, not " + kind);
        };
    }

    // ------------------------------------------------------------------ per-worker recorder

    static final class Recorder {
        final LatencyLog lat = new LatencyLog();
        final Map<String, Integer> status = new TreeMap<>();
        long firstSend = Long.MAX_VALUE;
        long lastAck = Long.MIN_VALUE;
        int done;

        void record(long t0, long t1, Resp r) {
            lat.add(t1 - t0);
            status.merge(r.statusKey(), 1, Integer::sum);
            if (t0 < firstSend) firstSend = t0;
            if (t1 > lastAck) lastAck = t1;
            done++;
        }

        void merge(Recorder o) {
            lat.addAll(o.lat);
            o.status.forEach((k, v) -> status.merge(k, v, Integer::sum));
            firstSend = Math.min(firstSend, o.firstSend);
            lastAck = Math.max(lastAck, o.lastAck);
            done += o.done;
        }
    }

    // ------------------------------------------------------------------ load modes

    static final class Load {

        static Map<String, Object> header(Args a, String mode, String target, String path, int n, int c, Transport t) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("mode", mode);
            r.put("label", a.get("label", null));
            r.put("started", Instant.now().toString());
            r.put("driver", "BenchDriver.java");
            r.put("client", t.name());
            r.put("target", target);
            r.put("path", path);
            r.put("n", n);
            r.put("c", c);
            return r;
        }

        static void putAck(Map<String, Object> r, Recorder all, int sent, boolean capped) {
            double elapsedS = all.done == 0 ? 0 : (all.lastAck - all.firstSend) / 1e9;
            r.put("sent", sent);
            r.put("completed", all.done);
            r.put("elapsed_s", round3(elapsedS));
            r.put("rps", elapsedS > 0 ? round1(all.done / elapsedS) : null);
            r.put("ack_latency_ms", all.lat.summary());
            r.put("status_counts", new TreeMap<>(all.status));
            Map<String, Integer> non200 = new TreeMap<>(all.status);
            non200.remove("200");
            r.put("non_200", non200);
            r.put("capped_by_max_seconds", capped);
        }

        static Thread progress(AtomicInteger done, int n, String what) {
            Thread t = new Thread(() -> {
                try {
                    for (;;) {
                        Thread.sleep(5000);
                        System.err.println("  ... " + done.get() + "/" + n + " " + what);
                    }
                } catch (InterruptedException e) {
                    // stop
                }
            }, "progress");
            t.setDaemon(true);
            t.start();
            return t;
        }

        static int runBaseline(Args a) throws Exception {
            String target = trimSlash(a.get("target", "http://127.0.0.1:8080"));
            URI base = requireLoopback(target);
            String path = a.get("path", "/ping");
            int n = a.i("n", 50_000);
            int c = Math.max(1, a.i("c", 64));
            long deadline = System.nanoTime() + (long) (Double.parseDouble(a.get("max-seconds", "600")) * 1e9);
            Transport t = transport(a, base, c, false);
            Req req = new Req("GET", path, new String[]{"User-Agent", "shisha-bench", "Accept", "*/*"}, null);

            AtomicInteger issued = new AtomicInteger();
            AtomicInteger doneCount = new AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean capped = new java.util.concurrent.atomic.AtomicBoolean();
            Recorder[] recs = new Recorder[c];
            Thread[] workers = new Thread[c];
            for (int w = 0; w < c; w++) {
                Recorder rec = recs[w] = new Recorder();
                workers[w] = new Thread(() -> {
                    try (Session s = t.open()) {
                        while (issued.getAndIncrement() < n) {
                            if (System.nanoTime() > deadline) {
                                capped.set(true);
                                break;
                            }
                            long t0 = System.nanoTime();
                            Resp r = s.exchange(req);
                            rec.record(t0, System.nanoTime(), r);
                            doneCount.incrementAndGet();
                        }
                    }
                }, "w" + w);
            }
            Map<String, Object> res = header(a, "baseline", target, path, n, c, t);
            Thread prog = progress(doneCount, n, "done");
            for (Thread w : workers) w.start();
            for (Thread w : workers) w.join();
            prog.interrupt();
            t.shutdown();
            Recorder all = new Recorder();
            for (Recorder r : recs) all.merge(r);
            putAck(res, all, Math.min(n, issued.get()), capped.get());
            if (t instanceof RawTransport rt) {
                res.put("connections_opened", rt.connects.get());
                res.put("idle_close_retries", rt.retries.get());
            }
            printHuman(res, null);
            emitJson(a, res);
            return 0;
        }

        // ---------------------------------------------------------- webhook

        static final class Reply {
            final long t;
            final String body;

            Reply(long t, String body) {
                this.t = t;
                this.body = body;
            }
        }

        static final class Sender {
            final int idx;
            final String number;
            final int total;
            int step;
            final long[] sendTimes;
            /** This sender's signed webhooks, one per step, built before the clock starts (see runWebhook). */
            final Req[] requests;
            final List<Reply> replies = new ArrayList<>(); // guarded by this

            Sender(int idx, String number, int total) {
                this.idx = idx;
                this.number = number;
                this.total = total;
                this.sendTimes = new long[total];
                this.requests = new Req[total];
            }
        }

        /** Round-robin queue of senders; a sender is never handed out twice at once. */
        static final class Scheduler {
            final ReentrantLock lock = new ReentrantLock();
            final Condition cond = lock.newCondition();
            final ArrayDeque<Sender> ready = new ArrayDeque<>();
            final int senders;
            int finished;
            volatile boolean stopped;

            Scheduler(List<Sender> all) {
                ready.addAll(all);
                senders = all.size();
            }

            Sender take() throws InterruptedException {
                lock.lock();
                try {
                    for (;;) {
                        if (stopped || finished == senders) return null;
                        Sender s = ready.poll();
                        if (s != null) return s;
                        cond.await();
                    }
                } finally {
                    lock.unlock();
                }
            }

            void done(Sender s) {
                lock.lock();
                try {
                    if (s.step < s.total && !stopped) {
                        ready.add(s);
                        cond.signal();
                    } else {
                        finished++;
                        if (finished == senders) cond.signalAll();
                    }
                } finally {
                    lock.unlock();
                }
            }

            void stop() {
                lock.lock();
                try {
                    stopped = true;
                    cond.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }

        static int runWebhook(Args a) throws Exception {
            String target = trimSlash(a.get("target", "http://127.0.0.1:8080"));
            URI base = requireLoopback(target);
            String path = a.get("path", "/webhooks/twilio/messaging");
            String token = a.get("token", System.getenv().getOrDefault("TWILIO_AUTH_TOKEN", "bench-secret-token"));
            String signBase = trimSlash(a.get("sign-base", "https://bot.example.test"));
            int n = a.i("n", 20_000);
            int c = Math.max(1, a.i("c", 64));
            int sCount = Math.max(1, Math.min(a.i("s", 2000), n));
            if (sCount > 100_000) throw new IllegalArgumentException("--s at most 100000 (5-digit sender index)");
            String gate = a.get("gate", "ack");
            if (!gate.equals("ack") && !gate.equals("reply")) throw new IllegalArgumentException("--gate ack|reply");
            int replyTimeoutMs = a.i("reply-timeout-ms", 10_000);
            int thinkMs = a.i("think-ms", 0);
            int drainTimeoutMs = a.i("drain-timeout-ms", 60_000);
            int quietMs = a.i("quiet-ms", 10_000);
            int settleMs = a.i("settle-ms", 1000);
            int standinPort = a.i("standin-port", 4010);
            int standinDelay = a.i("standin-delay-ms", 0);
            String botNumber = a.get("to", "whatsapp:+14155238886");
            String accountSid = a.get("account-sid", "AC00000000000000000000000000000000");
            int slot = a.kv.containsKey("sender-slot") ? a.i("sender-slot", 0) : new SecureRandom().nextInt(10_000);
            if (slot < 0 || slot > 9999) throw new IllegalArgumentException("--sender-slot 0..9999");
            long deadline = System.nanoTime() + (long) (Double.parseDouble(a.get("max-seconds", "600")) * 1e9);
            if (gate.equals("reply") && standinPort == 0) throw new IllegalArgumentException("--gate reply needs the stand-in");

            String script = a.get("script", "onboarding");
            if (!List.of("onboarding", "quiz", "leads").contains(script)) throw new IllegalArgumentException("--script onboarding|quiz|leads");
            boolean generated = !script.equals("onboarding");
            int offset = a.i("sender-offset", 0);
            String opsPath = a.get("ops-path", "");
            Instant runStart = Instant.now();
            List<Sender> senders = new ArrayList<>(sCount);
            Map<String, Sender> byNumber = new HashMap<>();
            int per = n / sCount, extra = n % sCount;
            for (int i = 0; i < sCount; i++) {
                Sender s = new Sender(i, generated ? generatedPartner(offset + i) : senderNumber(slot, i), per + (i < extra ? 1 : 0));
                senders.add(s);
                byNumber.put(s.number, s);
            }

            StandIn standin = null;
            if (standinPort > 0) {
                standin = new StandIn(standinPort, standinDelay, token, !"any".equals(a.get("standin-auth", "strict")));
                standin.senders = byNumber;
                standin.start();
                System.out.println("twilio stand-in on http://127.0.0.1:" + standin.port() + " (delay " + standinDelay + " ms)");
            } else {
                System.out.println("no stand-in: replies and end-to-end figures are not measured");
            }

            Transport t = transport(a, base, c, false);
            String signedUrl = signBase + path;
            SidGen sids = new SidGen("SM");
            // Every webhook is encoded and signed here, before the clock starts: done per send, the form encoding
            // and the HMAC were 27 % of the driver's CPU (profiled), CPU the service under test shares on
            // this machine, and a GET for the baseline costs the driver nothing of the kind. What is sent is the same.
            for (Sender s : senders) {
                for (int step = 0; step < s.total; step++) {
                    String msgSid = sids.next();
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("SmsMessageSid", msgSid);
                    p.put("NumMedia", "0");
                    p.put("ProfileName", NAMES[s.idx % NAMES.length]);
                    p.put("MessageType", "text");
                    p.put("SmsSid", msgSid);
                    p.put("WaId", s.number.substring("whatsapp:+".length()));
                    p.put("SmsStatus", "received");
                    p.put("Body", scriptFor(script, s.idx, step));
                    p.put("To", botNumber);
                    p.put("NumSegments", "1");
                    p.put("ReferralNumMedia", "0");
                    p.put("MessageSid", msgSid);
                    p.put("AccountSid", accountSid);
                    p.put("From", s.number);
                    p.put("ApiVersion", "2010-04-01");
                    byte[] body = formEncode(p).getBytes(StandardCharsets.UTF_8);
                    s.requests[step] = new Req("POST", path, new String[]{
                            "User-Agent", "TwilioProxy/1.1",
                            "Accept", "*/*",
                            "Content-Type", "application/x-www-form-urlencoded",
                            "X-Twilio-Signature", twilioSignature(token, signedUrl, p),
                            "I-Twilio-Idempotency-Token", fastUuid()}, body);
                }
            }
            Scheduler sched = new Scheduler(senders);
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger doneCount = new AtomicInteger();
            AtomicInteger replyTimeouts = new AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean capped = new java.util.concurrent.atomic.AtomicBoolean();
            boolean gateReply = gate.equals("reply");
            Recorder[] recs = new Recorder[c];
            Thread[] workers = new Thread[c];
            for (int w = 0; w < c; w++) {
                Recorder rec = recs[w] = new Recorder();
                workers[w] = new Thread(() -> {
                    try (Session sess = t.open()) {
                        Sender s;
                        while ((s = sched.take()) != null) {
                            if (System.nanoTime() > deadline) {
                                capped.set(true);
                                sched.stop();
                                break;
                            }
                            Req req = s.requests[s.step];
                            int before;
                            synchronized (s) {
                                before = s.replies.size();
                            }
                            long t0 = System.nanoTime();
                            s.sendTimes[s.step] = t0;
                            sent.incrementAndGet();
                            Resp r = sess.exchange(req);
                            rec.record(t0, System.nanoTime(), r);
                            doneCount.incrementAndGet();
                            s.step++;
                            // the last message waits for its reply too: otherwise a worker moves on and the
                            // number of conversations in flight is no longer bounded by C
                            if (gateReply) {
                                long waitUntil = System.nanoTime() + replyTimeoutMs * 1_000_000L;
                                synchronized (s) {
                                    while (s.replies.size() <= before) {
                                        long left = waitUntil - System.nanoTime();
                                        if (left <= 0) {
                                            replyTimeouts.incrementAndGet();
                                            break;
                                        }
                                        s.wait(Math.max(1, left / 1_000_000L));
                                    }
                                }
                            }
                            if (thinkMs > 0) {
                                // a partner reads the reply and types: exponential think time, mean thinkMs. Also after
                                // a sender's last message: the worker is one partner slot, and skipping the pause there
                                // sent the next sender's turn at once, so each run ended in a burst at C / latency
                                // (the last round of senders, up to 40 % of a latency run's turns, had no think time)
                                long pause = (long) (-Math.log(1 - java.util.concurrent.ThreadLocalRandom.current().nextDouble()) * thinkMs);
                                Thread.sleep(Math.min(pause, 10L * thinkMs));
                            }
                            sched.done(s);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "w" + w);
            }

            Map<String, Object> res = header(a, "webhook", target, path, n, c, t);
            res.put("s", sCount);
            res.put("script", script);
            res.put("think_ms", thinkMs);
            res.put("gate", gate);
            res.put("sender_slot", slot);
            res.put("standin_delay_ms", standinDelay);
            Thread prog = progress(doneCount, n, "acked");
            for (Thread w : workers) w.start();
            for (Thread w : workers) w.join();
            prog.interrupt();
            t.shutdown();
            Recorder all = new Recorder();
            for (Recorder r : recs) all.merge(r);
            int sentTotal = sent.get();
            putAck(res, all, sentTotal, capped.get());
            if (t instanceof RawTransport rt) {
                res.put("connections_opened", rt.connects.get());
                res.put("idle_close_retries", rt.retries.get());
            }

            if (standin != null) {
                // drain: until every turn has its reply (+settle for extras), or quiet, or the drain timeout
                long endSend = System.nanoTime();
                long drainEnd = endSend + drainTimeoutMs * 1_000_000L;
                long allSince = -1;
                for (;;) {
                    long now = System.nanoTime();
                    int matchedNow = 0;
                    for (Sender s : senders) {
                        int sentBy = s.step;
                        synchronized (s) {
                            matchedNow += Math.min(sentBy, s.replies.size());
                        }
                    }
                    if (matchedNow >= sentTotal) {
                        if (allSince < 0) allSince = now;
                        if (now - allSince >= settleMs * 1_000_000L) break;
                    }
                    long lastArrival = Math.max(standin.lastArrival.get(), endSend);
                    if (matchedNow < sentTotal && now - lastArrival >= quietMs * 1_000_000L) break;
                    if (now >= drainEnd) break;
                    Thread.sleep(50);
                }
                standin.stop();

                LatencyLog e2e = new LatencyLog();
                // the leads script's five kinds of turn cost very differently (LEADS ranks and reserves; the others
                // read one lead): their latencies apart, keyed by the step and what the partner sends
                Map<String, LatencyLog> byStep = new TreeMap<>();
                int matched = 0, noReply = 0, extras = 0;
                long lastMatched = Long.MIN_VALUE;
                for (Sender s : senders) {
                    List<Reply> reps;
                    synchronized (s) {
                        reps = new ArrayList<>(s.replies);
                    }
                    reps.sort((x, y) -> Long.compare(x.t, y.t));
                    int k = Math.min(s.step, reps.size());
                    for (int j = 0; j < k; j++) {
                        e2e.add(reps.get(j).t - s.sendTimes[j]);
                        if (script.equals("leads")) {
                            int step = j % LEAD_STEPS.length;
                            byStep.computeIfAbsent(step + " " + LEAD_STEPS[step], x -> new LatencyLog())
                                    .add(reps.get(j).t - s.sendTimes[j]);
                        }
                        matched++;
                        lastMatched = Math.max(lastMatched, reps.get(j).t);
                    }
                    noReply += s.step - k;
                    extras += reps.size() - k;
                }
                double spanS = matched > 0 ? (lastMatched - all.firstSend) / 1e9 : 0;
                res.put("replies_received", standin.received.get());
                res.put("replies_expected", sentTotal);
                res.put("replies_401", standin.unauthorized.get());
                res.put("replies_400", standin.badRequests.get());
                res.put("replies_to_unknown_numbers", standin.unknownTo.get());
                res.put("replies_from_other_number", standin.fromMismatch(botNumber));
                res.put("replies_with_status_callback", standin.withStatusCallback.get());
                res.put("turns_matched", matched);
                res.put("turns_without_reply", noReply);
                res.put("extra_replies", extras);
                res.put("reply_timeouts", gateReply ? replyTimeouts.get() : null);
                res.put("e2e_span_s", matched > 0 ? round3(spanS) : null);
                res.put("e2e_turns_per_s", spanS > 0 ? round1(matched / spanS) : null);
                res.put("e2e_latency_ms", e2e.summary());
                if (!byStep.isEmpty()) {
                    Map<String, Object> steps = new LinkedHashMap<>();
                    byStep.forEach((step, log) -> steps.put(step, log.summary()));
                    res.put("e2e_latency_by_step_ms", steps);
                }
                res.put("drain_s", round3((System.nanoTime() - endSend) / 1e9));
                if (!opsPath.isEmpty()) {
                    // the app's own figures for this run's window: webhook stored -> reply queued, no stand-in in it
                    String q = opsPath + "?since=" + runStart + "&until=" + Instant.now();
                    try {
                        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                                java.net.http.HttpRequest.newBuilder(base.resolve(q)).GET().build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
                        res.put("server_turns", r.statusCode() == 200 ? Json.parse(r.body()) : "HTTP " + r.statusCode());
                    } catch (Exception e) {
                        res.put("server_turns", "failed: " + e);
                    }
                }
                if (standin.badRequests.get() > 0) res.put("replies_400_codes", new TreeMap<>(standin.badCodes));
            }

            String transcript = null;
            if (a.flag("show-conversation") && standin != null) {
                Sender s0 = senders.get(0);
                StringBuilder sb = new StringBuilder();
                sb.append("\n--- conversation of ").append(s0.number)
                        .append(" (bot replies in arrival order at the stand-in; the k-th reply is paired with the k-th message)\n");
                List<Reply> reps;
                synchronized (s0) {
                    reps = new ArrayList<>(s0.replies);
                }
                reps.sort((x, y) -> Long.compare(x.t, y.t));
                for (int j = 0; j < s0.step; j++) {
                    sb.append("> ").append(scriptFor(script, s0.idx, j)).append('\n');
                    if (j < reps.size()) appendQuoted(sb, reps.get(j).body);
                    else sb.append("< (no reply)\n");
                }
                for (int j = s0.step; j < reps.size(); j++) {
                    sb.append("  (extra reply)\n");
                    appendQuoted(sb, reps.get(j).body);
                }
                transcript = sb.toString();
            }
            printHuman(res, transcript);
            emitJson(a, res);
            return 0;
        }

        static void appendQuoted(StringBuilder sb, String body) {
            for (String line : (body == null ? "" : body).split("\n", -1)) sb.append("< ").append(line).append('\n');
        }

        @SuppressWarnings("unchecked")
        static void printHuman(Map<String, Object> r, String transcript) {
            if (transcript != null) System.out.print(transcript);
            StringBuilder sb = new StringBuilder("\n");
            java.util.function.BiConsumer<String, Object> line = (k, v) ->
                    sb.append(String.format("%-32s %s%n", k, String.valueOf(v).replace("null", "-")));
            line.accept("mode", r.get("mode") + "  " + r.get("target") + r.get("path") + "  n=" + r.get("n") + " c=" + r.get("c")
                    + (r.get("s") != null ? " s=" + r.get("s") + " gate=" + r.get("gate") : "") + "  client=" + r.get("client"));
            line.accept("completed / sent", r.get("completed") + " / " + r.get("sent")
                    + (Boolean.TRUE.equals(r.get("capped_by_max_seconds")) ? " (capped by --max-seconds)" : ""));
            line.accept("elapsed", r.get("elapsed_s") + " s");
            line.accept(r.get("s") != null ? "accepted messages/s (acked)" : "requests/s", r.get("rps"));
            Map<String, Object> ack = (Map<String, Object>) r.get("ack_latency_ms");
            line.accept("ack latency ms p50/p95/p99", ack.get("p50") + " / " + ack.get("p95") + " / " + ack.get("p99") + "  (max " + ack.get("max") + ")");
            line.accept("status counts", Json.write(r.get("status_counts")));
            Map<String, Object> non = (Map<String, Object>) r.get("non_200");
            line.accept("non-200 by status", non.isEmpty() ? "none" : Json.write(non));
            if (r.containsKey("replies_received")) {
                line.accept("replies received / expected", r.get("replies_received") + " / " + r.get("replies_expected")
                        + "  (stand-in rejected: 401=" + r.get("replies_401") + " 400=" + r.get("replies_400")
                        + "; to unknown numbers " + r.get("replies_to_unknown_numbers") + ")");
                line.accept("turns matched / without reply", r.get("turns_matched") + " / " + r.get("turns_without_reply")
                        + "  (extra replies " + r.get("extra_replies") + ")");
                if (r.get("reply_timeouts") != null) line.accept("reply-gate timeouts", r.get("reply_timeouts"));
                line.accept("end-to-end turns/s", r.get("e2e_turns_per_s") + "  (matched turns / " + r.get("e2e_span_s") + " s)");
                Map<String, Object> e = (Map<String, Object>) r.get("e2e_latency_ms");
                line.accept("e2e ms (send->reply) p50/p95/p99", e.get("p50") + " / " + e.get("p95") + " / " + e.get("p99") + "  (max " + e.get("max") + ")");
            }
            System.out.println(sb);
        }
    }

    // ------------------------------------------------------------------ Twilio REST stand-in

    static final class StandIn {
        static final Pattern MESSAGES = Pattern.compile("^/2010-04-01/Accounts/([A-Za-z0-9]+)/Messages\\.json$");
        static final Pattern MESSAGE = Pattern.compile("^/2010-04-01/Accounts/([A-Za-z0-9]+)/Messages/([A-Za-z0-9]+)\\.json$");
        static final DateTimeFormatter RFC2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

        final int requestedPort;
        final int delayMs;
        final String token;
        final boolean strictAuth;
        HttpServer server;
        ExecutorService pool;
        ScheduledExecutorService delayer;
        volatile Map<String, Load.Sender> senders = Map.of();
        final SidGen sids = new SidGen("SM");
        final SidGen reqIds = new SidGen("RQ");
        final AtomicLong received = new AtomicLong();
        final AtomicLong unauthorized = new AtomicLong();
        /** Contents created through the Content API stand-in (one per distinct set of choices). */
        final AtomicLong contents = new AtomicLong();
        final AtomicLong badRequests = new AtomicLong();
        final AtomicLong unknownTo = new AtomicLong();
        final AtomicLong withStatusCallback = new AtomicLong();
        final AtomicLong lastArrival = new AtomicLong(Long.MIN_VALUE);
        final Map<String, AtomicLong> fromCounts = new ConcurrentHashMap<>();
        final Map<String, Integer> badCodes = new ConcurrentHashMap<>();
        /** Replies to numbers that are not senders of this run (standalone mode keeps them all). */
        final Map<String, List<String>> otherBodies = new ConcurrentHashMap<>();

        StandIn(int port, int delayMs, String token, boolean strictAuth) {
            this.requestedPort = port;
            this.delayMs = delayMs;
            this.token = token;
            this.strictAuth = strictAuth;
        }

        int port() {
            return server.getAddress().getPort();
        }

        long fromMismatch(String botNumber) {
            long n = 0;
            for (Map.Entry<String, AtomicLong> e : fromCounts.entrySet()) if (!e.getKey().equals(botNumber)) n += e.getValue().get();
            return n;
        }

        void start() throws IOException {
            // Without TCP_NODELAY the JDK server can add ~40 ms (Nagle + delayed ACK) to small responses.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), requestedPort), 1024);
            pool = Executors.newFixedThreadPool(16, daemon("standin"));
            delayer = Executors.newSingleThreadScheduledExecutor(daemon("standin-delay"));
            server.setExecutor(pool);
            server.createContext("/", this::handle);
            server.start();
        }

        void stop() {
            server.stop(0);
            pool.shutdownNow();
            delayer.shutdownNow();
        }

        static void send(HttpExchange ex, int status, Object json, String requestId) {
            try {
                byte[] b = Json.write(json).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                if (requestId != null) ex.getResponseHeaders().set("Twilio-Request-Id", requestId);
                // The JDK server closes after a "Connection: close" request but does not say so in the
                // response; clients with a keep-alive agent (Node 20's global agent, used by twilio-node 3
                // over http) would then reuse the dead socket ("socket hang up"). Say it explicitly.
                String conn = ex.getRequestHeaders().getFirst("Connection");
                if (conn != null && conn.toLowerCase(Locale.ROOT).contains("close")) ex.getResponseHeaders().set("Connection", "close");
                ex.sendResponseHeaders(status, b.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(b);
                }
            } catch (IOException e) {
                // client went away
            } finally {
                ex.close();
            }
        }

        /** Twilio's Content API answer to a create: 201 and the Content resource, the request's fields echoed. */
        void content(HttpExchange ex, byte[] raw, String reqId) {
            Object parsed;
            try {
                parsed = Json.parse(new String(raw, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                send(ex, 400, error(20001, "Invalid JSON in request body", 400), reqId);
                return;
            }
            if (!(parsed instanceof Map<?, ?> request) || !(request.get("types") instanceof Map<?, ?>)) {
                send(ex, 400, error(20001, "types is required", 400), reqId);
                return;
            }
            contents.incrementAndGet();
            String sid = "HX" + String.format("%032x", contents.get());
            String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("account_sid", "AC00000000000000000000000000000000");
            content.put("date_created", now);
            content.put("date_updated", now);
            content.put("friendly_name", request.get("friendly_name") == null ? "" : request.get("friendly_name"));
            content.put("language", request.get("language"));
            content.put("links", Map.of("approval_create", "https://content.twilio.com/v1/Content/" + sid + "/ApprovalRequests/whatsapp",
                    "approval_fetch", "https://content.twilio.com/v1/Content/" + sid + "/ApprovalRequests"));
            content.put("sid", sid);
            content.put("types", request.get("types"));
            content.put("url", "https://content.twilio.com/v1/Content/" + sid);
            content.put("variables", request.get("variables") == null ? Map.of() : request.get("variables"));
            send(ex, 201, content, reqId);
        }

        static Map<String, Object> error(int code, String message, int status) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            m.put("message", message);
            m.put("more_info", "https://www.twilio.com/docs/errors/" + code);
            m.put("status", status);
            return m;
        }

        /** Basic auth: strict = (AccountSid of the path, token) or (SK... API key, any secret). */
        boolean authorized(HttpExchange ex, String accountSid) {
            String h = ex.getRequestHeaders().getFirst("Authorization");
            if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) return false;
            String dec;
            try {
                dec = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            int colon = dec.indexOf(':');
            if (colon <= 0 || colon == dec.length() - 1) return false;
            if (!strictAuth) return true;
            String user = dec.substring(0, colon), pass = dec.substring(colon + 1);
            if (user.startsWith("SK")) return true;
            return user.equals(accountSid) && pass.equals(token);
        }

        void handle(HttpExchange ex) {
            String reqId = reqIds.next();
            try {
                byte[] raw;
                try (InputStream in = ex.getRequestBody()) {
                    raw = in.readAllBytes();
                }
                long t = System.nanoTime();
                String path = ex.getRequestURI().getRawPath();
                String method = ex.getRequestMethod();
                if (path.equals("/v1/Content") && method.equals("POST")) {
                    content(ex, raw, reqId); // the contents behind WhatsApp buttons and lists, made once per set
                    return;
                }
                Matcher m = MESSAGES.matcher(path);
                if (m.matches() && (method.equals("POST") || method.equals("GET"))) {
                    String acct = m.group(1);
                    if (!authorized(ex, acct)) {
                        unauthorized.incrementAndGet();
                        ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
                        send(ex, 401, error(20003, "Authenticate", 401), reqId);
                        return;
                    }
                    if (method.equals("GET")) {
                        send(ex, 200, listPage(acct, ex.getRequestURI().getRawQuery()), reqId);
                        return;
                    }
                    Map<String, List<String>> form = formDecode(new String(raw, StandardCharsets.UTF_8));
                    String to = first(form, "To"), from = first(form, "From"), body = first(form, "Body");
                    String mss = first(form, "MessagingServiceSid");
                    boolean hasMedia = form.containsKey("MediaUrl") || form.containsKey("ContentSid");
                    Map<String, Object> err = null;
                    if (to == null || to.isEmpty()) err = error(21604, "A 'To' phone number is required.", 400);
                    else if ((body == null || body.isEmpty()) && !hasMedia) err = error(21602, "Message body is required.", 400);
                    else if ((from == null || from.isEmpty()) && (mss == null || mss.isEmpty()))
                        err = error(21603, "A 'From' phone number is required.", 400);
                    if (err != null) {
                        badRequests.incrementAndGet();
                        badCodes.merge(String.valueOf(err.get("code")), 1, Integer::sum);
                        send(ex, 400, err, reqId);
                        return;
                    }
                    received.incrementAndGet();
                    lastArrival.accumulateAndGet(t, Math::max);
                    if (first(form, "StatusCallback") != null) withStatusCallback.incrementAndGet();
                    fromCounts.computeIfAbsent(from == null ? "(none)" : from, k -> new AtomicLong()).incrementAndGet();
                    Load.Sender s = senders.get(to);
                    if (s != null) {
                        synchronized (s) {
                            s.replies.add(new Load.Reply(t, body));
                            s.notifyAll();
                        }
                    } else {
                        unknownTo.incrementAndGet();
                        if (senders.isEmpty()) {
                            List<String> l = otherBodies.computeIfAbsent(to, k -> Collections.synchronizedList(new ArrayList<>()));
                            if (l.size() < 100) l.add(body);
                        }
                    }
                    Map<String, Object> msg = message(acct, sids.next(), to, from, body, mss,
                            form.getOrDefault("MediaUrl", List.of()).size());
                    if (delayMs > 0) delayer.schedule(() -> send(ex, 201, msg, reqId), delayMs, TimeUnit.MILLISECONDS);
                    else send(ex, 201, msg, reqId);
                    return;
                }
                if (MESSAGE.matcher(path).matches()) {
                    send(ex, 404, error(20404, "The requested resource " + path + " was not found", 404), reqId);
                    return;
                }
                if (method.equals("GET") && path.equals("/__standin/stats")) {
                    Map<String, Object> st = new LinkedHashMap<>();
                    st.put("received", received.get());
                    st.put("unauthorized", unauthorized.get());
                    st.put("bad_requests", badRequests.get());
                    st.put("to_unknown_numbers", unknownTo.get());
                    st.put("replies", new TreeMap<>(otherBodies));
                    send(ex, 200, st, reqId);
                    return;
                }
                if (method.equals("GET") && path.equals("/health")) {
                    send(ex, 200, Map.of("ok", true), reqId);
                    return;
                }
                send(ex, 404, error(20404, "The requested resource " + path + " was not found", 404), reqId);
            } catch (Throwable e) {
                send(ex, 500, error(20500, "Internal Server Error: " + e, 500), reqId);
            }
        }

        static volatile Object[] dateCache = {0L, ""};

        static String rfc2822Now() {
            long sec = System.currentTimeMillis() / 1000;
            Object[] c = dateCache;
            if ((Long) c[0] == sec) return (String) c[1];
            String v = ZonedDateTime.ofInstant(Instant.ofEpochSecond(sec), ZoneOffset.UTC).format(RFC2822);
            dateCache = new Object[]{sec, v};
            return v;
        }

        static Map<String, Object> message(String acct, String sid, String to, String from, String body, String mss, int media) {
            String now = rfc2822Now();
            String uri = "/2010-04-01/Accounts/" + acct + "/Messages/" + sid;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account_sid", acct);
            m.put("api_version", "2010-04-01");
            m.put("body", body == null ? "" : body);
            m.put("date_created", now);
            m.put("date_sent", null);
            m.put("date_updated", now);
            m.put("direction", "outbound-api");
            m.put("error_code", null);
            m.put("error_message", null);
            m.put("from", from);
            m.put("messaging_service_sid", mss);
            m.put("num_media", Integer.toString(media));
            m.put("num_segments", "1");
            m.put("price", null);
            m.put("price_unit", "USD");
            m.put("sid", sid);
            m.put("status", "queued");
            Map<String, Object> sub = new LinkedHashMap<>();
            sub.put("media", uri + "/Media.json");
            m.put("subresource_uris", sub);
            m.put("to", to);
            m.put("uri", uri + ".json");
            return m;
        }

        static Map<String, Object> listPage(String acct, String query) {
            int pageSize = 50;
            Map<String, List<String>> q = formDecode(query);
            try {
                if (first(q, "PageSize") != null) pageSize = Integer.parseInt(first(q, "PageSize"));
            } catch (NumberFormatException ignored) {
                // keep 50
            }
            String uri = "/2010-04-01/Accounts/" + acct + "/Messages.json?PageSize=" + pageSize + "&Page=0";
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("end", 0);
            m.put("first_page_uri", uri);
            m.put("messages", List.of());
            m.put("next_page_uri", null);
            m.put("page", 0);
            m.put("page_size", pageSize);
            m.put("previous_page_uri", null);
            m.put("start", 0);
            m.put("uri", uri);
            return m;
        }

        static int runStandalone(Args a) throws Exception {
            StandIn s = new StandIn(a.i("standin-port", a.i("port", 4010)), a.i("standin-delay-ms", 0),
                    a.get("token", "bench-secret-token"), !"any".equals(a.get("standin-auth", "strict")));
            s.start();
            System.out.println("twilio stand-in listening on http://127.0.0.1:" + s.port()
                    + " (GET /__standin/stats); stop with SIGTERM/Ctrl-C");
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
            Thread.currentThread().join();
            return 0;
        }
    }

    // ------------------------------------------------------------------ serve (ceiling target)

    static final class Serve {
        static int run(Args a) throws Exception {
            System.setProperty("sun.net.httpserver.nodelay", "true");
            int port = a.i("port", 4011);
            HttpServer srv = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1024);
            srv.setExecutor(Executors.newFixedThreadPool(a.i("threads", 4), daemon("serve")));
            byte[] pong = "pong".getBytes(StandardCharsets.US_ASCII);
            srv.createContext("/", ex -> {
                ex.getRequestBody().readAllBytes();
                ex.getResponseHeaders().set("Content-Type", "text/plain");
                ex.sendResponseHeaders(200, pong.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(pong);
                }
            });
            srv.start();
            System.out.println("trivial server on http://127.0.0.1:" + port + " (any GET -> 200 pong)");
            Thread.currentThread().join();
            return 0;
        }
    }

    // ------------------------------------------------------------------ wait for readiness

    static final class Wait {
        static int run(Args a) throws Exception {
            String target = trimSlash(a.get("target", "http://127.0.0.1:8080"));
            URI base = requireLoopback(target);
            String path = a.get("path", "/ping");
            long until = System.nanoTime() + (long) (Double.parseDouble(a.get("timeout-s", "120")) * 1e9);
            long pid = Long.parseLong(a.get("pid", "0"));
            RawTransport t = new RawTransport(base, 5000, false);
            Req req = new Req("GET", path, new String[]{"User-Agent", "shisha-bench-wait"}, null);
            long start = System.nanoTime();
            String last = "";
            while (System.nanoTime() < until) {
                if (pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                    System.err.println("process " + pid + " exited before " + target + path + " answered");
                    return 1;
                }
                try (Session s = t.open()) {
                    Resp r = s.exchange(req);
                    last = r.statusKey();
                    if (r.status == 200) {
                        System.out.printf("%s%s answered 200 after %.1f s%n", target, path, (System.nanoTime() - start) / 1e9);
                        return 0;
                    }
                }
                Thread.sleep(500);
            }
            System.err.println("timed out waiting for 200 from " + target + path + " (last: " + last + ")");
            return 1;
        }
    }

    // ------------------------------------------------------------------ /proc figures

    static final class Proc {
        static int run(Args a) throws Exception {
            long pid = Long.parseLong(a.get("pid", "0"));
            double tck = Double.parseDouble(a.get("clk-tck", "100"));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("mode", "proc");
            r.put("label", a.get("label", null));
            r.put("at", Instant.now().toString());
            r.put("pid", pid);
            Optional<ProcessHandle> ph = ProcessHandle.of(pid);
            if (ph.isEmpty() || !ph.get().isAlive()) {
                r.put("alive", false);
                emitJson(a, r);
                return 1;
            }
            r.put("alive", true);
            double[] self = stat(pid, tck);
            r.put("cpu_s", round3(self[0]));
            r.put("rss_kb", status(pid, "VmRSS"));
            r.put("hwm_kb", status(pid, "VmHWM"));
            double[] tree = {self[0] + self[1], status(pid, "VmRSS"), pss(pid)}; // CPU s, RSS kB, PSS kB
            List<Object> kids = new ArrayList<>();
            java.util.Set<Long> counted = new java.util.HashSet<>();
            counted.add(pid);
            ph.get().descendants().forEach(d -> addProcess(d.pid(), tck, counted, tree, kids));
            // servers the process started that left its tree (pg_ctl daemonises PostgreSQL): --also names a
            // string of their command line (the app's data folder), so their CPU counts as the app's
            String also = a.get("also", null);
            if (also != null && !also.isEmpty()) {
                for (ProcessHandle p : (Iterable<ProcessHandle>) ProcessHandle.allProcesses()::iterator) {
                    if (counted.contains(p.pid()) || !cmdline(p.pid()).contains(also)) continue;
                    addProcess(p.pid(), tck, counted, tree, kids);
                    p.descendants().forEach(d -> addProcess(d.pid(), tck, counted, tree, kids));
                }
            }
            double treeCpu = tree[0];
            long treeRss = (long) tree[1];
            r.put("tree_cpu_s", round3(treeCpu));
            double[] host = hostCpu(tck);
            if (host != null) {
                r.put("host_busy_s", round3(host[0]));
                r.put("host_idle_s", round3(host[1]));
            }
            r.put("tree_rss_kb", treeRss);
            // proportional set size: a page shared by n processes counts 1/n in each, so the tree's sum is what the
            // service really holds (PostgreSQL's backends share its buffers; their RSS sum counts them every time)
            r.put("tree_pss_kb", (long) tree[2]);
            r.put("descendants", kids.size());
            if (a.flag("list")) r.put("processes", kids);
            emitJson(a, r);
            return 0;
        }

        private static void addProcess(long pid, double tck, java.util.Set<Long> counted, double[] tree, List<Object> kids) {
            if (!counted.add(pid)) return;
            double[] st = stat(pid, tck);
            if (st == null) return;
            long rss = status(pid, "VmRSS");
            tree[0] += st[0] + st[1];
            tree[1] += rss;
            tree[2] += pss(pid);
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("pid", pid);
            k.put("comm", comm(pid));
            k.put("cpu_s", round3(st[0] + st[1]));
            k.put("rss_kb", rss);
            kids.add(k);
        }

        static String cmdline(long pid) {
            try {
                return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
            } catch (Exception e) {
                return "";
            }
        }

        /** Whole machine: {busy, idle} seconds summed over all CPUs since boot, from /proc/stat. */
        static double[] hostCpu(double tck) {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                // cpu user nice system idle iowait irq softirq steal ...
                double busy = 0, idle = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    double v = Double.parseDouble(f[i]);
                    if (i == 4 || i == 5) idle += v;
                    else busy += v;
                }
                return new double[]{busy / tck, idle / tck};
            } catch (Exception e) {
                return null;
            }
        }

        /** {utime+stime, cutime+cstime} in seconds, or null. */
        static double[] stat(long pid, double tck) {
            try {
                String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                // f[0] is field 3 (state); utime is field 14 -> f[11]
                double ut = Double.parseDouble(f[11]), st = Double.parseDouble(f[12]);
                double cut = Double.parseDouble(f[13]), cst = Double.parseDouble(f[14]);
                return new double[]{(ut + st) / tck, (cut + cst) / tck};
            } catch (Exception e) {
                return null;
            }
        }

        /** Pss of /proc/PID/smaps_rollup in kB, 0 when unreadable. */
        static long pss(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                    if (line.startsWith("Pss:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            } catch (Exception e) {
                // gone, or not this kernel
            }
            return 0;
        }

        static long status(long pid, String key) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith(key + ":")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            } catch (Exception e) {
                // gone
            }
            return 0;
        }

        static String comm(long pid) {
            try {
                return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
            } catch (Exception e) {
                return "?";
            }
        }
    }

    // ------------------------------------------------------------------ report

    static final class Report {
        @SuppressWarnings("unchecked")
        static Map<String, Object> byLabel(List<Map<String, Object>> lines, String label) {
            Map<String, Object> found = null;
            for (Map<String, Object> m : lines) if (label.equals(m.get("label"))) found = m; // last wins
            return found;
        }

        @SuppressWarnings("unchecked")
        static Object at(Map<String, Object> m, String... keys) {
            Object o = m;
            for (String k : keys) {
                if (!(o instanceof Map)) return null;
                o = ((Map<String, Object>) o).get(k);
            }
            return o;
        }

        static Double num(Map<String, Object> m, String... keys) {
            if (m == null) return null;
            Object o = at(m, keys);
            return o instanceof Number x ? x.doubleValue() : null;
        }

        static String f(Double d, String fmt) {
            return d == null ? "-" : String.format(Locale.US, fmt, d);
        }

        static Double cpuDelta(List<Map<String, Object>> lines, String before, String after) {
            Double a = num(byLabel(lines, after), "tree_cpu_s"), b = num(byLabel(lines, before), "tree_cpu_s");
            return a == null || b == null ? null : a - b;
        }

        /** Machine CPU in a phase minus the service's and the driver's: work of unrelated processes (+ ~0.5 s of snapshot JVM). */
        static Double other(List<Map<String, Object>> lines, String before, String after, Double serviceCpu, Double driverCpu) {
            Double a = num(byLabel(lines, after), "host_busy_s"), b = num(byLabel(lines, before), "host_busy_s");
            if (a == null || b == null || serviceCpu == null || driverCpu == null) return null;
            return Math.max(0, a - b - serviceCpu - driverCpu);
        }

        static Double div(Double a, Double b) {
            return a == null || b == null || b == 0 ? null : a / b;
        }

        static int run(Args a) throws Exception {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (String l : Files.readAllLines(Path.of(a.get("json-in", "bench/results/results.jsonl")))) {
                l = l.trim();
                if (l.startsWith("{")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) Json.parse(l);
                    lines.add(m);
                }
            }
            double ackP99Max = Double.parseDouble(a.get("ack-p99-max-ms", "50"));
            double ingestRatioMin = Double.parseDouble(a.get("ingest-ratio-min", "0.5"));
            double turnsMin = Double.parseDouble(a.get("turns-min", "1000"));
            double peerTurnsRatioMin = Double.parseDouble(a.get("peer-turns-ratio-min", "1.5"));
            double peerCpuRatioMax = Double.parseDouble(a.get("peer-cpu-ratio-max", "1.0"));

            Map<String, Object> base = byLabel(lines, "app-baseline");
            Map<String, Object> ack = byLabel(lines, "app-webhook-ack");
            Map<String, Object> rep = byLabel(lines, "app-webhook-reply");
            Map<String, Object> pBase = byLabel(lines, "peer-baseline");
            Map<String, Object> pAck = byLabel(lines, "peer-webhook-ack");
            boolean peer = pBase != null || pAck != null;

            String[] cols = peer ? new String[]{"SHISHA", "Bot Framework peer"} : new String[]{"SHISHA"};
            StringBuilder out = new StringBuilder();
            out.append("\n== summary  (app, driver and Twilio stand-in share this machine's ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" cores)\n");
            Map<String, Object> ceil = byLabel(lines, "driver-ceiling");
            if (ceil != null) {
                out.append(String.format(Locale.US, "driver ceiling: %,.0f GET/s against a trivial JDK HttpServer (p99 %.1f ms)%n",
                        num(ceil, "rps"), num(ceil, "ack_latency_ms", "p99")));
            }
            out.append(String.format("%-44s", "")).append(String.format("%-26s", cols[0]));
            if (peer) out.append(cols[1]);
            out.append('\n');
            java.util.function.BiConsumer<String, String[]> row = (name, v) -> {
                out.append(String.format("%-44s%-26s", name, v[0]));
                if (peer) out.append(v.length > 1 ? v[1] : "");
                out.append('\n');
            };
            Double appBase = num(base, "rps"), appIngest = num(ack, "rps");
            Double peerBase = num(pBase, "rps"), peerIngest = num(pAck, "rps");
            row.accept("baseline GET req/s (" + (base == null ? "/ping" : base.get("path")) + " | /health)",
                    new String[]{f(appBase, "%,.0f"), f(peerBase, "%,.0f")});
            row.accept("ingest: webhooks acked/s (gate ack)", new String[]{f(appIngest, "%,.0f"), f(peerIngest, "%,.0f")});
            Double ratio = div(appIngest, appBase), pRatio = div(peerIngest, peerBase);
            row.accept("ingest / baseline", new String[]{f(ratio == null ? null : ratio * 100, "%.0f %%"), f(pRatio == null ? null : pRatio * 100, "%.0f %%")});
            row.accept("ack ms p50 / p99 (gate ack)", new String[]{
                    f(num(ack, "ack_latency_ms", "p50"), "%.1f") + " / " + f(num(ack, "ack_latency_ms", "p99"), "%.1f"),
                    f(num(pAck, "ack_latency_ms", "p50"), "%.1f") + " / " + f(num(pAck, "ack_latency_ms", "p99"), "%.1f")});
            row.accept("e2e turns/s (gate ack)", new String[]{f(num(ack, "e2e_turns_per_s"), "%,.0f"), f(num(pAck, "e2e_turns_per_s"), "%,.0f")});
            row.accept("e2e ms p50 / p95 (gate ack)", new String[]{
                    f(num(ack, "e2e_latency_ms", "p50"), "%.1f") + " / " + f(num(ack, "e2e_latency_ms", "p95"), "%.1f"),
                    f(num(pAck, "e2e_latency_ms", "p50"), "%.1f") + " / " + f(num(pAck, "e2e_latency_ms", "p95"), "%.1f")});
            row.accept("replies recv / expected (gate ack)", new String[]{
                    f(num(ack, "replies_received"), "%.0f") + " / " + f(num(ack, "replies_expected"), "%.0f"),
                    f(num(pAck, "replies_received"), "%.0f") + " / " + f(num(pAck, "replies_expected"), "%.0f")});
            row.accept("ack ms p50 / p99 (gate reply)", new String[]{
                    f(num(rep, "ack_latency_ms", "p50"), "%.1f") + " / " + f(num(rep, "ack_latency_ms", "p99"), "%.1f"), "= gate ack (acks after reply)"});
            row.accept("e2e turns/s (gate reply)", new String[]{f(num(rep, "e2e_turns_per_s"), "%,.0f"), ""});
            row.accept("e2e ms p50 / p95 (gate reply)", new String[]{
                    f(num(rep, "e2e_latency_ms", "p50"), "%.1f") + " / " + f(num(rep, "e2e_latency_ms", "p95"), "%.1f"), ""});
            row.accept("replies recv / expected (gate reply)", new String[]{
                    f(num(rep, "replies_received"), "%.0f") + " / " + f(num(rep, "replies_expected"), "%.0f"), ""});
            Double cpuB = cpuDelta(lines, "app-proc-warm", "app-proc-baseline"), pCpuB = cpuDelta(lines, "peer-proc-warm", "peer-proc-baseline");
            Double cpuA = cpuDelta(lines, "app-proc-baseline", "app-proc-ack"), pCpuA = cpuDelta(lines, "peer-proc-baseline", "peer-proc-ack");
            Double cpuR = cpuDelta(lines, "app-proc-ack", "app-proc-reply");
            row.accept("CPU s: baseline / webhook ack / reply", new String[]{
                    f(cpuB, "%.1f") + " / " + f(cpuA, "%.1f") + " / " + f(cpuR, "%.1f"),
                    f(pCpuB, "%.1f") + " / " + f(pCpuA, "%.1f")});
            Double dB = num(base, "driver_cpu_s"), dA = num(ack, "driver_cpu_s"), dR = num(rep, "driver_cpu_s");
            Double pdB = num(pBase, "driver_cpu_s"), pdA = num(pAck, "driver_cpu_s");
            row.accept("driver+stand-in CPU s (same runs)", new String[]{
                    f(dB, "%.1f") + " / " + f(dA, "%.1f") + " / " + f(dR, "%.1f"), f(pdB, "%.1f") + " / " + f(pdA, "%.1f")});
            Double oB = other(lines, "app-proc-warm", "app-proc-baseline", cpuB, dB), oA = other(lines, "app-proc-baseline", "app-proc-ack", cpuA, dA);
            Double oR = other(lines, "app-proc-ack", "app-proc-reply", cpuR, dR);
            Double poB = other(lines, "peer-proc-warm", "peer-proc-baseline", pCpuB, pdB), poA = other(lines, "peer-proc-baseline", "peer-proc-ack", pCpuA, pdA);
            row.accept("other processes' CPU s (should be ~0)", new String[]{
                    f(oB, "%.1f") + " / " + f(oA, "%.1f") + " / " + f(oR, "%.1f"), f(poB, "%.1f") + " / " + f(poA, "%.1f")});
            double worstOther = 0;
            for (Double o : new Double[]{oB, oA, oR, poB, poA}) if (o != null) worstOther = Math.max(worstOther, o);
            Double perTurn = div(cpuA, num(ack, "turns_matched")), pPerTurn = div(pCpuA, num(pAck, "turns_matched"));
            row.accept("CPU ms per turn (gate ack run)", new String[]{
                    f(perTurn == null ? null : perTurn * 1000, "%.2f"), f(pPerTurn == null ? null : pPerTurn * 1000, "%.2f")});
            Double perReq = div(cpuB, num(base, "completed")), pPerReq = div(pCpuB, num(pBase, "completed"));
            row.accept("CPU ms per baseline GET", new String[]{
                    f(perReq == null ? null : perReq * 1000, "%.3f"), f(pPerReq == null ? null : pPerReq * 1000, "%.3f")});
            Map<String, Object> aStart = byLabel(lines, "app-proc-start"), pStart = byLabel(lines, "peer-proc-start");
            Map<String, Object> aEnd = byLabel(lines, "app-proc-reply") != null ? byLabel(lines, "app-proc-reply") : byLabel(lines, "app-proc-ack");
            Map<String, Object> pEnd = byLabel(lines, "peer-proc-ack");
            row.accept("RSS MiB main process: start / end (peak)", new String[]{
                    f(mib(num(aStart, "rss_kb")), "%.0f") + " / " + f(mib(num(aEnd, "rss_kb")), "%.0f") + " (" + f(mib(num(aEnd, "hwm_kb")), "%.0f") + ")",
                    f(mib(num(pStart, "rss_kb")), "%.0f") + " / " + f(mib(num(pEnd, "rss_kb")), "%.0f") + " (" + f(mib(num(pEnd, "hwm_kb")), "%.0f") + ")"});
            row.accept("RSS MiB incl. child processes at end", new String[]{
                    f(mib(num(aEnd, "tree_rss_kb")), "%.0f") + " (" + f(num(aEnd, "descendants"), "%.0f") + " children)",
                    f(mib(num(pEnd, "tree_rss_kb")), "%.0f")});
            row.accept("PSS MiB incl. child processes at end", new String[]{
                    f(mib(num(aEnd, "tree_pss_kb")), "%.0f"), f(mib(num(pEnd, "tree_pss_kb")), "%.0f")});
            if (worstOther > 3) {
                out.append(String.format(Locale.US, "%nWARNING: other processes on this machine used up to %.1f CPU-s during a measured run;"
                        + "%n         the figures above are skewed by that load. Re-run on a quiet machine.%n", worstOther));
            }
            out.append("\nNote: the app ran with TWILIO_SEND_RATE_PER_SECOND=100000, so its outbound rate limiter does not cap\n"
                    + "the figures: the bench measures the bot, not Twilio's per-sender rate limit. Real WhatsApp senders\n"
                    + "are throttled by Twilio (tens of messages/s per sender by default), far below these rates.\n");

            // targets
            out.append("\n== targets (SHISHA)\n");
            Double p99 = num(ack, "ack_latency_ms", "p99");
            target(out, p99 != null && p99 <= ackP99Max, String.format(Locale.US, "ack p99 <= %.0f ms (gate ack)", ackP99Max), f(p99, "%.1f ms"));
            target(out, ratio != null && ratio >= ingestRatioMin, String.format(Locale.US, "ingest >= %.0f%% of baseline req/s", ingestRatioMin * 100),
                    f(ratio == null ? null : ratio * 100, "%.0f %%"));
            Double tA = num(ack, "e2e_turns_per_s"), tR = num(rep, "e2e_turns_per_s");
            target(out, tA != null && tA >= turnsMin, String.format(Locale.US, "e2e turns/s >= %.0f (gate ack)", turnsMin), f(tA, "%,.0f"));
            target(out, tR != null && tR >= turnsMin, String.format(Locale.US, "e2e turns/s >= %.0f (gate reply)", turnsMin), f(tR, "%,.0f"));
            if (peer) {
                // the peer acks after its reply, so its gate ack run is its gate reply; compare within this run only
                Double pTurns = num(pAck, "e2e_turns_per_s");
                Double turnsVsPeer = div(tR, pTurns), cpuVsPeer = div(perTurn, pPerTurn);
                target(out, turnsVsPeer != null && turnsVsPeer >= peerTurnsRatioMin,
                        String.format(Locale.US, "e2e turns/s (gate reply) >= %.1fx the peer's", peerTurnsRatioMin),
                        f(turnsVsPeer, "%.2fx") + "  (" + f(tR, "%,.0f") + " vs " + f(pTurns, "%,.0f") + ")");
                target(out, cpuVsPeer != null && cpuVsPeer <= peerCpuRatioMax,
                        String.format(Locale.US, "CPU per turn <= %.1fx the peer's", peerCpuRatioMax),
                        f(cpuVsPeer, "%.2fx") + "  (" + f(perTurn == null ? null : perTurn * 1000, "%.2f") + " vs "
                                + f(pPerTurn == null ? null : pPerTurn * 1000, "%.2f") + " ms)");
            }

            // hard failures: missing replies in a measured run
            int rc = 0;
            for (Map<String, Object> m : Arrays.asList(ack, rep)) {
                if (m == null) {
                    out.append("MISSING  a measured webhook run has no result line\n");
                    rc = 3;
                    continue;
                }
                Double recv = num(m, "replies_received"), exp = num(m, "replies_expected"), none = num(m, "turns_without_reply");
                if (recv == null || exp == null || recv < exp || (none != null && none > 0)) {
                    out.append(String.format("MISSING  replies in %s: received %s of %s, turns without reply %s%n",
                            m.get("label"), f(recv, "%.0f"), f(exp, "%.0f"), f(none, "%.0f")));
                    rc = 3;
                }
            }
            System.out.print(out);
            String summaryOut = a.get("summary-out", null);
            if (summaryOut != null) Files.writeString(Path.of(summaryOut), out.toString());
            return rc;
        }

        static void target(StringBuilder out, boolean ok, String what, String value) {
            out.append(String.format("%-5s %-44s %s%n", ok ? "PASS" : "FAIL", what, value));
        }

        static Double mib(Double kb) {
            return kb == null ? null : kb / 1024.0;
        }
    }

    // ------------------------------------------------------------------ self-test

    static final class SelfTest {
        static int passed, failed;

        static void check(String name, boolean ok, String detail) {
            if (ok) {
                passed++;
                System.out.println("ok    " + name);
            } else {
                failed++;
                System.out.println("FAIL  " + name + (detail == null ? "" : ": " + detail));
            }
        }

        @SuppressWarnings("unchecked")
        static int run() throws Exception {
            // 1. Twilio's documented example (Security docs): URL + sorted key+value, HMAC-SHA1, base64
            Map<String, String> p = new LinkedHashMap<>();
            p.put("CallSid", "CA1234567890ABCDE");
            p.put("Caller", "+12349013030");
            p.put("Digits", "1234");
            p.put("From", "+12349013030");
            p.put("To", "+18005551212");
            String sig = twilioSignature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", p);
            check("signature: Twilio docs vector", sig.equals("0/KCTR6DLpKmkAf8muzZqo1nDgQ="), "got " + sig);

            // 2. order of the parameters must not matter
            Map<String, String> rev = new LinkedHashMap<>();
            List<String> keys = new ArrayList<>(p.keySet());
            Collections.reverse(keys);
            for (String k : keys) rev.put(k, p.get(k));
            check("signature: independent of parameter order",
                    twilioSignature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", rev).equals(sig), null);

            // 3. a different token gives a different signature
            check("signature: depends on the token",
                    !twilioSignature("54321", "https://mycompany.com/myapp.php?foo=1&bar=2", p).equals(sig), null);

            // 4. form encoding round trip, '+' and ':' escaped, spaces as '+'
            Map<String, String> f = new LinkedHashMap<>();
            f.put("From", "whatsapp:+919000000001");
            f.put("Body", "Asha 17, hi & bye = ok");
            String enc = formEncode(f);
            Map<String, List<String>> dec = formDecode(enc);
            check("form: encoding", enc.equals("From=whatsapp%3A%2B919000000001&Body=Asha+17%2C+hi+%26+bye+%3D+ok"), enc);
            check("form: round trip", f.get("From").equals(first(dec, "From")) && f.get("Body").equals(first(dec, "Body")), String.valueOf(dec));

            // 5. loopback guard
            boolean okLoop = isLoopbackHost("127.0.0.1") && isLoopbackHost("127.3.2.1") && isLoopbackHost("localhost")
                    && isLoopbackHost("[::1]") && isLoopbackHost("::1");
            boolean refuse = !isLoopbackHost("10.0.0.1") && !isLoopbackHost("192.168.1.10") && !isLoopbackHost("0.0.0.0")
                    && !isLoopbackHost("example.com") && !isLoopbackHost("128.0.0.1") && !isLoopbackHost("[fe80::1]")
                    && !isLoopbackHost("127.0.0.300");
            check("loopback guard: accepts 127/8, localhost, ::1", okLoop, null);
            check("loopback guard: refuses everything else", refuse, null);

            // 6. sender numbers: whatsapp:+91 9RRRRIIIII
            String n0 = senderNumber(1234, 0), n1 = senderNumber(1234, 56789);
            check("sender numbers", n0.equals("whatsapp:+919123400000") && n1.equals("whatsapp:+919123456789"), n0 + " " + n1);
            check("onboarding script", scriptFor(17, 0).equals("hi") && scriptFor(17, 1).equals("Karan Sharma") && scriptFor(23, 1).equals("Arjun Patel")
                    && scriptFor(17, 2).equals("English") && scriptFor(0, 3).equals("Indore") && scriptFor(3, 4).equals("1,3")
                    && scriptFor(3, 5).equals("yes") && scriptFor(3, 6).equals("MENU") && scriptFor(3, 60).equals("MENU"), null);

            // 7. SIDs
            SidGen g = new SidGen("SM");
            String s1 = g.next(), s2 = g.next();
            check("message sids: SM + 32 hex, unique", s1.matches("SM[0-9a-f]{32}") && !s1.equals(s2), s1);

            String u = fastUuid();
            check("idempotency token: UUID v4 shape", u.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), u);

            // 8. percentiles
            LatencyLog ll = new LatencyLog();
            for (int i = 100; i >= 1; i--) ll.add(i * 1_000_000L);
            Map<String, Object> sum = ll.summary();
            check("percentiles (nearest rank)", Double.valueOf(50).equals(sum.get("p50")) && Double.valueOf(95).equals(sum.get("p95"))
                    && Double.valueOf(99).equals(sum.get("p99")) && Double.valueOf(100).equals(sum.get("max")), String.valueOf(sum));

            // 9. JSON round trip
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("a", "x\"y\n\u0001");
            j.put("b", List.of(1, 2.5, true));
            j.put("c", null);
            Object back = Json.parse(Json.write(j));
            check("json: write/parse round trip", Json.write(back).equals("{\"a\":\"x\\\"y\\n\\u0001\",\"b\":[1,2.5,true],\"c\":null}"), Json.write(back));

            // 10. stand-in over the raw client
            StandIn si = new StandIn(0, 0, "tok", true);
            String sender = senderNumber(1, 2);
            Load.Sender snd = new Load.Sender(2, sender, 1);
            si.senders = Map.of(sender, snd);
            si.start();
            try {
                URI base = URI.create("http://127.0.0.1:" + si.port());
                RawTransport rt = new RawTransport(base, 5000, true);
                String acct = "AC0123456789abcdef0123456789abcdef";
                String path = "/2010-04-01/Accounts/" + acct + "/Messages.json";
                String auth = "Basic " + Base64.getEncoder().encodeToString((acct + ":tok").getBytes(StandardCharsets.UTF_8));
                String badAuth = "Basic " + Base64.getEncoder().encodeToString((acct + ":nope").getBytes(StandardCharsets.UTF_8));
                try (Session s = rt.open()) {
                    Map<String, String> form = new LinkedHashMap<>();
                    form.put("To", sender);
                    form.put("From", "whatsapp:+14155238886");
                    form.put("Body", "Hello Asha!\nLine 2");
                    form.put("StatusCallback", "https://bot.example.test/webhooks/twilio/status");
                    byte[] fb = formEncode(form).getBytes(StandardCharsets.UTF_8);
                    String[] ct = {"Content-Type", "application/x-www-form-urlencoded"};

                    Resp r = s.exchange(new Req("POST", path, ct, fb));
                    Map<String, Object> e = (Map<String, Object>) Json.parse(new String(r.body, StandardCharsets.UTF_8));
                    check("stand-in: no auth -> 401 code 20003", r.status == 401 && Double.valueOf(20003).equals(e.get("code")), r.status + " " + e);

                    r = s.exchange(new Req("POST", path, new String[]{"Content-Type", ct[1], "Authorization", badAuth}, fb));
                    check("stand-in: wrong token -> 401", r.status == 401, String.valueOf(r.status));

                    Map<String, String> noTo = new LinkedHashMap<>(form);
                    noTo.remove("To");
                    r = s.exchange(new Req("POST", path, new String[]{"Content-Type", ct[1], "Authorization", auth},
                            formEncode(noTo).getBytes(StandardCharsets.UTF_8)));
                    e = (Map<String, Object>) Json.parse(new String(r.body, StandardCharsets.UTF_8));
                    check("stand-in: no To -> 400 code 21604", r.status == 400 && Double.valueOf(21604).equals(e.get("code"))
                            && Double.valueOf(400).equals(e.get("status")) && e.get("more_info") != null && e.get("message") != null, r.status + " " + e);

                    Map<String, String> noBody = new LinkedHashMap<>(form);
                    noBody.remove("Body");
                    r = s.exchange(new Req("POST", path, new String[]{"Content-Type", ct[1], "Authorization", auth},
                            formEncode(noBody).getBytes(StandardCharsets.UTF_8)));
                    check("stand-in: no Body -> 400", r.status == 400, String.valueOf(r.status));

                    r = s.exchange(new Req("POST", path, new String[]{"Content-Type", ct[1], "Authorization", auth}, fb));
                    Map<String, Object> msg = (Map<String, Object>) Json.parse(new String(r.body, StandardCharsets.UTF_8));
                    String sid = String.valueOf(msg.get("sid"));
                    boolean shape = r.status == 201 && sid.matches("SM[0-9a-f]{32}") && acct.equals(msg.get("account_sid"))
                            && sender.equals(msg.get("to")) && "whatsapp:+14155238886".equals(msg.get("from"))
                            && form.get("Body").equals(msg.get("body")) && "queued".equals(msg.get("status"))
                            && "1".equals(msg.get("num_segments")) && "outbound-api".equals(msg.get("direction"))
                            && "2010-04-01".equals(msg.get("api_version")) && msg.containsKey("price") && msg.get("price") == null
                            && msg.containsKey("error_code") && msg.get("error_code") == null
                            && ("/2010-04-01/Accounts/" + acct + "/Messages/" + sid + ".json").equals(msg.get("uri"));
                    check("stand-in: 201 Twilio-shaped Message", shape, r.status + " " + Json.write(msg));
                    boolean dateOk;
                    try {
                        ZonedDateTime.parse(String.valueOf(msg.get("date_created")), DateTimeFormatter.RFC_1123_DATE_TIME);
                        dateOk = String.valueOf(msg.get("date_created")).endsWith("+0000");
                    } catch (Exception ex) {
                        dateOk = false;
                    }
                    check("stand-in: date_created is RFC 2822", dateOk, String.valueOf(msg.get("date_created")));
                    synchronized (snd) {
                        check("stand-in: records the reply per To", snd.replies.size() == 1
                                && form.get("Body").equals(snd.replies.get(0).body), String.valueOf(snd.replies.size()));
                    }
                    check("stand-in: counts StatusCallback", si.withStatusCallback.get() == 1 && si.unauthorized.get() == 2
                            && si.badRequests.get() == 2 && si.received.get() == 1, null);

                    r = s.exchange(new Req("GET", path + "?PageSize=50", new String[]{"Authorization", auth}, null));
                    Map<String, Object> page = (Map<String, Object>) Json.parse(new String(r.body, StandardCharsets.UTF_8));
                    check("stand-in: GET list page", r.status == 200 && page.get("messages") instanceof List<?> l && l.isEmpty()
                            && page.containsKey("next_page_uri") && page.get("next_page_uri") == null
                            && Double.valueOf(0).equals(page.get("page")) && Double.valueOf(50).equals(page.get("page_size"))
                            && String.valueOf(page.get("first_page_uri")).startsWith("/2010-04-01/Accounts/" + acct + "/Messages.json")
                            && page.get("uri") != null, r.status + " " + Json.write(page));
                    check("raw client: keep-alive reuse", rt.connects.get() == 1, "connections " + rt.connects.get());
                    r = s.exchange(new Req("GET", path, new String[]{"Authorization", auth, "Connection", "close"}, null));
                    Resp r2 = s.exchange(new Req("GET", path, new String[]{"Authorization", auth}, null));
                    check("stand-in: answers Connection: close explicitly", r.status == 200 && r2.status == 200
                            && rt.connects.get() == 2 && rt.retries.get() == 0, "connections " + rt.connects.get() + " retries " + rt.retries.get());
                }
            } finally {
                si.stop();
            }

            // 11. raw client against chunked and Connection: close responses
            System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer hs = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
            hs.createContext("/chunked", ex -> {
                ex.getRequestBody().readAllBytes();
                ex.sendResponseHeaders(200, 0); // chunked
                try (OutputStream os = ex.getResponseBody()) {
                    os.write("hello ".getBytes(StandardCharsets.US_ASCII));
                    os.flush();
                    os.write("world".getBytes(StandardCharsets.US_ASCII));
                }
            });
            hs.createContext("/close", ex -> {
                ex.getRequestBody().readAllBytes();
                ex.getResponseHeaders().set("Connection", "close");
                byte[] b = "bye".getBytes(StandardCharsets.US_ASCII);
                ex.sendResponseHeaders(200, b.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(b);
                }
            });
            hs.setExecutor(Executors.newFixedThreadPool(2, daemon("selftest")));
            hs.start();
            try {
                RawTransport rt = new RawTransport(URI.create("http://127.0.0.1:" + hs.getAddress().getPort()), 5000, true);
                try (Session s = rt.open()) {
                    Resp r1 = s.exchange(new Req("GET", "/chunked", new String[0], null));
                    Resp r2 = s.exchange(new Req("GET", "/chunked", new String[0], null));
                    check("raw client: chunked body", r1.status == 200 && "hello world".equals(new String(r1.body, StandardCharsets.US_ASCII))
                            && r2.status == 200 && "hello world".equals(new String(r2.body, StandardCharsets.US_ASCII)), null);
                    Resp r3 = s.exchange(new Req("GET", "/close", new String[0], null));
                    Resp r4 = s.exchange(new Req("GET", "/chunked", new String[0], null));
                    check("raw client: reconnects after Connection: close", r3.status == 200 && r4.status == 200 && rt.connects.get() == 2,
                            r3.statusKey() + " " + r4.statusKey() + " connections " + rt.connects.get());
                }
            } finally {
                hs.stop(0);
            }

            // 12. a webhook as the driver builds it verifies on the receiving side
            Map<String, String> wp = new LinkedHashMap<>();
            wp.put("MessageSid", g.next());
            wp.put("From", senderNumber(42, 7));
            wp.put("To", "whatsapp:+14155238886");
            wp.put("Body", "Asha 7");
            wp.put("WaId", "919004200007");
            String header = twilioSignature("bench-secret-token", "https://bot.example.test/webhooks/twilio/messaging", wp);
            Map<String, String> received = new TreeMap<>();
            formDecode(formEncode(wp)).forEach((k, v) -> received.put(k, v.get(0)));
            check("webhook: receiver recomputes the same signature",
                    header.equals(twilioSignature("bench-secret-token", "https://bot.example.test/webhooks/twilio/messaging", received)), null);

            System.out.println(passed + " passed, " + failed + " failed");
            return failed == 0 ? 0 : 1;
        }
    }

    // ------------------------------------------------------------------ journey report

    /** The journey benchmark's table: per script, turns/s, driver-side e2e and the app's server-side latency. */
    static final class JourneyReport {
        static String num(Object o) {
            return o instanceof Number x ? Long.toString(Math.round(x.doubleValue())) : String.valueOf(o);
        }

        @SuppressWarnings("unchecked")
        static int run(Args a) throws IOException {
            double p95Max = Double.parseDouble(a.get("p95-max-ms", "30"));
            List<String> lines = Files.readAllLines(Path.of(a.get("json-in", "bench/results/journey.jsonl")));
            StringBuilder out = new StringBuilder();
            out.append(String.format("%-8s %4s %6s %8s %10s %12s %26s%n", "script", "C", "think", "turns", "turns/s", "e2e p95 ms", "server p50/p95/p99 ms"));
            boolean pass = true;
            int rows = 0, latencyRows = 0;
            for (String line : lines) {
                Map<String, Object> j = (Map<String, Object>) Json.parse(line);
                if (!"webhook".equals(j.get("mode")) || String.valueOf(j.get("label")).contains("warmup")) continue;
                Map<String, Object> e2e = (Map<String, Object>) j.get("e2e_latency_ms");
                Object st = j.get("server_turns");
                String server = "n/a";
                if (st instanceof Map<?, ?> m) {
                    double p95 = ((Number) m.get("p95_ms")).doubleValue();
                    server = String.format("%.1f / %.1f / %.1f", ((Number) m.get("p50_ms")).doubleValue(), p95,
                            ((Number) m.get("p99_ms")).doubleValue());
                    if (((Number) j.getOrDefault("think_ms", 0)).intValue() > 0) { // latency runs only
                        pass &= p95 <= p95Max;
                        latencyRows++;
                    }
                } else {
                    pass = false;
                }
                out.append(String.format("%-8s %4s %6s %8s %10s %12s %26s%n", j.get("script"), num(j.get("c")), num(j.get("think_ms")), num(j.get("turns_matched")),
                        j.get("e2e_turns_per_s"), e2e == null ? "n/a" : e2e.get("p95"), server));
                rows++;
            }
            for (String line : lines) {
                Map<String, Object> j = (Map<String, Object>) Json.parse(line);
                if (!(j.get("e2e_latency_by_step_ms") instanceof Map<?, ?> steps) || String.valueOf(j.get("label")).contains("warmup")) continue;
                out.append(String.format("%n%s, e2e by turn (webhook sent -> reply at the stand-in) p50 / p95 / p99 ms:%n", j.get("label")));
                steps.forEach((step, log) -> {
                    Map<String, Object> l = (Map<String, Object>) log;
                    out.append(String.format("  %-10s %6s turns  %.1f / %.1f / %.1f%n", step, num(l.get("count")),
                            ((Number) l.get("p50")).doubleValue(), ((Number) l.get("p95")).doubleValue(), ((Number) l.get("p99")).doubleValue()));
                });
            }
            out.append(String.format("%n%s  server-side p95 <= %.0f ms per turn in the runs with think time (webhook stored -> reply queued)%n",
                    latencyRows > 0 && pass ? "PASS" : "FAIL", p95Max));
            System.out.print(out);
            String summary = a.get("summary-out", "");
            if (!summary.isEmpty()) Files.writeString(Path.of(summary), out.toString());
            return 0;
        }
    }
}
