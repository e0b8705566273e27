package com.shisha.web.api;

import com.shisha.core.Language;
import com.shisha.core.NamesInHindi;
import com.shisha.core.companion.AppJourney;
import com.shisha.core.journey.Journey;
import com.shisha.core.journey.JourneyEffect;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.LeadMatcher;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.PitchTips;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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

import java.math.BigDecimal;
import java.util.List;

/**
 * Leads, ranked and reserved by the same {@link LeadMatcher} as WhatsApp's LEADS: a lead listed here is
 * reserved to this partner, so it is never offered to two partners at once, whichever channel asks.
 */
@RestController
@RequestMapping(path = "/api/v1/leads", produces = "application/json")
@Tag(name = "leads")
class LeadsController {

    /** A score at or above this is shown as hot, as on WhatsApp. */
    static final double HOT = 0.7;

    private final Me me;
    private final Journey journey;
    private final LeadMatcher matcher;
    private final PitchTips pitchTips;
    private final AppJourney writes;
    private final NamesInHindi names;

    private final com.shisha.core.call.PhoneLine phoneLine;
    private final com.shisha.core.call.LeadCalls leadCalls;

    LeadsController(Me me, Journey journey, LeadMatcher matcher, PitchTips pitchTips, AppJourney writes, NamesInHindi names,
                    com.shisha.core.call.PhoneLine phoneLine, com.shisha.core.call.LeadCalls leadCalls) {
        this.phoneLine = phoneLine;
        this.leadCalls = leadCalls;
        this.names = names;
        this.me = me;
        this.journey = journey;
        this.matcher = matcher;
        this.pitchTips = pitchTips;
        this.writes = writes;
    }

    record LeadsView(List<Views.LeadSummary> items, int size) {
    }

    enum Outcome { CALLED, INTERESTED, SOLD, NOT_INTERESTED, WRONG_NUMBER }

    /** @param amount the sale amount in rupees, only with SOLD */
    record OutcomeBody(@NotNull Outcome outcome,
                       @DecimalMin(value = "1", message = "must be at least 1 rupee")
                       @DecimalMax(value = "100000000", message = "must be at most 10 crore rupees")
                       @Digits(integer = 9, fraction = 2) BigDecimal amount) {
    }

    @GetMapping
    @Operation(summary = "The best leads for the partner now, with pitch tips; listing reserves them to the partner for 72 hours")
    LeadsView list(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @RequestParam(defaultValue = "3") int size) {
        if (size < 1 || size > LeadMatcher.MAX_HELD) {
            throw ApiException.badRequest("size must be from 1 to " + LeadMatcher.MAX_HELD);
        }
        PartnerContext partner = me.onboarded(partnerId);
        List<LeadMatcher.Ranked> offered = matcher.offer(partner, size);
        if (!offered.isEmpty()) {
            writes.apply(partnerId, List.of(new JourneyEffect.LeadsOffered(offered.stream().map(r -> r.lead().id()).toList())));
        }
        Language language = partner.language();
        return new LeadsView(offered.stream().map(r -> {
            Lead l = r.lead();
            return new Views.LeadSummary(l.id(), names.person(language, l.name()), l.age(), String.valueOf(l.gender()),
                    Views.city(l, language, names), names.state(language, l.state()), l.product(), l.income().name(),
                    l.credit().name(), l.source(), Views.note(l, language, names), l.createdAt(),
                    r.score().value(), r.score().value() >= HOT, r.score().reasons(), tip(l, partner));
        }).toList(), offered.size());
    }

    @GetMapping("/{leadId}")
    @Operation(summary = "One of the partner's leads, with phone number, call links and a pitch tip (404 for anyone else's lead)")
    Views.LeadDetail one(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @PathVariable long leadId) {
        PartnerContext partner = me.onboarded(partnerId);
        Lead lead = journey.heldLead(partnerId, leadId).orElseThrow(() -> ApiException.notFound("lead " + leadId));
        return Views.LeadDetail.of(lead, partner.language(), names, tip(lead, partner));
    }

    @PostMapping(path = "/{leadId}/outcome", consumes = "application/json")
    @Operation(summary = "How the call went: CALLED, INTERESTED, SOLD (with amount), NOT_INTERESTED, WRONG_NUMBER")
    Views.OutcomeView outcome(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @PathVariable long leadId,
                              @Valid @RequestBody OutcomeBody body) {
        JourneyEffect.OutcomeKind kind = JourneyEffect.OutcomeKind.valueOf(body.outcome().name());
        if ((kind == JourneyEffect.OutcomeKind.SOLD) != (body.amount() != null)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad_request", kind == JourneyEffect.OutcomeKind.SOLD
                    ? "a sale needs its amount in rupees" : "only a sale has an amount");
        }
        me.onboarded(partnerId);
        Lead lead = journey.heldLead(partnerId, leadId).orElseThrow(() -> ApiException.notFound("lead " + leadId));
        if (!lead.open()) {
            throw new ApiException(HttpStatus.CONFLICT, "lead_closed", "this lead is closed already; no more outcomes can be recorded");
        }
        var awards = writes.apply(partnerId, List.of(new JourneyEffect.LeadOutcome(leadId, kind, body.amount())));
        BigDecimal commission = kind == JourneyEffect.OutcomeKind.SOLD ? journey.commission(lead.product(), body.amount()) : null;
        return new Views.OutcomeView(leadId, kind.name(), body.amount(), commission, Views.AwardView.of(awards));
    }

    /** @param record the partner agrees that this call be recorded for a review (both sides hear a notice) */
    record CallBody(@NotNull Boolean record) {
    }

    @PostMapping(path = "/{leadId}/call", consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Connect the partner to the lead by phone: SHISHA calls the partner, then the lead, from its own number"
            + " (neither sees the other's); how it went is asked on WhatsApp, and a recorded call is reviewed there",
            responses = {
                    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "Accepted"),
                    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "lead_closed: the lead is closed",
                            content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(ref = ApiDocs.PROBLEM_REF))),
                    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "503", description = "calls_unavailable: no voice number is configured",
                            content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(ref = ApiDocs.PROBLEM_REF)))})
    Views.LeadCallView call(@RequestAttribute(SessionAuthFilter.PARTNER_ID) long partnerId, @PathVariable long leadId,
                            @Valid @RequestBody CallBody body) {
        if (!phoneLine.bridgesCalls()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "calls_unavailable", "calls through SHISHA are not set up on this server");
        }
        me.onboarded(partnerId);
        Lead lead = journey.heldLead(partnerId, leadId).orElseThrow(() -> ApiException.notFound("lead " + leadId));
        if (!lead.open()) {
            throw new ApiException(HttpStatus.CONFLICT, "lead_closed", "this lead is closed already");
        }
        writes.apply(partnerId, List.of(new JourneyEffect.CallToLead(leadId, body.record(), null)));
        return leadCalls.history(partnerId, 1).stream().findFirst().map(Views.LeadCallView::of)
                .orElseThrow(() -> new IllegalStateException("the call just asked for is not stored"));
    }

    private Views.PitchTipView tip(Lead lead, PartnerContext partner) {
        return pitchTips.tip(lead, partner, partner.language())
                .map(t -> new Views.PitchTipView(names.abbreviations(partner.language(), t.text()), t.source())).orElse(null);
    }
}
