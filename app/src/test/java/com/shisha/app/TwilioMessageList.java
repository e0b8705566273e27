package com.shisha.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * Twilio's "list messages" (GET .../Messages.json?To=&From=&PageSize=) answered from what the stand-in has
 * accepted so far: the messages, newest first, in Twilio's page format. Lets the reconciliation of a send
 * interrupted by a crash ask "did Twilio get it?" exactly as it would ask Twilio.
 */
final class TwilioMessageList implements ResponseDefinitionTransformerV2 {

    static final String NAME = "twilio-message-list";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

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
        var request = serveEvent.getRequest();
        String to = request.queryParameter("To").isPresent() ? request.queryParameter("To").firstValue() : null;
        String from = request.queryParameter("From").isPresent() ? request.queryParameter("From").firstValue() : null;
        int pageSize = request.queryParameter("PageSize").isPresent() ? Integer.parseInt(request.queryParameter("PageSize").firstValue()) : 50;
        List<ServeEvent> accepted = TwilioStandIn.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST") && e.getRequest().getUrl().contains("/Messages.json"))
                .filter(e -> e.getResponse() != null && e.getResponse().getStatus() == 201)
                .sorted(Comparator.comparing((ServeEvent e) -> e.getRequest().getLoggedDate()).reversed())
                .toList();
        ArrayNode messages = JSON.createArrayNode();
        for (ServeEvent e : accepted) {
            Map<String, String> form = TwilioStandIn.form(e.getRequest());
            if ((to != null && !to.equals(form.get("To"))) || (from != null && !from.equals(form.get("From")))) {
                continue;
            }
            if (messages.size() == pageSize) {
                break;
            }
            ObjectNode m = messages.addObject();
            m.put("account_sid", TwilioStandIn.ACCOUNT_SID);
            m.put("api_version", "2010-04-01");
            // a content's message shows its rendered text, as Twilio's does: our contents' body is the variable {{1}}
            m.put("body", TwilioStandIn.shownBody(form));
            m.put("date_created", RFC_2822.format(e.getRequest().getLoggedDate().toInstant()));
            m.put("date_sent", RFC_2822.format(e.getRequest().getLoggedDate().toInstant()));
            m.put("date_updated", RFC_2822.format(e.getRequest().getLoggedDate().toInstant()));
            m.put("direction", "outbound-api");
            m.putNull("error_code");
            m.putNull("error_message");
            m.put("from", form.get("From"));
            m.put("num_media", "0");
            m.put("num_segments", "1");
            m.putNull("price");
            m.put("price_unit", "USD");
            m.put("sid", sidOf(e));
            m.put("status", "delivered");
            m.put("to", form.get("To"));
            m.put("uri", "/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Messages/" + sidOf(e) + ".json");
        }
        ObjectNode page = JSON.createObjectNode();
        String uri = "/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Messages.json?PageSize=" + pageSize;
        page.put("end", Math.max(messages.size() - 1, 0));
        page.put("first_page_uri", uri + "&Page=0");
        page.set("messages", messages);
        page.putNull("next_page_uri");
        page.put("page", 0);
        page.put("page_size", pageSize);
        page.putNull("previous_page_uri");
        page.put("start", 0);
        page.put("uri", uri + "&Page=0");
        return responseDefinition().withStatus(200).withHeader("Content-Type", "application/json").withBody(page.toString()).build();
    }

    private static String sidOf(ServeEvent e) {
        try {
            JsonNode body = JSON.readTree(e.getResponse().getBodyAsString());
            return body.path("sid").asText();
        } catch (Exception ex) {
            throw new IllegalStateException("stand-in response without a sid", ex);
        }
    }
}
