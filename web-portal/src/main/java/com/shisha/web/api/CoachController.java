package com.shisha.web.api;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.PartnerProfile;
import com.shisha.core.coach.Coach;
import com.shisha.core.coach.CoachReply;
import com.shisha.core.coach.CoachRequest;
import com.shisha.core.companion.PartnerAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Coach chat through the same {@link Coach} as WhatsApp's menu 3. The partner's WhatsApp conversation key is
 * used, so the coach keeps one history per partner whichever channel they ask on.
 */
@RestController
@RequestMapping(path = "/api/v1/coach", produces = "application/json")
@Tag(name = "coach")
class CoachController {

    /** The app scrolls, so its answers are not paged; the coach still puts the key sentences within this first. */
    static final int MAX_ANSWER_CHARS = 4096;

    private final Me me;
    private final ObjectProvider<Coach> coach;
    private final com.shisha.core.NamesInHindi hindi;

    CoachController(Me me, ObjectProvider<Coach> coach, com.shisha.core.NamesInHindi hindi) {
        this.me = me;
        this.coach = coach;
        this.hindi = hindi;
    }

    record Question(@NotBlank @Size(max = 1000) String question) {
    }

    /**
     * @param text    the answer in plain text, without markup or section ids
     * @param notice  why this is the guide's text rather than the model's, said for the partner; null when the model answered
     * @param sources the sections it rests on, the best first, each with its title in the partner's language
     * @param model   ANSWERED, NOT_ASKED, NOT_INSTALLED, UNAVAILABLE, BUSY, SLOW or REJECTED
     * @param language en or hi: a question typed in Devanagari is answered in Hindi whatever the partner's setting
     */
    record Answer(String answerId, String text, String notice, List<CoachReply.Source> sources, String mode, String model,
                  String language) {
    }

    record Feedback(@NotBlank @Size(max = 128) String answerId, @NotNull Boolean helpful) {
    }

    @PostMapping(path = "/questions", consumes = "application/json")
    @Operation(summary = "Ask the coach; answers come grounded in the knowledge base (503 while no coach is configured)")
    Answer ask(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @Valid @RequestBody Question body) {
        Coach c = available();
        PartnerAccounts.Account a = me.account(partnerId);
        PartnerProfile profile = a.onboarded() ? new PartnerProfile(a.phone(), a.name(), a.language(), a.city(), a.products()) : null;
        CoachReply reply = c.answer(new CoachRequest(key(a), profile, a.language(), body.question().trim(), MAX_ANSWER_CHARS));
        // the guide's Hindi keeps a few abbreviations as printed in English; a Hindi reader gets them in Devanagari
        com.shisha.core.Language in = reply.language();
        return new Answer(reply.answerId(), hindi.abbreviations(in, reply.body()),
                reply.notice() == null ? null : hindi.abbreviations(in, reply.notice()),
                reply.sources().stream().map(s -> new CoachReply.Source(s.id(), hindi.abbreviations(in, s.title()))).toList(),
                reply.mode().name(), reply.model().name(), in.code());
    }

    @PostMapping(path = "/feedback", consumes = "application/json")
    @Operation(summary = "Thumbs up (helpful=true) or down for an answer; 404 for an answer this partner was not given")
    ResponseEntity<Void> feedback(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @Valid @RequestBody Feedback body) {
        Coach c = available();
        if (!c.feedback(key(me.account(partnerId)), body.answerId(), body.helpful())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not_found", "no answer " + body.answerId() + " was given to you");
        }
        return ResponseEntity.noContent().build();
    }

    record HistoryTurn(String role, String text, String answerId, List<CoachReply.Source> sources, String mode, java.time.Instant at) {
    }

    /** The same history whatever channel the partner asked on: WhatsApp questions show here too. */
    @GetMapping(path = "/history")
    @Operation(summary = "The partner's recent coach conversation, oldest first (limit 1-100, default 20)")
    List<HistoryTurn> history(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        Coach c = available();
        PartnerAccounts.Account a = me.account(partnerId);
        return c.history(key(a), limit).stream()
                .map(t -> new HistoryTurn(t.role().name(), t.text(), t.answerId(), c.sources(t.sources(), a.language()),
                        t.mode() == null ? null : t.mode().name(), t.at()))
                .toList();
    }

    private Coach available() {
        Coach c = coach.getIfAvailable();
        if (c == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "coach_unavailable", "the coach is not available on this server yet");
        }
        return c;
    }

    private static ConversationKey key(PartnerAccounts.Account account) {
        return new ConversationKey(Channel.WHATSAPP, account.phone());
    }
}
