package com.shisha.app;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input at the three doors (the signed webhook, the web chat, the companion API), generated from a fixed
 * seed so a failure reproduces: control characters, lone surrogates, huge and empty values, wrong types, broken
 * JSON, odd paths and headers. Never a 5xx, never a stack trace in what a client reads.
 */
class InputFuzzTest extends AbstractApiTest {

    private static final long SEED = 20261207L;
    private static final int CASES = 150;
    private final Random random = new Random(SEED);

    private String nasty() {
        return switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> "\u0000" + "a".repeat(random.nextInt(5)) + "\u0007\u001b[2J";
            case 2 -> "\uD800" + "x" + "\uDFFF";                       // lone surrogates
            case 3 -> "x".repeat(5000 + random.nextInt(5000));         // over WhatsApp's limit
            case 4 -> "'; drop table partners; --";
            case 5 -> "<script>alert(1)</script>{{7*7}}${jndi:ldap://x}";
            case 6 -> "मेरा नाम \u202Eराहुल\u202C है 🙏🏽" + "\r\n".repeat(random.nextInt(3));
            case 7 -> Long.toString(random.nextLong());
            default -> {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < random.nextInt(40); i++) {
                    s.appendCodePoint(random.nextInt(0x2FFFF));
                }
                yield s.toString();
            }
        };
    }

    private static void noServerErrorNorTrace(String what, int status, String body) {
        assertThat(status).as("%s answered %s: %s", what, status, body).isLessThan(500);
        assertThat(body == null ? "" : body).as(what).doesNotContain("Exception").doesNotContain("\tat com.")
                .doesNotContain("at org.springframework");
    }

    @Test
    void theWebhookNeverAnswers5xx() {
        for (int i = 0; i < CASES; i++) {
            Map<String, String> form = random.nextBoolean() ? whatsappForm(freshPhone(), nasty(), newMessageSid())
                    : smsForm(freshPhone(), nasty(), newMessageSid());
            switch (random.nextInt(6)) {
                case 0 -> form.put("From", nasty());
                case 1 -> form.put("To", nasty());
                case 2 -> form.put("ProfileName", nasty());
                case 3 -> form.put("MessageSid", nasty());
                case 4 -> form.put("NumMedia", nasty());
                default -> form.put("ButtonPayload", nasty());
            }
            HttpResponse<String> r = postSigned("/webhooks/twilio/messaging", form);
            noServerErrorNorTrace("webhook " + form, r.statusCode(), r.body());
        }
    }

    @Test
    void theWebChatNeverAnswers5xx() {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("phone", random.nextInt(3) == 0 ? nasty() : freshPhone());
            json.put("text", random.nextInt(4) == 0 ? random.nextInt() : nasty());
            if (random.nextBoolean()) {
                json.put("choice", random.nextBoolean() ? nasty() : List.of(nasty()));
            }
            if (random.nextBoolean()) {
                json.put("clientMessageId", nasty());
            }
            bodies.add(JSON.writeValueAsString(json));
        }
        bodies.addAll(List.of("", "{", "[]", "null", "{\"phone\": {\"a\": [1, 2, {}]}}", "{\"phone\":\"+91" + "9".repeat(100) + "\"}",
                "[".repeat(2000) + "]".repeat(2000)));
        for (String body : bodies) {
            Response r = call("POST", "/api/v1/webchat/messages", null, body, "application/json", Map.of());
            noServerErrorNorTrace("web chat " + body.substring(0, Math.min(80, body.length())), r.status(), r.body());
        }
        Response stream = get("/api/v1/webchat/stream?phone=%00", null);
        noServerErrorNorTrace("web chat stream", stream.status(), stream.body());
    }

    @Test
    void theApiNeverAnswers5xx() {
        String token = tokenFor(freshPhone());
        String[] paths = {"/api/v1/partners/me", "/api/v1/leads", "/api/v1/leads/1/outcome", "/api/v1/quiz/runs",
                "/api/v1/coach/messages", "/api/v1/dashboard", "/api/v1/session", "/api/v1/devices"};
        String[] methods = {"GET", "POST", "PUT", "PATCH", "DELETE"};
        for (int i = 0; i < CASES; i++) {
            String path = paths[random.nextInt(paths.length)] + (random.nextBoolean() ? "?size=" + nasty().replaceAll("[^0-9a-z-]", "") : "");
            String method = methods[random.nextInt(methods.length)];
            String body = random.nextBoolean() ? JSON.writeValueAsString(Map.of("x", nasty(), "outcome", nasty(), "name", nasty()))
                    : nasty().replace("\u0000", "");
            Response r = call(method, path, random.nextInt(4) == 0 ? "garbage." + nasty().hashCode() : token, body,
                    "application/json", Map.of());
            noServerErrorNorTrace(method + " " + path, r.status(), r.body());
        }
    }
}
