package com.shisha.channels.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether Twilio answers with our credentials: a fetch of our own account (free, no message sent), remembered for a
 * while so that health probes every few seconds do not become a stream of API calls. It tells an operator apart "our
 * network cannot reach Twilio", "Twilio refuses our credentials" and "the account is suspended", the three ways replies
 * stop going out while the service itself is fine.
 */
public final class TwilioReachability {

    public enum State { REACHABLE, UNREACHABLE, CREDENTIALS_REFUSED, ACCOUNT_NOT_ACTIVE }

    public record Result(State state, String detail, Instant checkedAt, long millis) {
    }

    private final TwilioRestClient client;
    private final String accountSid;
    private final Duration remember;
    private final Clock clock;
    private Result last;

    public TwilioReachability(TwilioRestClient client, String accountSid, Duration remember, Clock clock) {
        this.client = client;
        this.accountSid = accountSid;
        this.remember = remember;
        this.clock = clock;
    }

    public synchronized Result check() {
        Instant now = clock.instant();
        if (last != null && last.checkedAt().plus(remember).isAfter(now)) {
            return last;
        }
        long t0 = System.nanoTime();
        Result result;
        try {
            Account account = Account.fetcher(accountSid).fetch(client);
            Account.Status status = account.getStatus();
            result = status == null || status == Account.Status.ACTIVE
                    ? new Result(State.REACHABLE, "account active", now, millisSince(t0))
                    : new Result(State.ACCOUNT_NOT_ACTIVE, "account " + status, now, millisSince(t0));
        } catch (ApiException e) {
            boolean refused = e.getStatusCode() != null && (e.getStatusCode() == 401 || e.getStatusCode() == 403);
            result = refused
                    ? new Result(State.CREDENTIALS_REFUSED, "Twilio answered " + e.getStatusCode() + " (code " + e.getCode()
                            + "): check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN", now, millisSince(t0))
                    : new Result(State.UNREACHABLE, "Twilio API: " + e.getMessage(), now, millisSince(t0));
        } catch (RuntimeException e) {
            result = new Result(State.UNREACHABLE, e.getClass().getSimpleName() + ": " + e.getMessage(), now, millisSince(t0));
        }
        last = result;
        return result;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
