package com.shisha.web.api;

import com.shisha.core.Language;
import com.shisha.core.NamesInHindi;
import com.shisha.core.call.LeadCalls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;

/**
 * The partner's calls to leads through SHISHA: the history (searchable by the lead's name and by what was said),
 * one call whole (transcript, tips, summary), thumbs on a tip, and the live stream of tips while a call goes on.
 */
@RestController
@RequestMapping(path = "/api/v1/calls", produces = "application/json")
@Tag(name = "calls")
class CallsController {

    private static final int MAX_QUERY = 200;

    private final LeadCalls calls;
    private final LiveTipsHub live;
    private final Me me;
    private final NamesInHindi names;

    CallsController(LeadCalls calls, LiveTipsHub live, Me me, NamesInHindi names) {
        this.calls = calls;
        this.live = live;
        this.me = me;
        this.names = names;
    }

    record CallsView(List<Views.LeadCallView> items, int size) {
    }

    /** @param useful thumbs up (true) or down (false) */
    record FeedbackBody(@NotNull Boolean useful) {
    }

    @GetMapping
    @Operation(summary = "The partner's calls to leads, newest first; q keeps those whose lead, summary, transcript or tips contain every word")
    CallsView list(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @RequestParam(defaultValue = "") String q,
                   @RequestParam(defaultValue = "20") int size) {
        if (size < 1 || size > 100) {
            throw ApiException.badRequest("size must be from 1 to 100");
        }
        if (q.length() > MAX_QUERY) {
            throw ApiException.badRequest("q is at most " + MAX_QUERY + " characters");
        }
        Language language = me.account(partnerId).language();
        List<Views.LeadCallView> items = calls.search(partnerId, q.strip(), size).stream()
                .map(c -> named(Views.LeadCallView.of(c), language)).toList();
        return new CallsView(items, items.size());
    }

    @GetMapping("/{callId}")
    @Operation(summary = "One of the partner's calls: its transcript (both sides), the tips shown live, and its summary")
    Views.CallDetailView one(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @PathVariable long callId) {
        Language language = me.account(partnerId).language();
        LeadCalls.Detail detail = calls.detail(partnerId, callId).orElseThrow(() -> ApiException.notFound("call " + callId));
        return Views.CallDetailView.of(detail, names.person(language, detail.call().leadName()));
    }

    @PostMapping(path = "/{callId}/tips/{tipId}/feedback", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Thumbs up or down on a tip shown during a call")
    void feedback(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @PathVariable long callId,
                  @PathVariable long tipId, @Valid @RequestBody FeedbackBody body) {
        boolean ofThisCall = calls.detail(partnerId, callId).map(d -> d.tips().stream().anyMatch(t -> t.id() == tipId)).orElse(false);
        if (!ofThisCall || !calls.feedback(partnerId, tipId, body.useful())) {
            throw ApiException.notFound("tip " + tipId + " of call " + callId);
        }
    }

    @GetMapping(path = "/live", produces = "text/event-stream")
    @Operation(summary = "Server-Sent Events while the partner is on a call through SHISHA: 'tip' (an objection, question or buying"
            + " signal heard, with what to say) and 'ended' (with the call's summary)")
    SseEmitter live(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId) {
        return live.listen(partnerId);
    }

    private Views.LeadCallView named(Views.LeadCallView c, Language language) {
        return new Views.LeadCallView(c.id(), c.leadId(), names.person(language, c.leadName()), c.status(), c.recorded(),
                c.requestedAt(), c.endedAt(), c.seconds());
    }
}
