package com.shisha.channels;

import com.shisha.channels.twilio.TwilioSettings;
import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.SettingsReader;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The channels' settings (docs/configuration.md, "Twilio" and the phone line). Twilio is all or nothing: without an
 * account and token WhatsApp, SMS and the phone line are off and the web chat still works; half a configuration is
 * an error, not a silently missing channel.
 *
 * @param twilio          the account, senders and endpoints; empty when Twilio is not configured
 * @param statusCallbacks PUBLIC_BASE_URL was set, so Twilio can reach us with delivery statuses
 * @param maxConnections  the REST client's pool (TWILIO_MAX_CONNECTIONS)
 * @param timeout         the REST client's timeout (TWILIO_TIMEOUT_SECONDS)
 * @param voiceFrom       TWILIO_VOICE_FROM, the caller ID of calls to partners and leads; see {@link #callerId()}
 * @param callTurnWait    how long a phone-line webhook waits for its turn's answer (SHISHA_CALL_TURN_WAIT_MS)
 * @param callPlacerEvery how often calls to leads are looked for (SHISHA_CALL_PLACER_MILLIS); zero: never
 * @param nudgeTemplate   the approved template for nudges outside WhatsApp's 24-hour window (TWILIO_TEMPLATE_NUDGE)
 */
public record ChannelSettings(Optional<TwilioSettings> twilio, boolean statusCallbacks, int maxConnections, Duration timeout,
                              Optional<String> voiceFrom, Duration callTurnWait, Duration callPlacerEvery,
                              Optional<String> nudgeTemplate) {

    private static final Pattern CONTENT_SID = Pattern.compile("HX[0-9a-fA-F]{32}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** @param serverPort where Twilio reaches us on this machine when PUBLIC_BASE_URL is not set */
    public static ChannelSettings read(SettingsReader r, int serverPort) {
        Optional<String> sid = r.get("TWILIO_ACCOUNT_SID");
        Optional<String> token = r.get("TWILIO_AUTH_TOKEN");
        Optional<String> whatsappFrom = r.get("TWILIO_WHATSAPP_FROM");
        Optional<String> smsFrom = r.get("TWILIO_SMS_FROM");
        Optional<URI> api = r.url("TWILIO_API_BASE_URL", "https", "http");
        Optional<URI> content = r.url("TWILIO_CONTENT_BASE_URL", "https", "http");
        Optional<URI> publicBase = r.url("PUBLIC_BASE_URL", "https", "http");
        Optional<TwilioSettings> twilio = twilio(sid, token, whatsappFrom, smsFrom, api, content, publicBase, serverPort);
        int maxConnections = r.integer("TWILIO_MAX_CONNECTIONS", 64, 1, 1024);
        Duration timeout = r.duration("TWILIO_TIMEOUT_SECONDS", ChronoUnit.SECONDS, 10, 1, 120);
        Optional<String> voiceFrom = r.get("TWILIO_VOICE_FROM");
        if (voiceFrom.isPresent() && !E164.matcher(voiceFrom.get()).matches()) {
            throw new InvalidConfigurationException("TWILIO_VOICE_FROM", "must be a phone number in E.164 form, like +918045671234");
        }
        Duration turnWait = r.duration("SHISHA_CALL_TURN_WAIT_MS", ChronoUnit.MILLIS, 4000, 100, 12_000);
        Duration placerEvery = r.duration("SHISHA_CALL_PLACER_MILLIS", ChronoUnit.MILLIS, 500, 0, 60_000);
        Optional<String> nudgeTemplate = r.get("TWILIO_TEMPLATE_NUDGE");
        // checked here so a typo stops start-up instead of failing every nudge at the outbox
        if (nudgeTemplate.isPresent() && !CONTENT_SID.matcher(nudgeTemplate.get()).matches()) {
            throw new InvalidConfigurationException("TWILIO_TEMPLATE_NUDGE", "must be a Twilio Content SID: HX followed by 32 hex digits");
        }
        return new ChannelSettings(twilio, publicBase.isPresent(), maxConnections, timeout, voiceFrom, turnWait, placerEvery,
                nudgeTemplate);
    }

    private static Optional<TwilioSettings> twilio(Optional<String> sid, Optional<String> token, Optional<String> whatsappFrom,
                                                   Optional<String> smsFrom, Optional<URI> api, Optional<URI> content,
                                                   Optional<URI> publicBase, int serverPort) {
        if (sid.isEmpty() && token.isEmpty()) {
            return Optional.empty();
        }
        if (sid.isEmpty()) {
            throw new InvalidConfigurationException("TWILIO_ACCOUNT_SID", "must be set when TWILIO_AUTH_TOKEN is");
        }
        if (token.isEmpty()) {
            throw new InvalidConfigurationException("TWILIO_AUTH_TOKEN", "must be set when TWILIO_ACCOUNT_SID is");
        }
        if (whatsappFrom.isEmpty() && smsFrom.isEmpty()) {
            throw new InvalidConfigurationException("TWILIO_WHATSAPP_FROM", "or TWILIO_SMS_FROM must be set: replies need a sender");
        }
        URI apiBase = api.orElse(TwilioSettings.TWILIO_API);
        // a stand-in for Twilio on this machine stands in for both APIs unless told otherwise: the test credentials
        // it is given must not reach the real Content API
        URI contentBase = content.orElse(!apiBase.equals(TwilioSettings.TWILIO_API) && TwilioSettings.isLoopback(apiBase)
                ? apiBase : TwilioSettings.TWILIO_CONTENT_API);
        return Optional.of(new TwilioSettings(sid.get(), token.get(), whatsappFrom.orElse(null), smsFrom.orElse(null), apiBase,
                publicBase.orElse(URI.create("http://localhost:" + serverPort)), contentBase));
    }

    /** Where Twilio posts delivery statuses; empty when it cannot reach us (no PUBLIC_BASE_URL). */
    public Optional<URI> statusCallback() {
        return twilio.filter(t -> statusCallbacks)
                .map(t -> URI.create(t.publicBaseUrl().toString().replaceAll("/+$", "") + "/webhooks/twilio/status"));
    }

    /**
     * The number SHISHA calls partners from and bridges their calls to leads from (the caller ID both sides see):
     * TWILIO_VOICE_FROM, else the SMS number when it is a phone number. Empty without Twilio or without either: then
     * no calls are bridged.
     */
    public Optional<String> callerId() {
        // an SMS sender may be a Messaging Service (MG...), which cannot place a call
        return twilio.flatMap(t -> voiceFrom.or(() -> Optional.ofNullable(t.smsFrom()).filter(from -> E164.matcher(from).matches())));
    }
}
