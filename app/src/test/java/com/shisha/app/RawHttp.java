package com.shisha.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket: sends the request line byte for byte (no client normalises the path), and can
 * call from any loopback address, so a test can be a client with an address of its own without a proxy.
 */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * @param from     the local address to call from (any of 127.0.0.0/8)
     * @param bodySent the body bytes actually sent (may be fewer than {@code declaredLength})
     */
    static AbstractApiTest.Response send(String from, int port, String method, String rawPath, Map<String, String> headers,
                                         long declaredLength, byte[] bodySent) {
        return send(from, port, method, rawPath, headers.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(),
                declaredLength, bodySent);
    }

    /**
     * @param headers header lines in order, a name may repeat; the request line and the values go out as ISO-8859-1,
     *                so a caller wanting other bytes there passes them already as one char per byte
     */
    static AbstractApiTest.Response send(String from, int port, String method, String rawPath, List<Map.Entry<String, String>> headers,
                                         long declaredLength, byte[] bodySent) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(method + " " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n");
            headers.forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
            if (declaredLength >= 0) {
                head.append("Content-Length: ").append(declaredLength).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (bodySent != null) {
                    out.write(bodySent);
                }
                out.flush();
            } catch (IOException refusedMidRequest) {
                // the server may answer and close before the whole request is sent (a head or body over its limits);
                // its answer is still readable
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AbstractApiTest.Response get(String from, int port, String rawPath, Map<String, String> headers) {
        return send(from, port, "GET", rawPath, headers, -1, null);
    }

    private static AbstractApiTest.Response read(InputStream in) throws IOException {
        // read until the answer is complete rather than until the server closes: after refusing a request it
        // may keep the connection open to drain a body that is never coming
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; !complete(all.toString(StandardCharsets.ISO_8859_1)) && (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException resetAfterAnswer) {
            // a reset after the answer (unread request body) loses nothing we need
        }
        // one char per byte until the body is unchunked: chunk sizes count bytes
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), List.of(lines[i].substring(colon + 1).trim()));
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", List.of("")).get(0))
                && !headers.getOrDefault("content-type", List.of("")).get(0).startsWith("text/event-stream")) {
            body = unchunk(body);
        }
        return new AbstractApiTest.Response(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(head);
        if (length.find()) {
            return text.length() - end - 4 >= Integer.parseInt(length.group(1));
        }
        if (head.contains("\r\ncontent-type: text/event-stream")) {
            // an open stream never completes: its head is the answer
            return true;
        }
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            return text.endsWith("\r\n0\r\n\r\n") || text.substring(end + 4).startsWith("0\r\n\r\n");
        }
        return false;
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
