package com.shisha.channels.twilio;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.shisha.core.InboundMessage.Media;
import com.shisha.core.voice.MediaFetcher.Fetched;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNoteException.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fetcher against a Twilio stand-in and a second server on another port playing Twilio's storage host. */
class TwilioMediaFetcherTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "media-secret-token";
    private static final String MEDIA_PATH = "/2010-04-01/Accounts/" + SID + "/Messages/MM1/Media/ME1";
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
    private static final byte[] NOTE = "OggS pretend voice note".getBytes(StandardCharsets.US_ASCII);

    private static WireMockServer twilio;
    private static WireMockServer storage;
    private static TwilioMediaFetcher fetcher;
    private static String twilioBase;
    private static String storageBase;

    @BeforeAll
    static void start() {
        twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        storage = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        twilio.start();
        storage.start();
        twilioBase = "http://127.0.0.1:" + twilio.port();
        storageBase = "http://127.0.0.1:" + storage.port();
        fetcher = new TwilioMediaFetcher(new TwilioSettings(SID, TOKEN, "whatsapp:+14155238886", null,
                URI.create(twilioBase), URI.create("https://bot.example.test")));
    }

    @AfterAll
    static void stop() {
        twilio.stop();
        storage.stop();
    }

    @BeforeEach
    void reset() {
        twilio.resetAll();
        storage.resetAll();
    }

    private static Media media(String url) {
        return new Media(url, "audio/ogg");
    }

    @Test
    void credentialsGoToTwilioAndNotToTheHostItRedirectsTo() {
        twilio.stubFor(get(MEDIA_PATH).willReturn(aResponse().withStatus(307).withHeader("Location", storageBase + "/media/abc?sig=1")));
        storage.stubFor(get("/media/abc?sig=1").willReturn(aResponse().withHeader("Content-Type", "audio/ogg; codecs=opus").withBody(NOTE)));

        Fetched fetched = fetcher.fetch(media(twilioBase + MEDIA_PATH), 1024);

        assertThat(fetched.bytes()).isEqualTo(NOTE);
        assertThat(fetched.contentType()).isEqualTo("audio/ogg; codecs=opus");
        twilio.verify(1, getRequestedFor(urlEqualTo(MEDIA_PATH)).withHeader("Authorization", equalTo(BASIC)));
        storage.verify(1, getRequestedFor(urlEqualTo("/media/abc?sig=1")).withoutHeader("Authorization"));
    }

    @Test
    void aDirectAnswerFromTwilioIsTakenAndTheMessagesTypeFillsAMissingHeader() {
        twilio.stubFor(get(MEDIA_PATH).willReturn(aResponse().withBody(NOTE)));

        Fetched fetched = fetcher.fetch(media(twilioBase + MEDIA_PATH), 1024);

        assertThat(fetched.bytes()).isEqualTo(NOTE);
        assertThat(fetched.contentType()).isEqualTo("audio/ogg");
    }

    @Test
    void aStorageHostThatOnlySaysOctetStreamGivesWayToTheWebhooksType() {
        twilio.stubFor(get(MEDIA_PATH).willReturn(aResponse().withStatus(302).withHeader("Location", storageBase + "/blob")));
        storage.stubFor(get("/blob").willReturn(aResponse().withHeader("Content-Type", "binary/octet-stream").withBody(NOTE)));

        assertThat(fetcher.fetch(new Media(twilioBase + MEDIA_PATH, "audio/mpeg"), 1024).contentType()).isEqualTo("audio/mpeg");
    }

    @Test
    void aRelativeRedirectOnTwilioKeepsTheCredentialsThere() {
        twilio.stubFor(get(MEDIA_PATH).willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere/ME1")));
        twilio.stubFor(get("/elsewhere/ME1").willReturn(aResponse().withBody(NOTE)));

        assertThat(fetcher.fetch(media(twilioBase + MEDIA_PATH), 1024).bytes()).isEqualTo(NOTE);
        twilio.verify(1, getRequestedFor(urlEqualTo("/elsewhere/ME1")).withHeader("Authorization", equalTo(BASIC)));
    }

    @Test
    void aMediaUrlElsewhereIsRefusedWithoutARequest() {
        storage.stubFor(get(anyUrl()).willReturn(aResponse().withBody(NOTE)));

        // same host, other port: another origin
        assertRefused(storageBase + MEDIA_PATH, storageBase);
        assertRefused("https://api.twilio.com.evil.example" + MEDIA_PATH, "https://api.twilio.com.evil.example:443");
        assertRefused("http://localhost:" + twilio.port() + MEDIA_PATH, "http://localhost:" + twilio.port());
        // credentials in the URL itself would go wherever the URL says: refused even on Twilio's origin
        assertRefused("http://" + SID + ":" + TOKEN + "@127.0.0.1:" + twilio.port() + MEDIA_PATH, twilioBase);
        storage.verify(0, anyRequestedFor(anyUrl()));
        twilio.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aBodyLargerThanTheCapIsRefusedFromItsLength() {
        twilio.stubFor(get(MEDIA_PATH).willReturn(aResponse().withStatus(302).withHeader("Location", storageBase + "/big")));
        storage.stubFor(get("/big").willReturn(aResponse().withBody(new byte[5000])));

        assertThatThrownBy(() -> fetcher.fetch(media(twilioBase + MEDIA_PATH), 1000))
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).as(e.toString()).isEqualTo(Kind.TOO_LONG))
                .hasMessageContaining("SHISHA_VOICE_MAX_BYTES=1000");
    }

    @Test
    void aChunkedBodyIsCutOffAtTheCapWhileStreaming() {
        // chunked: no Content-Length to refuse up front; the cap must bite while reading
        twilio.stubFor(get(MEDIA_PATH).willReturn(aResponse().withBody(new byte[50_000]).withChunkedDribbleDelay(20, 200)));

        assertThatThrownBy(() -> fetcher.fetch(media(twilioBase + MEDIA_PATH), 10_000))
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).as(e.toString()).isEqualTo(Kind.TOO_LONG))
                .hasMessageContaining("download stopped");
        assertThat(fetcher.fetch(media(twilioBase + MEDIA_PATH), 50_000).bytes()).hasSize(50_000);
    }

    @Test
    void notFoundFails() {
        twilio.stubFor(get(MEDIA_PATH).willReturn(aResponse().withStatus(404).withBody("{\"code\":20404}")));

        assertThatThrownBy(() -> fetcher.fetch(media(twilioBase + MEDIA_PATH), 1024))
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED))
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void aRedirectLoopEnds() {
        twilio.stubFor(get(MEDIA_PATH).willReturn(aResponse().withStatus(302).withHeader("Location", storageBase + "/loop")));
        storage.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

        assertThatThrownBy(() -> fetcher.fetch(media(twilioBase + MEDIA_PATH), 1024))
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED))
                .hasMessageContaining("redirected more than");
    }

    @Test
    void anUnreachableStorageHostFailsWithTheHost() {
        twilio.stubFor(get(MEDIA_PATH).willReturn(aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:1/gone")));

        assertThatThrownBy(() -> fetcher.fetch(media(twilioBase + MEDIA_PATH), 1024))
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED))
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void aStorageHostThatStallsTimesOut() {
        TwilioMediaFetcher impatient = new TwilioMediaFetcher(new TwilioSettings(SID, TOKEN, "whatsapp:+14155238886", null,
                URI.create(twilioBase), URI.create("https://bot.example.test")),
                java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build(),
                java.time.Duration.ofMillis(300));
        twilio.stubFor(get(MEDIA_PATH).willReturn(aResponse().withStatus(302).withHeader("Location", storageBase + "/slow")));
        storage.stubFor(get("/slow").willReturn(aResponse().withBody(NOTE).withFixedDelay(3000)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.fetch(media(twilioBase + MEDIA_PATH), 1024))
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED))
                .hasMessageContaining("took longer than");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
    }

    @Test
    void aRedirectToAHostThatIsNotTwiliosIsRefusedAndNotFollowed() {
        // a client whose every request goes through the storage server as a proxy: had the redirect been followed,
        // the storage server would have seen it and answered
        TwilioMediaFetcher proxied = new TwilioMediaFetcher(new TwilioSettings(SID, TOKEN, "whatsapp:+14155238886", null,
                URI.create(twilioBase), URI.create("https://bot.example.test")),
                java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                        .proxy(java.net.ProxySelector.of(new java.net.InetSocketAddress("127.0.0.1", storage.port()))).build(),
                java.time.Duration.ofSeconds(5));
        // the proxy takes the Twilio request too, so it plays both: Twilio's redirect, and the host redirected to
        storage.stubFor(get(MEDIA_PATH).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://metadata.internal.example/latest/meta-data/?sig=secret")));
        storage.stubFor(get("/latest/meta-data/?sig=secret").willReturn(aResponse().withBody(NOTE)));

        assertThatThrownBy(() -> proxied.fetch(media(twilioBase + MEDIA_PATH), 1024))
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED))
                .hasMessageContaining("refused")
                .hasMessageContaining("metadata.internal.example")
                .hasMessageNotContaining("sig=secret");
        storage.verify(1, getRequestedFor(urlEqualTo(MEDIA_PATH)));
        storage.verify(0, getRequestedFor(urlEqualTo("/latest/meta-data/?sig=secret")));
    }

    @Test
    void onlyTwiliosMediaLocationsAreRedirectTargets() {
        for (String ok : List.of("https://mms.twiliocdn.com/AC1/abc?Expires=1&Signature=x", "https://media.twiliocdn.com/AC1/abc",
                "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
                "https://s3-external-1.amazonaws.com/media.twiliocdn.com/AC1/abc", "https://MMS.TwilioCDN.com/x")) {
            assertThat(TwilioMediaFetcher.isTwilioMediaLocation(URI.create(ok))).as(ok).isTrue();
        }
        for (String no : List.of("http://mms.twiliocdn.com/x", "https://evil.example/x", "https://twiliocdn.com.evil.example/x",
                "https://mms.twiliocdn.com:8443/x", "https://user:pw@mms.twiliocdn.com/x",
                "https://s3-external-1.amazonaws.com/attacker-bucket/x", "https://attacker.s3.amazonaws.com/media.twiliocdn.com/x",
                "https://s3-external-1.amazonaws.com/media.twiliocdn.com/../attacker/x",
                "https://s3-external-1.amazonaws.com/media.twiliocdn.com/%2e%2e/attacker/x", "https://169.254.169.254/latest")) {
            assertThat(TwilioMediaFetcher.isTwilioMediaLocation(URI.create(no))).as(no).isFalse();
        }
    }

    private static void assertRefused(String url, String host) {
        assertThatThrownBy(() -> fetcher.fetch(media(url), 1024))
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED))
                .hasMessageContaining("MediaUrl host " + host + " is not Twilio's API host " + twilioBase)
                .hasMessageNotContaining(TOKEN);
    }
}
