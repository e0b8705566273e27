package com.shisha.core.call;

import com.shisha.core.Language;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Calls from partners to their leads, bridged through SHISHA. A request is written with the turn that asks for it
 * ({@code JourneyEffect.CallToLead}); the placer dials the partner, the phone line bridges to the lead, and the end
 * of the call and its recording come back as Twilio callbacks.
 */
public interface LeadCalls {

    enum Status { REQUESTED, DIALLING, BRIDGED, ENDED, FAILED }

    /**
     * One call, with what the phone line needs to bridge it.
     *
     * @param callSid the partner's leg, once dialled (or the phone-line call it was asked from)
     */
    record LeadCall(long id, long partnerId, String partnerPhone, Language language, long leadId, String leadName,
                    String leadPhone, com.shisha.core.Product product, boolean record, Status status, String callSid,
                    Instant requestedAt, Instant endedAt, Integer seconds) {
    }

    /** Takes up to {@code max} requests to dial (REQUESTED to DIALLING), oldest first; other instances skip them. */
    List<LeadCall> claimRequested(int max);

    void dialled(long id, String callSid);

    void failed(long id, String why);

    Optional<LeadCall> find(long id);

    /** The call asked for on this phone-line call and not yet bridged, if any. */
    Optional<LeadCall> waitingOn(String callSid);

    void bridged(long id);

    /** @return true the first time (Twilio may repeat a callback) */
    boolean ended(long id, Instant at, int seconds, boolean connected);

    /** @return true the first time */
    boolean recorded(long id, String recordingUrl);

    /** The partner's calls to leads, newest first. */
    List<LeadCall> history(long partnerId, int max);

    // ------------------------------------------------------------------ what was said, and the tips shown live

    enum Speaker { PARTNER, CUSTOMER }

    enum TipKind { OBJECTION, QUESTION, SIGNAL, LISTENING_OFF }

    /** @param atMillis from the start of the media stream */
    record Utterance(Speaker speaker, String words, long atMillis) {
    }

    /**
     * @param heard  what the customer said that the tip answers; null for a notice (listening off)
     * @param source the coach guide's section the tip comes from, by title; null for none
     * @param useful the partner's thumbs: up, down, or null while they gave none
     */
    record Tip(long id, long callId, TipKind kind, String heard, String text, String source, long atMillis, Boolean useful) {
    }

    /** A call with everything said and shown on it. */
    record Detail(LeadCall call, String summary, java.util.List<Utterance> transcript, java.util.List<Tip> tips) {
    }

    void utterance(long callId, int seq, Utterance utterance);

    Tip tip(long callId, TipKind kind, String heard, String text, String source, long atMillis);

    /** @return false when the tip is not one of this partner's calls */
    boolean feedback(long partnerId, long tipId, boolean useful);

    void summarise(long callId, String summary);

    /** One of the partner's calls, whole; empty for anyone else's. */
    Optional<Detail> detail(long partnerId, long callId);

    /** The partner's calls whose lead's name, transcript or tips contain every word of {@code query}, newest first. */
    List<LeadCall> search(long partnerId, String query, int max);
}
