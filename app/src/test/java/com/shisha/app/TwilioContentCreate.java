package com.shisha.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * Twilio's Content API create (POST https://content.twilio.com/v1/Content, a JSON body of friendly_name, language,
 * variables and types) answered as Twilio answers it: 201 and the Content resource (sid HX + 32 hex, the request's
 * fields echoed, url and links), or 400 and Twilio's error JSON when the request breaks the rules of the two types
 * we use (twilio/quick-reply, twilio/list-picker: body up to 1,024, titles up to 20 / items up to 24, ids up to 200,
 * descriptions up to 72, 1-3 in-session buttons, 1-10 items, a button label for the list).
 */
final class TwilioContentCreate implements ResponseDefinitionTransformerV2 {

    static final String NAME = "twilio-content-create";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        JsonNode request;
        try {
            request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
        } catch (Exception e) {
            return error(400, 20001, "Invalid JSON in request body");
        }
        List<String> problems = problems(request);
        if (!problems.isEmpty()) {
            return error(400, 20001, String.join("; ", problems));
        }
        String sid = "HX" + HexFormat.of().formatHex(randomBytes(16));
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ObjectNode content = JSON.createObjectNode();
        content.put("account_sid", TwilioStandIn.ACCOUNT_SID);
        content.put("date_created", now);
        content.put("date_updated", now);
        content.put("friendly_name", request.path("friendly_name").asText(""));
        content.put("language", request.get("language").asText());
        ObjectNode links = content.putObject("links");
        links.put("approval_create", "https://content.twilio.com/v1/Content/" + sid + "/ApprovalRequests/whatsapp");
        links.put("approval_fetch", "https://content.twilio.com/v1/Content/" + sid + "/ApprovalRequests");
        content.put("sid", sid);
        content.set("types", request.get("types"));
        content.put("url", "https://content.twilio.com/v1/Content/" + sid);
        content.set("variables", request.has("variables") ? request.get("variables") : JSON.createObjectNode());
        // the stand-in templates every response (globalTemplating), which would read the content's own {{1}}: the
        // braces go as JSON escapes (u007b), which any JSON reader reads as {{1}} ("{{" occurs in JSON inside strings only)
        String body = content.toString().replace("{{", "\\u007b\\u007b");
        return responseDefinition().withStatus(201).withHeader("Content-Type", "application/json").withBody(body).build();
    }

    private static List<String> problems(JsonNode request) {
        List<String> problems = new ArrayList<>();
        if (!request.path("language").isTextual() || request.get("language").asText().isBlank()) {
            problems.add("language is required");
        }
        JsonNode types = request.path("types");
        if (!types.isObject() || types.isEmpty()) {
            problems.add("types is required");
            return problems;
        }
        JsonNode quickReply = types.get("twilio/quick-reply");
        if (quickReply != null) {
            body(quickReply, problems);
            JsonNode actions = quickReply.path("actions");
            if (!actions.isArray() || actions.isEmpty() || actions.size() > 3) {
                problems.add("twilio/quick-reply takes 1-3 actions in session");
            } else {
                actions.forEach(a -> {
                    text(a, "title", 20, true, problems);
                    text(a, "id", 200, false, problems);
                });
            }
        }
        JsonNode list = types.get("twilio/list-picker");
        if (list != null) {
            body(list, problems);
            text(list, "button", 20, true, problems);
            JsonNode items = list.path("items");
            if (!items.isArray() || items.isEmpty() || items.size() > 10) {
                problems.add("twilio/list-picker takes 1-10 items");
            } else {
                items.forEach(i -> {
                    text(i, "item", 24, true, problems);
                    text(i, "id", 200, true, problems);
                    if (i.has("description")) {
                        text(i, "description", 72, true, problems);
                    }
                });
            }
        }
        if (quickReply == null && list == null && types.get("twilio/text") == null) {
            problems.add("the stand-in knows twilio/quick-reply, twilio/list-picker and twilio/text only");
        }
        return problems;
    }

    private static void body(JsonNode type, List<String> problems) {
        text(type, "body", 1024, true, problems);
    }

    private static void text(JsonNode node, String field, int max, boolean required, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(field + " is required");
            }
            return;
        }
        String text = value.asText();
        if (text.isEmpty() || text.codePointCount(0, text.length()) > max) {
            problems.add(field + " must be 1-" + max + " characters: '" + text + "'");
        }
    }

    private static ResponseDefinition error(int status, int code, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("code", code);
        error.put("message", message);
        error.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        error.put("status", status);
        return responseDefinition().withStatus(status).withHeader("Content-Type", "application/json").withBody(error.toString()).build();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
