package com.shisha.channels.web;

import com.shisha.core.ApiError;
import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.Failures;
import com.shisha.core.InboundMessage;
import com.shisha.core.Text;
import com.shisha.core.channel.WebChatIdentity;
import com.shisha.core.dialog.Choices;
import com.shisha.core.pipeline.InboundIngest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The web chat channel behind the portal's simulator: the bot as a phone number, through the same inbox, dialogs
 * and outbox as WhatsApp. Open to anyone as any number in development; where it needs a sign-in, a gate in front
 * of it puts the signed-in partner's number on the request ({@link WebChatIdentity}) and only that number is served. Conversations are keyed "web:+91...", apart from WhatsApp's.
 */
@RestController
public class WebChatController {

    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final InboundIngest ingest;
    private final WebChatHub hub;

    public WebChatController(InboundIngest ingest, WebChatHub hub) {
        this.ingest = ingest;
        this.hub = hub;
    }

    /**
     * @param text   what the partner typed, or the title of the choice tapped (shown in the chat)
     * @param choice the id of the choice tapped, from the reply's {@code choices}; with it the text may be left out
     */
    public record WebMessage(String phone, String text, String clientMessageId, String choice) {
    }

    public record Accepted(String messageId, String status) {
    }

    @PostMapping(path = "/api/v1/webchat/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED) // what the API docs declare
    public ResponseEntity<?> send(@RequestBody WebMessage body, jakarta.servlet.http.HttpServletRequest request) {
        if (body == null || body.phone() == null || !PHONE.matcher(body.phone()).matches()) {
            return error("phone must be in E.164 form: + and 8 to 15 digits, e.g. +919812345678");
        }
        Optional<ResponseEntity<ApiError>> notYours = notYours(request, body.phone());
        if (notYours.isPresent()) {
            return notYours.get();
        }
        String choice = body.choice() == null || body.choice().isEmpty() ? null : body.choice();
        if (choice != null && (choice.isBlank() || choice.length() > Choices.MAX_ID || CONTROL.matcher(choice).find())) {
            return error("choice must be the id of a choice offered, 1 to " + Choices.MAX_ID + " characters");
        }
        // stripped before it is judged: a text of nothing but control characters is an empty text
        String typed = Text.withoutControls(body.text());
        if ((typed == null || typed.isBlank()) && choice == null) {
            return error("text must not be empty");
        }
        if (typed != null && typed.length() > InboundMessage.MAX_TEXT) {
            return error("text is longer than " + InboundMessage.MAX_TEXT + " characters");
        }
        // a tap without a title reads as its id typed, so a dialog that reads only text still gets something exact
        String text = typed == null || typed.isBlank() ? choice : typed;
        // a client id makes a retried POST idempotent; without one every POST is a new message
        String id = body.clientMessageId() != null && body.clientMessageId().matches("[A-Za-z0-9_-]{8,64}")
                ? "web-" + body.phone() + "-" + body.clientMessageId() : "web-" + UUID.randomUUID();
        InboundIngest.Outcome outcome;
        try {
            outcome = ingest.accept(new InboundMessage(id, new ConversationKey(Channel.WEB, body.phone()),
                    WebChatSender.FROM, text, List.of(), null, Instant.now(), null, choice));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(WebChatController.class).error("could not store web chat message {}: {}", id, Failures.withoutMessages(e));
            return ResponseEntity.status(503).header("Retry-After", "5").contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError("unavailable", "the message could not be stored right now; please send it again", 503));
        }
        return ResponseEntity.accepted().body(new Accepted(id, outcome == InboundIngest.Outcome.ACCEPTED ? "accepted" : "duplicate"));
    }

    @GetMapping(path = "/api/v1/webchat/stream")
    public Object stream(@RequestParam(name = "phone", required = false) String phone,
                         jakarta.servlet.http.HttpServletRequest request) {
        if (phone == null || !PHONE.matcher(phone).matches()) {
            return error("phone must be in E.164 form: + and 8 to 15 digits, e.g. +919812345678");
        }
        Optional<ResponseEntity<ApiError>> notYours = notYours(request, phone);
        if (notYours.isPresent()) {
            return notYours.get();
        }
        return hub.listen(phone);
    }

    /** Where the web chat needs a sign-in, a partner chats (and reads the replies) as their own number only. */
    private static Optional<ResponseEntity<ApiError>> notYours(jakarta.servlet.http.HttpServletRequest request, String phone) {
        Object own = request.getAttribute(WebChatIdentity.SIGNED_IN_PHONE);
        if (own == null || own.equals(phone)) {
            return Optional.empty();
        }
        org.slf4j.LoggerFactory.getLogger(WebChatController.class).warn("web chat as {} refused: signed in as {}",
                com.shisha.core.PhoneMask.mask(phone), com.shisha.core.PhoneMask.mask(own.toString()));
        return Optional.of(ResponseEntity.status(403).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("forbidden", "you can chat only as your own number", 403)));
    }

    private static ResponseEntity<ApiError> error(String message) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(new ApiError("bad_request", message, 400));
    }
}
