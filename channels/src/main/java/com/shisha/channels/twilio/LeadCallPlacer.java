package com.shisha.channels.twilio;

import com.shisha.core.PhoneMask;
import com.shisha.core.call.LeadCalls;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Dials the partners who asked to be connected to a lead: Twilio calls them from SHISHA's number, and when they
 * answer it asks the phone line what to do (the bridge webhook). Requests are rows written with the turn that asked;
 * each instance claims some, so two never dial one request.
 */
public final class LeadCallPlacer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeadCallPlacer.class);
    /** Seconds the partner's phone rings before the call counts as missed. */
    private static final int RING_SECONDS = 30;

    private final LeadCalls leadCalls;
    private final TwilioRestClient client;
    private final String voiceFrom;
    private final String publicBase;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lead-call-placer");
        t.setDaemon(true);
        return t;
    });

    public LeadCallPlacer(LeadCalls leadCalls, TwilioRestClient client, String voiceFrom, URI publicBase) {
        this.leadCalls = leadCalls;
        this.client = client;
        this.voiceFrom = voiceFrom;
        String base = publicBase.toString();
        this.publicBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public void start(Duration every) {
        poller.scheduleWithFixedDelay(this::placeWaiting, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Dials every request waiting now; public for a test that drives it without the poller. */
    public void placeWaiting() {
        List<LeadCalls.LeadCall> waiting;
        try {
            waiting = leadCalls.claimRequested(8);
        } catch (RuntimeException e) {
            log.warn("lead calls to place could not be read: {}", e.toString());
            return;
        }
        waiting.forEach(this::place);
    }

    private void place(LeadCalls.LeadCall call) {
        try {
            Call placed = Call.creator(new PhoneNumber(call.partnerPhone()), new PhoneNumber(voiceFrom),
                            URI.create(publicBase + CallBridge.BRIDGE + "?c=" + call.id()))
                    .setMethod(HttpMethod.POST)
                    // the id rides along: a quick "busy" or "failed" can arrive before the sid is stored below
                    .setStatusCallback(URI.create(publicBase + TwilioVoice.STATUS + "?c=" + call.id()))
                    .setStatusCallbackMethod(HttpMethod.POST)
                    .setStatusCallbackEvent(List.of("completed"))
                    .setTimeout(RING_SECONDS)
                    .create(client);
            leadCalls.dialled(call.id(), placed.getSid());
            log.info("lead call {}: calling partner {} ({})", call.id(), PhoneMask.mask(call.partnerPhone()), placed.getSid());
        } catch (ApiException e) {
            // Twilio refused (a number it cannot call, an account limit): retrying would not help
            leadCalls.failed(call.id(), "Twilio refused the call: " + e.getMessage());
            log.warn("lead call {}: Twilio refused to call partner {}: {} {}", call.id(), PhoneMask.mask(call.partnerPhone()),
                    e.getStatusCode(), e.getMessage());
        } catch (RuntimeException e) {
            leadCalls.failed(call.id(), "the call could not be placed: " + e.getClass().getSimpleName());
            log.warn("lead call {}: the call to partner {} could not be placed: {}", call.id(), PhoneMask.mask(call.partnerPhone()),
                    e.toString());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
