package com.shisha.channels.twilio;

import com.shisha.core.ApiError;
import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.InboundMessage;
import com.shisha.core.PhoneMask;
import com.shisha.core.pipeline.DeliveryStatuses;
import com.shisha.core.pipeline.InboundIngest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Twilio's inbound webhooks. Verify the signature, store durably, answer at once with empty TwiML: the reply
 * goes out later through the REST API, so Twilio's 15-second limit is never at risk.
 */
@RestController
public class TwilioWebhookController {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    private static final byte[] EMPTY_TWIML_BYTES = EMPTY_TWIML.getBytes(StandardCharsets.UTF_8);
    private static final String TWIML_CONTENT_TYPE = "text/xml;charset=UTF-8";
    private static final Pattern SID = Pattern.compile("(SM|MM|SMS|WA)[0-9A-Za-z]{10,64}");
    private static final Pattern ADDRESS = Pattern.compile("\\+?[0-9]{6,15}");
    private static final Pattern STATUS = Pattern.compile("[a-z_]{3,20}");
    private static final int MAX_MEDIA = 10;

    private final InboundIngest ingest;
    private final DeliveryStatuses statuses;
    private final TwilioSignature signature;
    private final String publicBase;

    public TwilioWebhookController(InboundIngest ingest, DeliveryStatuses statuses, TwilioSettings settings) {
        this.ingest = ingest;
        this.statuses = statuses;
        this.signature = new TwilioSignature(settings.authToken());
        String base = settings.publicBaseUrl().toString();
        this.publicBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @PostMapping(path = "/webhooks/twilio/messaging")
    public ResponseEntity<?> inbound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String[]> params = formOf(request);
        if (params == null) {
            return badRequest("the form body could not be decoded (invalid percent-encoding or charset)");
        }
        ResponseEntity<?> refused = verify(request, params);
        if (refused != null) {
            return refused;
        }
        String sid = first(params, "MessageSid", first(params, "SmsMessageSid", null));
        String from = first(params, "From", null);
        String to = first(params, "To", null);
        if (sid == null || !SID.matcher(sid).matches()) {
            return badRequest("MessageSid is missing or malformed");
        }
        if (from == null || to == null) {
            return badRequest("From and To are required");
        }
        Channel channel = from.startsWith("whatsapp:") ? Channel.WHATSAPP : Channel.SMS;
        String address = channel == Channel.WHATSAPP ? from.substring("whatsapp:".length()) : from;
        if (!ADDRESS.matcher(address).matches()) {
            return badRequest("From is not a phone number");
        }
        InboundMessage message = new InboundMessage(sid, new ConversationKey(channel, address), to,
                first(params, "Body", ""), media(params), first(params, "ProfileName", null), Instant.now());
        InboundIngest.Outcome outcome;
        try {
            outcome = ingest.accept(message);
        } catch (RuntimeException e) {
            // not stored: answer so that Twilio retries the same MessageSid later (it does on 5xx), never 200
            log.error("could not store {} from {}; answering 503 so Twilio retries: {}", sid, PhoneMask.mask(address), e.toString());
            return ResponseEntity.status(503).header("Retry-After", "5").contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError("unavailable", "the message could not be stored right now; retry later", 503));
        }
        if (outcome == InboundIngest.Outcome.DUPLICATE) {
            log.info("duplicate delivery of {} from {} acknowledged, not processed again", sid, PhoneMask.mask(address));
        }
        return twiml(response);
    }

    @PostMapping(path = "/webhooks/twilio/status")
    public ResponseEntity<?> status(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String[]> params = formOf(request);
        if (params == null) {
            return badRequest("the form body could not be decoded (invalid percent-encoding or charset)");
        }
        ResponseEntity<?> refused = verify(request, params);
        if (refused != null) {
            return refused;
        }
        String sid = first(params, "MessageSid", first(params, "SmsSid", null));
        String status = first(params, "MessageStatus", first(params, "SmsStatus", null));
        if (sid == null || !SID.matcher(sid).matches() || status == null || !STATUS.matcher(status).matches()) {
            return badRequest("MessageSid and MessageStatus are required");
        }
        String errorCode = first(params, "ErrorCode", null);
        if (!statuses.record(sid, status, errorCode)) {
            log.debug("status {} of {} seen before", status, sid);
        }
        if (errorCode != null) {
            log.warn("message {} reported {} with Twilio error {}", sid, status, errorCode);
        }
        return twiml(response);
    }

    /** The form parameters, or null when the servlet container cannot decode them (it throws on the first access). */
    private static Map<String, String[]> formOf(HttpServletRequest request) {
        try {
            return request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.warn("refused {}: undecodable form ({})", request.getRequestURI(), e.getMessage());
            return null;
        }
    }

    private ResponseEntity<?> verify(HttpServletRequest request, Map<String, String[]> params) {
        String url = publicBase + request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        // the query string is part of the signed URL, not of the signed parameters
        Map<String, String[]> bodyParams = request.getQueryString() == null ? params : withoutQuery(request, params);
        if (!signature.valid(request.getHeader("X-Twilio-Signature"), url, bodyParams)) {
            log.warn("refused {} from {}: {} X-Twilio-Signature", request.getRequestURI(), request.getRemoteAddr(),
                    request.getHeader("X-Twilio-Signature") == null ? "missing" : "invalid");
            return ResponseEntity.status(403).contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError("forbidden", "missing or invalid X-Twilio-Signature", 403));
        }
        return null;
    }

    private static Map<String, String[]> withoutQuery(HttpServletRequest request, Map<String, String[]> params) {
        var query = org.springframework.web.util.UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams();
        var result = new java.util.HashMap<>(params);
        query.keySet().forEach(name -> {
            String[] all = result.get(name);
            if (all != null && all.length <= query.get(name).size()) {
                result.remove(name);
            }
        });
        return result;
    }

    private static List<InboundMessage.Media> media(Map<String, String[]> params) {
        int count;
        try {
            count = Math.min(Integer.parseInt(first(params, "NumMedia", "0")), MAX_MEDIA);
        } catch (NumberFormatException e) {
            count = 0;
        }
        List<InboundMessage.Media> media = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String url = first(params, "MediaUrl" + i, null);
            if (url != null) {
                media.add(new InboundMessage.Media(url, first(params, "MediaContentType" + i, "application/octet-stream")));
            }
        }
        return media;
    }

    private static String first(Map<String, String[]> params, String name, String fallback) {
        String[] values = params.get(name);
        return values == null || values.length == 0 ? fallback : values[0];
    }

    /**
     * Writes the empty TwiML itself; the null return tells Spring MVC the response is handled. Through a
     * ResponseEntity, content negotiation and the message converters took 12 % of a webhook thread's CPU (profile,
     * session 6), for a constant body on the hottest path. Errors keep ResponseEntity and its JSON body.
     */
    private static ResponseEntity<?> twiml(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(TWIML_CONTENT_TYPE);
        response.setContentLength(EMPTY_TWIML_BYTES.length);
        response.getOutputStream().write(EMPTY_TWIML_BYTES);
        return null;
    }

    private static ResponseEntity<?> badRequest(String why) {
        log.warn("refused a signed Twilio webhook: {}", why);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(new ApiError("bad_request", why, 400));
    }
}
