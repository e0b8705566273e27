package com.shisha.app;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an attacker, a broken client or a confused partner sends, for the input properties: texts built from the
 * fragments that break input handling (control characters with NUL, lone surrogates, bidi overrides, emoji,
 * Devanagari, injections, numbers that are not, stray percent signs), very long texts, and JSON as a tree that
 * can hold what a serialiser never writes (duplicate keys, wrong types, numbers out of every range, deep nesting,
 * bytes that are not UTF-8). Everything is a value jqwik can shrink: a failure reports the smallest input.
 */
final class HostileInput {

    static final List<String> INJECTIONS = List.of("'; drop table partners; --", "\" OR 1=1 --", "<script>alert(1)</script>",
            "{{7*7}}", "${jndi:ldap://127.0.0.1:1/x}", "#{7*7}", "%s%n%x", "../../../etc/passwd", "..\\..\\boot.ini",
            "<Response><Message>x</Message></Response>", "]]>", "&#0;&amp;", "\\u0000", "\\", "\"", "null", "undefined",
            "NaN", "true", "[]", "{}", "$where", "{\"$gt\": \"\"}", "*", "%", "_", "\r\nSet-Cookie: x=1");
    static final List<String> BIDI = List.of("\u202E", "\u202D", "\u202A", "\u202B", "\u202C", "\u2066", "\u2067", "\u2068",
            "\u2069", "\u200E", "\u200F", "\u061C", "\u200B", "\u200D", "\uFEFF", "\u00AD", "\u034F");
    static final List<String> EMOJI = List.of("🙏🏽", "👨‍👩‍👧‍👦", "🇮🇳", "❤️", "🤖", "1️⃣", "🏳️‍🌈", "😀", "👍🏿", "🧑🏽‍💼");
    static final List<String> DEVANAGARI = List.of("नमस्ते", "मेरा नाम राहुल है", "१२३", "०", "क़", "हाँ", "लोन",
            "क्षत्रिय", "ॐ", "\u0915\u094D\u200D", "२");
    static final List<String> ODD_PERCENT = List.of("%", "%%", "%zz", "%0", "%00", "%C0%AF", "%E0%A4", "%FF%FE", "%u0041",
            "+", "%2B", "%252F", "%2F", "%5C", "%3B", "%2e%2e", "&", "=", "&=&", "#", "?", "%0D%0A", "%7F", "%ED%A0%80");

    private HostileInput() {
    }

    /** One piece of a hostile text. */
    static Arbitrary<String> fragment() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.strings().alpha().numeric().withChars(' ', '+', '-', '.', ':', '_').ofMaxLength(16)),
                Tuple.of(3, controls()),
                Tuple.of(2, loneSurrogates()),
                Tuple.of(2, Arbitraries.of(BIDI)),
                Tuple.of(2, Arbitraries.oneOf(Arbitraries.of(EMOJI), Arbitraries.integers().between(0x1F300, 0x1FAFF).map(cp -> Character.toString(cp)))),
                Tuple.of(3, Arbitraries.oneOf(Arbitraries.of(DEVANAGARI), Arbitraries.strings().withCharRange('\u0900', '\u097F').ofMinLength(1).ofMaxLength(10))),
                Tuple.of(2, Arbitraries.of(INJECTIONS)),
                Tuple.of(2, numberLike()),
                Tuple.of(1, Arbitraries.of("", " ", "\t", "\r\n", "\u00A0", "\u3000", "\u2028")),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(8)),
                Tuple.of(1, Arbitraries.of(ODD_PERCENT)));
    }

    /** Control characters, NUL among them, C1 too. */
    static Arbitrary<String> controls() {
        return Arbitraries.strings().withCharRange('\u0000', '\u001F').withChars('\u007F').withCharRange('\u0080', '\u009F')
                .ofMinLength(1).ofMaxLength(4);
    }

    /** Halves of surrogate pairs alone, or in the wrong order: no UTF-8 encoder can write them as they are. */
    static Arbitrary<String> loneSurrogates() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\uD800', '\uDFFF').map(String::valueOf),
                Arbitraries.of("\uDC00\uD800", "x\uD83D", "\uDE00x"));
    }

    /** Things that look like numbers to someone: out of every range, in other scripts, in other notations. */
    static Arbitrary<String> numberLike() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(l -> Long.toString(l)),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(63), BigInteger.TWO.pow(200)).map(b -> (b.testBit(0) ? "-" : "") + b),
                Arbitraries.of("0", "-0", "1e309", "-1e309", "1e-400", "0x10", "1_000", "Infinity", "NaN", "1.5", "٣", "१२३",
                        "0000000000000000000001", "9".repeat(400), "2147483648", "-2147483649", "9223372036854775808", " 1", "1 "));
    }

    /** A text of up to five fragments. */
    static Arbitrary<String> shortText() {
        return fragment().list().ofMaxSize(5).map(parts -> String.join("", parts));
    }

    /**
     * A text for a URL: rarely a long one, which the container refuses whole (a request line over its limit) before
     * anything else could look at the request.
     */
    static Arbitrary<String> urlText() {
        return Arbitraries.frequencyOf(Tuple.of(20, shortText()), Tuple.of(1, text()));
    }

    /** A text of up to five fragments, or now and then one fragment repeated to thousands of characters. */
    static Arbitrary<String> text() {
        Arbitrary<String> mixed = shortText();
        // lengths from 1 up, so that shrinking can take a failing long text down to the one piece that matters
        Arbitrary<String> veryLong = Combinators.combine(fragment().filter(f -> !f.isEmpty()), Arbitraries.integers().between(1, 70_000).withoutEdgeCases())
                .as(HostileInput::repeatTo);
        return Arbitraries.frequencyOf(Tuple.of(14, mixed), Tuple.of(1, veryLong));
    }

    static String repeatTo(String piece, int length) {
        return piece.repeat(Math.max(1, length / piece.length()));
    }

    /** An E.164 number in India's mobile range, as the partners have. */
    static Arbitrary<String> indianMobile() {
        return Arbitraries.strings().numeric().ofLength(8).map(digits -> "+9199" + digits);
    }

    /** A phone field: mostly a real number, otherwise nearly one or nothing like one. */
    static Arbitrary<String> phone() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, indianMobile()),
                Tuple.of(1, Arbitraries.of("+", "+0", "+91", "919812345678", "+91 98123 45678", "+91-9812345678", "+१९८१२३४५६७८",
                        "+9198123456789012345", "++919812345678", "+919812345678\u0000", "whatsapp:+919812345678", "tel:+919812345678")),
                Tuple.of(2, text()));
    }

    /** Percent-encodes every byte that is not unreserved, as a careful client would. */
    static String percentEncoded(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /**
     * A value as it goes into a URL: percent-encoded properly, or as it is (each char as a byte, non-Latin ones as
     * '?'), or with one of the odd encodings added.
     */
    static Arbitrary<String> urlValue(Arbitrary<String> value) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, value.map(HostileInput::percentEncoded)),
                Tuple.of(1, value.map(v -> new String(v.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1).replaceAll("[\\s\\x00-\\x1F\\x7F]", ""))),
                Tuple.of(1, Combinators.combine(value.map(HostileInput::percentEncoded), Arbitraries.of(ODD_PERCENT)).as((v, odd) -> v + odd)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // JSON as a tree, so that what no serialiser writes can be written

    sealed interface Json permits JRaw, JString, JArray, JObject {
    }

    /** A literal written as it is: numbers in any range, true, false, null, or broken bits. */
    record JRaw(String literal) implements Json {
    }

    /** @param raw whether its characters go out unescaped (a lone surrogate then becomes '?' in UTF-8) */
    record JString(String value, boolean raw) implements Json {
    }

    record JArray(List<Json> items) implements Json {
    }

    /** Entries, not a map: a key may come twice. */
    record JObject(List<Map.Entry<String, Json>> entries) implements Json {
    }

    static Arbitrary<Json> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(text(), Arbitraries.of(false, false, false, true)).as(JString::new)),
                Tuple.of(2, numberLiteral().map(JRaw::new)),
                Tuple.of(1, Arbitraries.of("true", "false", "null").map(JRaw::new)));
    }

    static Arbitrary<String> numberLiteral() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(i -> Integer.toString(i)),
                Arbitraries.longs().map(l -> Long.toString(l)),
                Arbitraries.doubles().map(d -> Double.toString(d)).filter(d -> !d.contains("N") && !d.contains("I")),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(63), BigInteger.TWO.pow(300)).map(BigInteger::toString),
                Arbitraries.of("1e309", "-1e309", "1e-400", "-0", "0.0000000000000000000000001", "1E2", "9".repeat(2000), "-9223372036854775809"));
    }

    /** Any JSON value, nested up to three levels. */
    static Arbitrary<Json> value() {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("a", "id", "phone", "text", "__proto__", "constructor", ""), text());
        return Arbitraries.recursive(HostileInput::scalar, inner -> Arbitraries.frequencyOf(
                Tuple.of(2, inner),
                Tuple.of(1, inner.list().ofMaxSize(4).map(items -> (Json) new JArray(items))),
                Tuple.of(1, Combinators.combine(keys, inner).as(Map::<String, Json>entry).list().ofMaxSize(3).map(entries -> (Json) new JObject(entries)))), 0, 3);
    }

    enum Edit { REPLACE, REMOVE, REPEAT, ADD }

    /** One thing wrong with a body: a field's value replaced, the field left out or sent twice, or a field added. */
    record Mutation(int field, Edit edit, String key, Json value) {
    }

    /**
     * A request body for an endpoint whose fields are {@code fields}: each field well-formed (from {@code valid},
     * which should be mostly well-formed itself; any value for a field it does not name), then half the time one
     * or two mutations. So most bodies have one or two things wrong and get past the rest of the checks to the one that
     * matters, and some have nothing wrong and get all the way through.
     */
    static Arbitrary<Json> objectWith(Map<String, Arbitrary<Json>> valid, List<String> fields) {
        Arbitrary<List<Json>> base = fields.isEmpty() ? Arbitraries.just(List.of())
                : Combinators.combine(fields.stream().map(f -> valid.getOrDefault(f, value())).toList()).as(List::copyOf);
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, Math.max(0, fields.size() - 1)),
                Arbitraries.of(Edit.class), Arbitraries.oneOf(Arbitraries.of("a", "id", "__proto__", ""), text()), value()).as(Mutation::new);
        Arbitrary<List<Mutation>> mutations = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(List.of())),
                Tuple.of(1, mutation.list().ofMinSize(1).ofMaxSize(2)));
        return Combinators.combine(base, mutations).as((values, edits) -> {
            List<Map.Entry<String, Json>> entries = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                entries.add(Map.entry(fields.get(i), values.get(i)));
            }
            for (Mutation m : edits) {
                String field = fields.isEmpty() ? m.key() : fields.get(m.field());
                switch (m.edit()) {
                    case REPLACE -> entries.replaceAll(e -> e.getKey().equals(field) ? Map.entry(field, m.value()) : e);
                    case REMOVE -> entries.removeIf(e -> e.getKey().equals(field));
                    case REPEAT -> entries.add(Map.entry(field, m.value()));
                    case ADD -> entries.add(Math.min(m.field(), entries.size()), Map.entry(m.key(), m.value()));
                }
            }
            return new JObject(entries);
        });
    }

    /** A body as bytes: mostly an object for the endpoint, else any JSON, deep nesting, broken JSON, or not JSON. */
    static Arbitrary<byte[]> body(Arbitrary<Json> object) {
        return Arbitraries.frequencyOf(
                Tuple.of(24, object.map(HostileInput::bytes)),
                Tuple.of(2, value().map(HostileInput::bytes)),
                Tuple.of(1, Combinators.combine(Arbitraries.of("[", "{\"a\":", "[{\"x\":"), Arbitraries.integers().between(1, 20_000))
                        .as(HostileInput::nested)),
                Tuple.of(1, Combinators.combine(object.map(HostileInput::render), Arbitraries.doubles().between(0, 1))
                        .as((json, cut) -> json.substring(0, (int) (json.length() * cut)).getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Combinators.combine(object.map(HostileInput::render), notUtf8()).as((json, junk) -> withBytes(json, junk))),
                Tuple.of(1, text().map(t -> t.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.of("\uFEFF{}", "{\"a\":1}garbage", "{} {}", "{'a': 1}", "{a: 1}", "{\"a\":1,}", "[1,]", "// x\n{}",
                        "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u0000\"}", "{\"a\":\"\\x41\"}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":+1}")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8))));
    }

    /** Bytes no UTF-8 decoder accepts: stray continuation bytes, overlong forms, cut sequences, surrogates. */
    static Arbitrary<byte[]> notUtf8() {
        return Arbitraries.of(new byte[]{(byte) 0x80}, new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xE0, (byte) 0xA4},
                new byte[]{(byte) 0xFF, (byte) 0xFE}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[]{0});
    }

    /** The JSON with the bytes put inside its first string value (or at the end when it has none). */
    private static byte[] withBytes(String json, byte[] junk) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        int at = json.indexOf(":\"");
        int cut = at < 0 ? text.length : json.substring(0, at + 2).getBytes(StandardCharsets.UTF_8).length;
        byte[] out = new byte[text.length + junk.length];
        System.arraycopy(text, 0, out, 0, cut);
        System.arraycopy(junk, 0, out, cut, junk.length);
        System.arraycopy(text, cut, out, cut + junk.length, text.length - cut);
        return out;
    }

    private static byte[] nested(String open, int depth) {
        String close = switch (open) {
            case "[" -> "]";
            case "{\"a\":" -> "}";
            default -> "}]";
        };
        return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(Json json) {
        return render(json).getBytes(StandardCharsets.UTF_8);
    }

    static String render(Json json) {
        StringBuilder out = new StringBuilder();
        render(json, out);
        return out.toString();
    }

    private static void render(Json json, StringBuilder out) {
        if (json instanceof JRaw r) {
            out.append(r.literal());
        } else if (json instanceof JString s) {
            quote(s.value(), s.raw(), out);
        } else if (json instanceof JArray a) {
            out.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                out.append(i == 0 ? "" : ",");
                render(a.items().get(i), out);
            }
            out.append(']');
        } else if (json instanceof JObject o) {
            out.append('{');
            for (int i = 0; i < o.entries().size(); i++) {
                out.append(i == 0 ? "" : ",");
                quote(o.entries().get(i).getKey(), false, out);
                out.append(':');
                render(o.entries().get(i).getValue(), out);
            }
            out.append('}');
        }
    }

    private static void quote(String s, boolean raw, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (!raw && (Character.isSurrogate(c) || c == 0x7F))) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    static Json str(String s) {
        return new JString(s, false);
    }

    static Arbitrary<Json> strings(Arbitrary<String> values) {
        return values.map(HostileInput::str);
    }

    static Arbitrary<Json> literals(String... literals) {
        return Arbitraries.of(literals).map(JRaw::new);
    }
}
