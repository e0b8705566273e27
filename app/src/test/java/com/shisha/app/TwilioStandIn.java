package com.shisha.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * WireMock speaking Twilio's Messages API: POST /2010-04-01/Accounts/{AccountSid}/Messages.json (form
 * encoded To, From, and Body or ContentSid/ContentVariables) answered with 201 and Twilio's Message resource
 * JSON; and its Content API: POST /v1/Content (JSON) answered with 201 and the Content resource, DELETE
 * /v1/Content/{sid} with 204 ({@link TwilioContentCreate}). Both on one port: the app, given this stand-in as
 * TWILIO_API_BASE_URL, sends the Content API's requests here too. One per test JVM.
 */
final class TwilioStandIn {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    static final String CONTENT_PATH = "/v1/Content";
    private static final String MESSAGE_JSON = """
            {"account_sid": "%s", "api_version": "2010-04-01", "body": "(the stand-in does not echo bodies)",
             "date_created": "{{now format='EEE, dd MMM yyyy HH:mm:ss +0000' timezone='UTC'}}", "date_sent": null,
             "date_updated": "{{now format='EEE, dd MMM yyyy HH:mm:ss +0000' timezone='UTC'}}",
             "direction": "outbound-api", "error_code": null, "error_message": null,
             "from": "{{formData request.body 'form' urlDecode=true}}{{form.From}}",
             "messaging_service_sid": null, "num_media": "0", "num_segments": "1", "price": null, "price_unit": "USD",
             "sid": "SM{{randomValue length=32 type='HEXADECIMAL'}}", "status": "queued",
             "subresource_uris": {"media": "/2010-04-01/Accounts/%s/Messages/SMxx/Media.json"},
             "to": "{{{form.To}}}", "uri": "/2010-04-01/Accounts/%s/Messages/SMxx.json"}
            """.formatted(ACCOUNT_SID, ACCOUNT_SID, ACCOUNT_SID);

    /** Twilio's answer to POST .../Calls.json (API reference: the Call resource), the call just queued. */
    private static final String CALL_JSON = """
            {"account_sid": "%1$s", "annotation": null, "answered_by": null, "api_version": "2010-04-01",
             "caller_name": null, "date_created": "{{now format='EEE, dd MMM yyyy HH:mm:ss +0000' timezone='UTC'}}",
             "date_updated": "{{now format='EEE, dd MMM yyyy HH:mm:ss +0000' timezone='UTC'}}", "direction": "outbound-api",
             "duration": null, "end_time": null, "forwarded_from": null,
             "from": "{{formData request.body 'form' urlDecode=true}}{{form.From}}", "from_formatted": "{{form.From}}",
             "group_sid": null, "parent_call_sid": null, "phone_number_sid": null, "price": null, "price_unit": "USD",
             "sid": "CA{{randomValue length=32 type='HEXADECIMAL'}}", "start_time": null, "status": "queued",
             "subresource_uris": {}, "to": "{{{form.To}}}", "to_formatted": "{{{form.To}}}", "trunk_sid": null,
             "uri": "/2010-04-01/Accounts/%1$s/Calls/CAxx.json", "queue_time": "0"}
            """.formatted(ACCOUNT_SID);

    private static WireMockServer server;

    static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                    .globalTemplating(true).containerThreads(64).jettyAcceptors(2)
                    .extensions(new TwilioMessageList(), new TwilioContentCreate()));
            server.start();
            acceptAll();
        }
        return server;
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + server().port();
    }

    /** Twilio's answer to GET /2010-04-01/Accounts/{AccountSid}.json, as its API reference shows it. */
    static final String ACCOUNT_JSON = """
            {"auth_token": "redacted", "date_created": "Thu, 13 Aug 2015 20:09:49 +0000",
             "date_updated": "Thu, 13 Aug 2015 20:09:49 +0000", "friendly_name": "SHISHA test account",
             "owner_account_sid": "%1$s", "sid": "%1$s", "status": "active",
             "subresource_uris": {"messages": "/2010-04-01/Accounts/%1$s/Messages.json"},
             "type": "Full", "uri": "/2010-04-01/Accounts/%1$s.json"}
            """.formatted(ACCOUNT_SID);

    /** The default behaviour: every send is accepted. Tests that change it restore it. */
    static void acceptAll() {
        server().stubFor(WireMock.get(urlEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + ".json"))
                .withBasicAuth(ACCOUNT_SID, AbstractPipelineTest.AUTH_TOKEN)
                .atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(ACCOUNT_JSON)));
        server().stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json"))
                .withBasicAuth(ACCOUNT_SID, AbstractPipelineTest.AUTH_TOKEN)
                .atPriority(10)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(MESSAGE_JSON)));
        server().stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Calls.json"))
                .withBasicAuth(ACCOUNT_SID, AbstractPipelineTest.AUTH_TOKEN)
                .atPriority(10)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(CALL_JSON)));
        server().stubFor(WireMock.get(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json"))
                .withBasicAuth(ACCOUNT_SID, AbstractPipelineTest.AUTH_TOKEN)
                .atPriority(10)
                .willReturn(aResponse().withTransformers(TwilioMessageList.NAME)));
        server().stubFor(post(urlEqualTo(CONTENT_PATH))
                .withBasicAuth(ACCOUNT_SID, AbstractPipelineTest.AUTH_TOKEN)
                .withHeader("Content-Type", containing("application/json"))
                .atPriority(10)
                .willReturn(aResponse().withTransformers(TwilioContentCreate.NAME)));
        server().stubFor(WireMock.delete(urlPathMatching(CONTENT_PATH + "/HX[0-9a-f]{32}"))
                .withBasicAuth(ACCOUNT_SID, AbstractPipelineTest.AUTH_TOKEN)
                .atPriority(10)
                .willReturn(aResponse().withStatus(204)));
    }

    /** Every content the app asked the Content API to create whose JSON contains {@code marker}, oldest first. */
    static List<JsonNode> contentsCreatedWith(String marker) {
        return server().findAll(postRequestedFor(urlEqualTo(CONTENT_PATH))).stream()
                .map(LoggedRequest::getBodyAsString)
                .filter(body -> body.contains(marker))
                .map(TwilioStandIn::json)
                .toList();
    }

    /** The sids the stand-in gave the contents whose JSON contains {@code marker}. */
    static List<String> contentSidsCreatedWith(String marker) {
        return server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST") && e.getRequest().getUrl().equals(CONTENT_PATH))
                .filter(e -> e.getRequest().getBodyAsString().contains(marker))
                .filter(e -> e.getResponse() != null && e.getResponse().getStatus() == 201)
                .map(e -> json(e.getResponse().getBodyAsString()).get("sid").asText())
                .toList();
    }

    /** The sids of the contents the app deleted. */
    static List<String> contentsDeleted() {
        return server().findAll(WireMock.deleteRequestedFor(urlPathMatching(CONTENT_PATH + "/.*"))).stream()
                .map(r -> r.getUrl().substring(CONTENT_PATH.length() + 1))
                .toList();
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a message to the stand-in as if an earlier (crashed) attempt of ours had reached Twilio. */
    static void acceptDirectly(String to, String from, String body) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + MESSAGES_PATH))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (ACCOUNT_SID + ":" + AbstractPipelineTest.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("To=" + java.net.URLEncoder.encode(to, StandardCharsets.UTF_8)
                            + "&From=" + java.net.URLEncoder.encode(from, StandardCharsets.UTF_8)
                            + "&Body=" + java.net.URLEncoder.encode(body, StandardCharsets.UTF_8)))
                    .build();
            var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("stand-in refused: " + response.statusCode() + " " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A message as Twilio received it. {@code body} is what the partner reads: the Body, or for a content (the
     * interactive buttons and lists) the text its variable {@code 1} carries.
     */
    record Sent(String to, String from, String body, String statusCallback, String contentSid) {
    }

    static List<Sent> sentTo(String to) {
        return server().findAll(postRequestedFor(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json")))
                .stream()
                .map(TwilioStandIn::parse)
                .filter(s -> to.equals(s.to()))
                .toList();
    }

    /** Every form posted to our account's Messages resource for this recipient, oldest first, as Twilio got it. */
    static List<Map<String, String>> formsPostedTo(String to) {
        return server().findAll(postRequestedFor(urlEqualTo(MESSAGES_PATH)))
                .stream()
                .map(TwilioStandIn::form)
                .filter(f -> to.equals(f.get("To")))
                .toList();
    }

    /** A call the app asked Twilio to place: the form it posted and the sid the stand-in gave the call. */
    record Placed(Map<String, String> form, String sid) {
    }

    /** Calls to this number are queued as {@code sid}, and Twilio takes {@code delayMillis} to say so. */
    static void placesCallsSlowly(String to, String sid, int delayMillis) {
        server().stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Calls.json"))
                .withBasicAuth(ACCOUNT_SID, AbstractPipelineTest.AUTH_TOKEN)
                .withRequestBody(containing("To=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8)))
                .atPriority(1)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withFixedDelay(delayMillis)
                        .withBody(CALL_JSON.replaceFirst("CA\\{\\{randomValue[^}]*}}", sid))));
    }

    /** The calls placed to this number, oldest first. */
    static List<Placed> callsPlacedTo(String to) {
        return server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST") && e.getRequest().getUrl().endsWith("/Calls.json"))
                .filter(e -> e.getResponse() != null && e.getResponse().getStatus() == 201)
                .map(e -> new Placed(form(e.getRequest()), json(e.getResponse().getBodyAsString()).get("sid").asText()))
                .filter(p -> to.equals(p.form().get("To")))
                .sorted(java.util.Comparator.comparing(p -> p.form().get("Url")))
                .toList();
    }

    static List<Sent> awaitSent(String to, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Sent> sent = sentTo(to);
        while (sent.size() < count && System.nanoTime() < deadline) {
            sleep(20);
            sent = sentTo(to);
        }
        return sent;
    }

    /** The calls placed to this number, once there is one or the timeout has passed. */
    static List<Placed> awaitCallsPlaced(String to, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Placed> placed = callsPlacedTo(to);
        while (placed.isEmpty() && System.nanoTime() < deadline) {
            sleep(50);
            placed = callsPlacedTo(to);
        }
        return placed;
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static Sent parse(LoggedRequest request) {
        Map<String, String> f = form(request);
        return new Sent(f.get("To"), f.get("From"), shownBody(f), f.get("StatusCallback"), f.get("ContentSid"));
    }

    /** The text the partner reads: the Body, or for one of our contents the text its variable {@code 1} carries. */
    static String shownBody(Map<String, String> f) {
        String body = f.get("Body");
        if (body == null && f.get("ContentVariables") != null) {
            try {
                body = new ObjectMapper().readTree(f.get("ContentVariables")).path("1").asText(null);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("ContentVariables is not JSON: " + f.get("ContentVariables"), e);
            }
        }
        return body;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static WireMock client() {
        return new WireMock(server());
    }

    private TwilioStandIn() {
    }
}
