package com.shisha.channels.twilio;

import com.shisha.core.Channel;
import com.shisha.core.OutboundMessage;
import com.shisha.core.dialog.Choices;
import com.shisha.core.pipeline.ChannelSender;
import com.twilio.base.Page;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.RestException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.Domains;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends WhatsApp or SMS replies through Twilio's Messages API with twilio-java's client. A WhatsApp template goes out
 * as ContentSid and ContentVariables with no Body (Twilio renders it); on SMS, which has no templates, the
 * message's body is sent instead.
 *
 * <p>A WhatsApp reply that offers choices goes out as the content showing them (buttons or a list, {@link
 * TwilioContentApi}) with the reply's text as its variable, in one message as any reply. Such replies answer a
 * partner's message, so they leave within WhatsApp's 24-hour window like any plain reply (outside it WhatsApp takes
 * templates only, which carry no choices: {@link OutboundMessage}). The reply goes as plain text instead, which
 * names the choices too, when no content can be had, when Twilio refuses the message with it, or when the text is
 * longer than a content's body may be ({@link Choices#MAX_BODY}): one outbox row stays one message. SMS never
 * shows choices.
 *
 * <p>A message is created with a request of our own rather than the SDK's MessageCreator, which maps Twilio's whole
 * answer into a Message (dates, prices, URIs) on every reply: only the sid is read from it. Errors are read as the
 * SDK reads them.
 */
public final class TwilioMessageSender implements ChannelSender {

    /** Twilio: the recipient replied STOP; sending is blocked until they reply START. */
    static final int UNSUBSCRIBED_RECIPIENT = 21610;
    /** Twilio lists newest first; a crashed attempt is among the last few messages to that recipient. */
    private static final int RECONCILE_PAGE = 50;
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 429, 500, 502, 503, 504);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TwilioMessageSender.class);

    private final Channel channel;
    private final String defaultFrom;
    private final TwilioRestClient client;
    private final String messagesPath;
    private final URI statusCallback;
    private final TwilioContentApi contents;

    public TwilioMessageSender(Channel channel, String defaultFrom, TwilioRestClient client, URI statusCallback) {
        this(channel, defaultFrom, client, statusCallback, null);
    }

    /** @param contents makes the contents behind buttons and lists (WhatsApp only); null: choices go as plain text */
    public TwilioMessageSender(Channel channel, String defaultFrom, TwilioRestClient client, URI statusCallback,
                               TwilioContentApi contents) {
        if (channel != Channel.WHATSAPP && channel != Channel.SMS) {
            throw new IllegalArgumentException("Twilio sends WHATSAPP or SMS, not " + channel);
        }
        this.channel = channel;
        this.defaultFrom = defaultFrom;
        this.client = client;
        this.messagesPath = "/2010-04-01/Accounts/" + client.getAccountSid() + "/Messages.json";
        this.statusCallback = statusCallback;
        this.contents = channel == Channel.WHATSAPP ? contents : null;
    }

    public static TwilioRestClient client(TwilioSettings settings, int maxConnections, Duration timeout) {
        return new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(new StandInAwareHttpClient(settings.apiBaseUrl(), settings.contentBaseUrl(), maxConnections, timeout))
                .build();
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public String defaultFrom() {
        return defaultFrom;
    }

    @Override
    public Optional<String> findAlreadySent(OutboundMessage message, Set<String> knownIds, Instant since) {
        Page<Message> recent = Message.reader()
                .setTo(new PhoneNumber(to(message)))
                .setFrom(new PhoneNumber(from(message)))
                .pageSize(RECONCILE_PAGE)
                .firstPage(client);
        return recent.getRecords().stream()
                .filter(m -> message.body().equals(m.getBody()))
                .filter(m -> m.getDateCreated() == null || !m.getDateCreated().toInstant().isBefore(since))
                .map(Message::getSid)
                .filter(sid -> !knownIds.contains(sid))
                .findFirst();
    }

    private String from(OutboundMessage message) {
        return message.from() != null ? message.from() : defaultFrom;
    }

    private String to(OutboundMessage message) {
        return channel == Channel.WHATSAPP ? "whatsapp:" + message.conversation().address() : message.conversation().address();
    }

    private Request plainOrTemplate(OutboundMessage message, String to, String from) {
        Request request = newMessage(to, from);
        if (!message.isTemplate() || channel != Channel.WHATSAPP) {
            request.addPostParam("Body", message.body());
            return request;
        }
        // no Body: with ContentSid, Twilio sends the template's own text
        request.addPostParam("ContentSid", message.contentSid());
        if (!message.contentVariables().isEmpty()) {
            request.addPostParam("ContentVariables", JSON.writeValueAsString(message.contentVariables()));
        }
        return request;
    }

    /** A Messages API create, as the SDK's MessageCreator writes it, with the status callback if there is one. */
    private Request newMessage(String to, String from) {
        Request request = new Request(HttpMethod.POST, Domains.API.toString(), messagesPath);
        request.setContentType(EnumConstants.ContentType.FORM_URLENCODED);
        request.addPostParam("To", to);
        request.addPostParam("From", from);
        if (statusCallback != null) {
            request.addPostParam("StatusCallback", statusCallback.toString());
        }
        return request;
    }

    /** The content showing this reply's choices, if it is to go out with them; empty: as plain text (or a template). */
    private Optional<String> choicesContent(OutboundMessage message) {
        if (contents == null || message.choices() == null || message.isTemplate()) {
            return Optional.empty();
        }
        if (message.body().length() > Choices.MAX_BODY) {
            log.debug("outbox row {}: {} characters are more than a content's body may hold; sent as plain text",
                    message.id(), message.body().length());
            return Optional.empty();
        }
        return contents.contentFor(message.choices());
    }

    @Override
    public SendResult send(OutboundMessage message) {
        String from = from(message);
        String to = to(message);
        Optional<String> content = choicesContent(message);
        if (content.isPresent()) {
            // no Body: the content's own body, {{1}}, is the reply's text
            Request withChoices = newMessage(to, from);
            withChoices.addPostParam("ContentSid", content.get());
            withChoices.addPostParam("ContentVariables", JSON.writeValueAsString(Map.of(TwilioContentApi.BODY_VARIABLE, message.body())));
            try {
                return create(withChoices);
            } catch (ApiException e) {
                SendResult result = outcome(e);
                if (!(result instanceof SendResult.Rejected rejected) || rejected.optedOut()) {
                    return result;
                }
                // refused, so nothing went out: the same reply as plain text, now, rather than no reply
                contents.refusedOnSend(message.choices(), content.get(), e.getCode(), rejected.reason());
            } catch (ApiConnectionException e) {
                return outcome(e);
            }
        }
        try {
            return create(plainOrTemplate(message, to, from));
        } catch (ApiException e) {
            return outcome(e);
        } catch (ApiConnectionException e) {
            return outcome(e);
        }
    }

    /** @throws ApiException as MessageCreator throws it: Twilio's error, or no answer (no status code) */
    private SendResult create(Request request) {
        Response response = client.request(request);
        if (response == null) {
            throw new ApiConnectionException("Message creation failed: Unable to connect to server");
        }
        if (!TwilioRestClient.SUCCESS.test(response.getStatusCode())) {
            RestException error = RestException.fromJson(response.getStream(), client.getObjectMapper());
            throw error == null ? new ApiException("Server Error, no content", response.getStatusCode()) : new ApiException(error);
        }
        return new SendResult.Accepted(sid(response.getStream()));
    }

    /**
     * The "sid" of Twilio's answer to a create, read without mapping the rest.
     *
     * @throws ApiException (no status code: the message may have gone out) when the answer has none
     */
    static String sid(InputStream answer) {
        try (JsonParser json = JSON.createParser(answer)) {
            if (json.nextToken() == JsonToken.START_OBJECT) {
                for (String name = json.nextName(); name != null; name = json.nextName()) {
                    if (json.nextToken() == JsonToken.VALUE_STRING && name.equals("sid")) {
                        return json.getString();
                    }
                    json.skipChildren();
                }
            }
        } catch (JacksonException e) {
            throw new ApiException("Twilio's answer to a message create is not JSON: " + e.getOriginalMessage(), e);
        }
        throw new ApiException("Twilio's answer to a message create has no sid");
    }

    private static SendResult outcome(ApiException e) {
        Integer status = e.getStatusCode();
        String reason = "Twilio " + status + (e.getCode() == null ? "" : " error " + e.getCode()) + ": " + e.getMessage();
        if (status == null) {
            // no HTTP answer at all (e.g. "The target server failed to respond"): Twilio may have the message
            return new SendResult.Retry(Duration.ZERO, "no answer from Twilio: " + e.getMessage(), true);
        }
        if (RETRYABLE_STATUS.contains(status)) {
            return new SendResult.Retry(Duration.ZERO, reason, false);
        }
        return new SendResult.Rejected(reason, e.getCode() != null && e.getCode() == UNSUBSCRIBED_RECIPIENT);
    }

    private static SendResult outcome(ApiConnectionException e) {
        // the SDK reports a refused connection with the message "null"; say what happened instead
        String cause = e.getCause() == null ? String.valueOf(e.getMessage()) : e.getCause().toString();
        // a connection that failed mid-request may still have delivered it; reconcile before the next attempt
        return new SendResult.Retry(Duration.ZERO, "Twilio API unreachable: " + cause, true);
    }
}
