package com.shisha.channels.twilio;

import com.shisha.core.ApiError;
import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.Failures;
import com.shisha.core.InboundMessage;
import com.shisha.core.PhoneMask;
import com.shisha.core.Text;
import com.shisha.core.dialog.Choices;
import com.shisha.core.pipeline.DeliveryStatuses;
import com.shisha.core.pipeline.InboundIngest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Twilio's inbound webhooks. Verify the signature, store durably, answer at once with empty TwiML: the reply
 * goes out later through the REST API, so Twilio's 15-second limit is never at risk.
 *
 * <p>A servlet filter at the front of the chain that answers the two webhook POSTs itself, not a Spring MVC
 * controller: the webhook is the hottest path (every partner message, and again for every delivery status), it
 * is machine-to-machine with a fixed shape, and behind the controller the filter chain and the dispatcher
 * (observation, form and request-context filters, handler lookup, argument resolution) cost a third of a
 * webhook's request thread. Answering here raised the webhooks acknowledged per second by ~10 % and cut the CPU
 * of a whole turn by ~5 % (bench/README.md). Other methods on these paths get a 405 here; other paths
 * go on down the chain. Because the observation filter never sees these requests, they are timed here:
 * {@code shisha.webhooks} with tags {@code endpoint} (messaging, status) and {@code outcome}.
 */
public final class TwilioWebhooks implements Filter {

    public static final String MESSAGING = "/webhooks/twilio/messaging";
    public static final String STATUS = "/webhooks/twilio/status";

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    private static final byte[] EMPTY_TWIML_BYTES = EMPTY_TWIML.getBytes(StandardCharsets.UTF_8);
    private static final String TWIML_CONTENT_TYPE = "text/xml;charset=UTF-8";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SID = Pattern.compile("(SM|MM|SMS|WA)[0-9A-Za-z]{10,64}");
    private static final String WHATSAPP = "whatsapp:";
    /** E.164 as Twilio writes it: +, then up to 15 digits, the first not 0. Anything else is no partner of ours. */
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern ERROR_CODE = Pattern.compile("[0-9]{1,10}");
    private static final Pattern STATUS_NAME = Pattern.compile("[a-z_]{3,20}");
    private static final int MAX_MEDIA = 10;

    /** How a webhook was answered (the {@code outcome} tag). */
    enum Outcome { STORED, DUPLICATE, RECORDED, FORBIDDEN, BAD_REQUEST, UNAVAILABLE }

    private final InboundIngest ingest;
    private final DeliveryStatuses statuses;
    private final TwilioSignature signature;
    private final String publicBase;
    private final String accountSid;
    private final Map<Outcome, Timer> messagingTimers = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Timer> statusTimers = new EnumMap<>(Outcome.class);

    public TwilioWebhooks(InboundIngest ingest, DeliveryStatuses statuses, TwilioSettings settings, MeterRegistry meters) {
        this.ingest = ingest;
        this.statuses = statuses;
        this.signature = new TwilioSignature(settings.authToken());
        this.accountSid = settings.accountSid();
        String base = settings.publicBaseUrl().toString();
        this.publicBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        for (Outcome o : Outcome.values()) {
            messagingTimers.put(o, timer(meters, "messaging", o));
            statusTimers.put(o, timer(meters, "status", o));
        }
    }

    private static Timer timer(MeterRegistry meters, String endpoint, Outcome outcome) {
        return Timer.builder("shisha.webhooks").description("Twilio webhooks answered, by endpoint and outcome")
                .tag("endpoint", endpoint).tag("outcome", outcome.name().toLowerCase()).register(meters);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean messaging = MESSAGING.equals(path);
        if (!messaging && !STATUS.equals(path)) {
            chain.doFilter(req, res);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            json(response, new ApiError("method_not_allowed", request.getMethod() + " is not supported here", 405));
            return;
        }
        long start = System.nanoTime();
        // Twilio posts UTF-8 (the character-encoding filter, which would set this, comes later in the chain)
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Outcome outcome = answer(request, response, messaging);
        (messaging ? messagingTimers : statusTimers).get(outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** Both webhooks: a form Twilio signed, then what the endpoint does with it. */
    private Outcome answer(HttpServletRequest request, HttpServletResponse response, boolean messaging) throws IOException {
        Map<String, String[]> params = formOf(request);
        if (params == null) {
            return badRequest(response, "the form body could not be decoded (invalid percent-encoding or charset)");
        }
        if (!verified(signature, publicBase, request, response, params) || !ours(request, response, params, messaging)) {
            return Outcome.FORBIDDEN;
        }
        return messaging ? inbound(params, response) : status(params, response);
    }

    private Outcome inbound(Map<String, String[]> params, HttpServletResponse response) throws IOException {
        String sid = first(params, "MessageSid", first(params, "SmsMessageSid", null));
        String from = first(params, "From", null);
        String to = first(params, "To", null);
        if (sid == null || !SID.matcher(sid).matches()) {
            return badRequest(response, "MessageSid is missing or malformed");
        }
        if (from == null || to == null) {
            return badRequest(response, "From and To are required");
        }
        Channel channel = from.startsWith(WHATSAPP) ? Channel.WHATSAPP : Channel.SMS;
        String address = channel == Channel.WHATSAPP ? from.substring(WHATSAPP.length()) : from;
        if (!E164.matcher(address).matches()) {
            return badRequest(response, "From must be whatsapp:+<digits> or +<digits> (E.164)");
        }
        // our number on the sender's channel: replies go out from it, so it must be one Twilio could have used
        boolean toOnChannel = (channel == Channel.WHATSAPP) == to.startsWith(WHATSAPP);
        if (!toOnChannel || !E164.matcher(channel == Channel.WHATSAPP ? to.substring(WHATSAPP.length()) : to).matches()) {
            return badRequest(response, "To must be " + (channel == Channel.WHATSAPP ? "whatsapp:+<digits>" : "+<digits>")
                    + " (E.164), on the same channel as From");
        }
        String tapped = tapped(params, sid);
        String body = Text.withoutControls(first(params, "Body", ""));
        if (body.isBlank() && tapped != null) {
            // the tap's title is what the partner sees in the chat; dialogs that read only text understand it too
            body = first(params, "ButtonText", first(params, "ListTitle", ""));
        }
        InboundMessage message = new InboundMessage(sid, new ConversationKey(channel, address), to, body, media(params),
                first(params, "ProfileName", null), Instant.now(), null, tapped);
        InboundIngest.Outcome outcome;
        try {
            outcome = ingest.accept(message);
        } catch (RuntimeException e) {
            // not stored: answer so that Twilio retries the same MessageSid later (it does on 5xx), never 200
            log.error("could not store {} from {}; answering 503 so Twilio retries: {}", sid, PhoneMask.mask(address),
                    Failures.withoutMessages(e));
            response.setHeader("Retry-After", "5");
            json(response, new ApiError("unavailable", "the message could not be stored right now; retry later", 503));
            return Outcome.UNAVAILABLE;
        }
        if (outcome == InboundIngest.Outcome.DUPLICATE) {
            log.info("duplicate delivery of {} from {} acknowledged, not processed again", sid, PhoneMask.mask(address));
        }
        twiml(response);
        return outcome == InboundIngest.Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.STORED;
    }

    private Outcome status(Map<String, String[]> params, HttpServletResponse response) throws IOException {
        String sid = first(params, "MessageSid", first(params, "SmsSid", null));
        String status = first(params, "MessageStatus", first(params, "SmsStatus", null));
        if (sid == null || !SID.matcher(sid).matches() || status == null || !STATUS_NAME.matcher(status).matches()) {
            return badRequest(response, "MessageSid and MessageStatus are required");
        }
        String errorCode = first(params, "ErrorCode", null);
        if (errorCode != null && !ERROR_CODE.matcher(errorCode).matches()) {
            // Twilio's error codes are numbers; anything else is recorded as no code rather than stored as given
            log.warn("status {} of {} came with an ErrorCode that is not a number; recorded without it", status, sid);
            errorCode = null;
        }
        if (!statuses.record(sid, status, errorCode)) {
            log.debug("status {} of {} seen before", status, sid);
        }
        if (errorCode != null) {
            log.warn("message {} reported {} with Twilio error {}", sid, status, errorCode);
        }
        twiml(response);
        return Outcome.RECORDED;
    }

    /** The form parameters, or null when the servlet container cannot decode them (it throws on the first access). */
    static Map<String, String[]> formOf(HttpServletRequest request) {
        try {
            return request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.warn("refused {}: undecodable form ({})", request.getRequestURI(), e.getMessage());
            return null;
        }
    }

    /** Whether the signature is valid; when not, the 403 is written. */
    static boolean verified(TwilioSignature signature, String publicBase, HttpServletRequest request, HttpServletResponse response,
                            Map<String, String[]> params) throws IOException {
        String url = publicBase + request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        // the query string is part of the signed URL, not of the signed parameters
        Map<String, String[]> bodyParams = request.getQueryString() == null ? params : withoutQuery(request, params);
        if (signature.valid(request.getHeader("X-Twilio-Signature"), url, bodyParams)) {
            return true;
        }
        log.warn("refused {} from {}: {} X-Twilio-Signature", request.getRequestURI(), request.getRemoteAddr(),
                request.getHeader("X-Twilio-Signature") == null ? "missing" : "invalid");
        json(response, new ApiError("forbidden", "missing or invalid X-Twilio-Signature", 403));
        return false;
    }

    /**
     * Whether the webhook is about our Twilio account; when not, the 403 is written. The signature says who holds
     * the token, the AccountSid whose message it is: with a token that leaked or is shared by several projects, a
     * webhook of another account pointed at us must still never become a partner's message or a delivery status.
     */
    private boolean ours(HttpServletRequest request, HttpServletResponse response, Map<String, String[]> params,
                         boolean messaging) throws IOException {
        String given = first(params, "AccountSid", null);
        if (accountSid.equals(given)) {
            return true;
        }
        String sid = first(params, "MessageSid", first(params, messaging ? "SmsMessageSid" : "SmsSid", null));
        String who = messaging ? first(params, "From", null) : first(params, "To", null);
        log.warn("refused {} {} ({} {}): AccountSid {}", request.getRequestURI(), sid == null || !SID.matcher(sid).matches() ? "-" : sid,
                messaging ? "from" : "to", PhoneMask.mask(Text.withoutControls(who)),
                given == null ? "is missing" : "is not our TWILIO_ACCOUNT_SID");
        json(response, new ApiError("forbidden", "the webhook is not for this Twilio account", 403));
        return false;
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

    /**
     * The id of the choice the partner tapped: ButtonPayload for a quick-reply button, ListId for a list item (the id
     * our content gave it). Null when typed, or when the id is not one we could have given (then the text stands).
     */
    private static String tapped(Map<String, String[]> params, String sid) {
        String id = first(params, "ButtonPayload", null);
        if (id == null || id.isBlank()) {
            id = first(params, "ListId", null);
        }
        if (id == null || id.isBlank()) {
            return null;
        }
        if (id.length() > Choices.MAX_ID) {
            log.warn("message {}: a tapped choice id of {} characters is longer than any we give; read as typed text", sid, id.length());
            return null;
        }
        return id;
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

    static String first(Map<String, String[]> params, String name, String fallback) {
        String[] values = params.get(name);
        return values == null || values.length == 0 ? fallback : values[0];
    }

    private static void twiml(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(TWIML_CONTENT_TYPE);
        response.setContentLength(EMPTY_TWIML_BYTES.length);
        response.getOutputStream().write(EMPTY_TWIML_BYTES);
    }

    static void json(HttpServletResponse response, ApiError error) throws IOException {
        byte[] body = JSON.writeValueAsBytes(error);
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static Outcome badRequest(HttpServletResponse response, String why) throws IOException {
        log.warn("refused a signed Twilio webhook: {}", why);
        json(response, new ApiError("bad_request", why, 400));
        return Outcome.BAD_REQUEST;
    }
}
