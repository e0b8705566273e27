package com.shisha.channels.twilio;

import com.shisha.core.InboundMessage;
import com.shisha.core.voice.MediaFetcher;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNoteException.Kind;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Downloads a message's media from Twilio. The Account SID and Auth Token go only to the configured Twilio API
 * origin (scheme, host and port of TWILIO_API_BASE_URL); a MediaUrl anywhere else is refused before any request,
 * so a forged webhook cannot make us send credentials to its server. Twilio answers with a redirect to its
 * storage host: redirects are followed here, by hand, and the credentials stay behind.
 *
 * <p>Redirects are followed only to where Twilio keeps media, over HTTPS: its API host, {@code *.twiliocdn.com}
 * ({@code mms.twiliocdn.com} serves the short-lived URLs of accounts that enforce HTTP auth on media), and the
 * {@code media.twiliocdn.com} bucket on {@code s3-external-1.amazonaws.com} / {@code s3.amazonaws.com}, where
 * media of accounts without that setting is served (Twilio support: "Protect Media Access with HTTP Basic
 * Authentication"). Not every {@code *.amazonaws.com}: anyone can have a bucket there. With a stand-in on this
 * machine as the API, its redirects may also stay on this machine. Any other redirect is refused and logged:
 * Twilio does not send us there, so whoever does wants us to fetch something we should not (a server inside our
 * network, say).
 */
public final class TwilioMediaFetcher implements MediaFetcher {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TwilioMediaFetcher.class);
    private static final int MAX_REDIRECTS = 5;
    private static final String MEDIA_BUCKET_PATH = "/media.twiliocdn.com/";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI twilio;
    private final String authorization;
    private final HttpClient http;
    private final Duration requestTimeout;

    public TwilioMediaFetcher(TwilioSettings settings) {
        this(settings, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER) // we follow them, without the credentials
                .connectTimeout(CONNECT_TIMEOUT)
                .build(), REQUEST_TIMEOUT);
    }

    TwilioMediaFetcher(TwilioSettings settings, HttpClient http, Duration requestTimeout) {
        this.twilio = settings.apiBaseUrl();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Fetched fetch(InboundMessage.Media media, long maxBytes) {
        URI url = parse(media.url(), null);
        if (!sameOrigin(url, twilio) || url.getRawUserInfo() != null) {
            throw new VoiceNoteException(Kind.FAILED, "MediaUrl host " + origin(url) + " is not Twilio's API host "
                    + origin(twilio) + " (TWILIO_API_BASE_URL); not downloaded");
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<byte[]> response = get(url, sameOrigin(url, twilio), maxBytes);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                url = allowedRedirect(url, redirectTarget(url, response));
                continue;
            }
            if (status != 200) {
                throw new VoiceNoteException(Kind.FAILED, "media GET " + url + " answered HTTP " + status);
            }
            return new Fetched(response.body(), contentType(response, media));
        }
        throw new VoiceNoteException(Kind.FAILED, "media GET redirected more than " + MAX_REDIRECTS + " times");
    }

    /** The storage host's type, unless it only says "bytes": then the type Twilio gave in the webhook names it better. */
    private static String contentType(HttpResponse<?> response, InboundMessage.Media media) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        String base = type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        boolean generic = base.isEmpty() || base.equals("application/octet-stream") || base.equals("binary/octet-stream");
        return generic && media.contentType() != null ? media.contentType() : type;
    }

    /** One GET; the body is only kept for a 200, and the whole exchange, body included, has one deadline. */
    private HttpResponse<byte[]> get(URI url, boolean withCredentials, long maxBytes) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET();
        if (withCredentials) {
            request.header("Authorization", authorization);
        }
        AtomicReference<CappedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(), info -> {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.replacing(null); // redirects and errors: the body is not wanted
            }
            body.set(new CappedBody(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1)));
            return body.get();
        });
        try {
            return exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new VoiceNoteException(Kind.FAILED, "media GET to " + url.getHost() + " took longer than " + requestTimeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            if (body.get() != null && body.get().overflowAt() >= 0) {
                throw tooLarge(body.get().overflowAt(), maxBytes);
            }
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                // the client's own timeout and ours are the same deadline; whichever fires first, it is the same fact
                throw new VoiceNoteException(Kind.FAILED, "media GET to " + url.getHost() + " took longer than "
                        + requestTimeout.toMillis() + " ms", cause);
            }
            throw new VoiceNoteException(Kind.FAILED, "media GET to " + url.getHost() + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new VoiceNoteException(Kind.FAILED, "interrupted while downloading media", e);
        }
    }

    private static URI redirectTarget(URI from, HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new VoiceNoteException(Kind.FAILED, "media GET " + from + " redirected without a Location"));
        URI to = parse(location, from);
        if (!"https".equalsIgnoreCase(to.getScheme()) && !"http".equalsIgnoreCase(to.getScheme())) {
            throw new VoiceNoteException(Kind.FAILED, "media redirect to a non-HTTP URL: " + to.getScheme());
        }
        return to;
    }

    /** The target, when it is one of Twilio's media hosts (or, for a stand-in on this machine, this machine). */
    private URI allowedRedirect(URI from, URI to) {
        if (isTwilioMediaLocation(to) || (TwilioSettings.isLoopback(twilio) && TwilioSettings.isLoopback(to))) {
            return to;
        }
        // the host only: a pre-signed URL's query is a credential of its own
        log.warn("media GET {} redirected to {}, which is not one of Twilio's media hosts; refused, not followed",
                from.getHost() + from.getRawPath(), origin(to));
        throw new VoiceNoteException(Kind.FAILED, "media redirect to " + origin(to) + " refused: not one of Twilio's media hosts");
    }

    /** HTTPS on Twilio's API or CDN hosts, or Twilio's media bucket on S3 (path-style). */
    static boolean isTwilioMediaLocation(URI uri) {
        if (uri.getRawUserInfo() != null) {
            return false;
        }
        if (TwilioSettings.isTwilioMediaHost(uri)) {
            return true;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        return "https".equalsIgnoreCase(uri.getScheme())
                && (host.equals("s3-external-1.amazonaws.com") || host.equals("s3.amazonaws.com"))
                && uri.normalize().getRawPath() != null && uri.normalize().getRawPath().startsWith(MEDIA_BUCKET_PATH)
                && !uri.getRawPath().toLowerCase(java.util.Locale.ROOT).contains("%2e") && (uri.getPort() == -1 || uri.getPort() == 443);
    }

    private static VoiceNoteException tooLarge(long bytes, long maxBytes) {
        return new VoiceNoteException(Kind.TOO_LONG, "media is larger than SHISHA_VOICE_MAX_BYTES=" + maxBytes
                + " (at least " + bytes + " bytes); download stopped");
    }

    /** @param base for a relative redirect Location; null for the MediaUrl itself */
    private static URI parse(String url, URI base) {
        try {
            URI uri = base == null ? new URI(url) : base.resolve(new URI(url));
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new VoiceNoteException(Kind.FAILED, "MediaUrl is not an absolute URL with a host");
            }
            return uri;
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new VoiceNoteException(Kind.FAILED, "MediaUrl is not a valid URL", e);
        }
    }

    /** scheme://host:port, never the user info a URL may carry */
    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + port(uri);
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
