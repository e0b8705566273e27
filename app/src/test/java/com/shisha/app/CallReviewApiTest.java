package com.shisha.app;

import com.shisha.core.Language;
import com.shisha.core.coach.CallReviewJobs;
import com.shisha.core.voice.SpeechRecognizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call reviews from the app end to end: sign in, ask for an upload URL, PUT a real OGG/Opus recording to the
 * in-process S3 server (S3Proxy, which checks the presigned signature like S3), confirm, and poll until the job
 * has decoded, transcribed and reviewed it and moved the partner's skills. The only double is
 * {@link CallRecognizer} behind the speech port: no speech model can run here (docs/voice.md).
 */
@Import(CallReviewApiTest.Recognizer.class)
class CallReviewApiTest extends AbstractApiTest {

    /** A sales call with an opening, discovery, product, an objection and a close: the rubric finds each. */
    static final String CALL = "namaste sir I am Imran from GroMo do you have two minutes. what do you do for work and who depends on "
            + "your income. a term plan pays your family a fixed amount if something happens to you during the term. "
            + "the premium depends on your age and health and the insurer decides after checking. I understand it feels "
            + "costly, let me show a smaller cover in the app. shall I send you the link today";
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void pollForJobs(DynamicPropertyRegistry registry) {
        registry.add("SHISHA_CALL_REVIEW_POLL_MILLIS", () -> "200");
    }

    @TestConfiguration
    static class Recognizer {
        @Bean
        @Primary
        CallRecognizer callRecognizer() {
            return new CallRecognizer();
        }
    }

    /** Hears {@link #CALL} in any audio, and records how many samples it was given (proof the decoder ran). */
    static final class CallRecognizer implements SpeechRecognizer {
        final List<Integer> samples = new ArrayList<>();

        @Override
        public synchronized Recognition recognize(short[] pcm, Language language, List<String> grammar) {
            samples.add(pcm.length);
            return new Recognition(CALL, 0.8);
        }

        @Override
        public Availability availability(Language language) {
            return new Availability(true, "scripted test double");
        }
    }

    @Autowired
    CallRecognizer recognizer;

    @Autowired
    CallReviewJobs jobs;

    private byte[] ogg;

    @BeforeEach
    void recording() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/audio/sentence.ogg")) {
            ogg = in.readAllBytes();
        }
    }

    private JsonNode startUpload(String token, String type, long size) {
        Response r = call("POST", "/api/v1/call-reviews/uploads", token, Map.of("contentType", type, "sizeBytes", size));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static int put(JsonNode ticket, String contentType, byte[] body) {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.get("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        try {
            return HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitFinished(String token, String reviewId) throws InterruptedException {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (true) {
            Response r = get("/api/v1/call-reviews/" + reviewId, token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            String status = r.json().get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return r.json();
            }
            assertThat(System.nanoTime()).as("review %s still %s after %s", reviewId, status, JOB_TIMEOUT).isLessThan(deadline);
            Thread.sleep(300); // the API's per-partner limit (60 a minute in these tests) applies to polling too
        }
    }

    private static Map<String, JsonNode> strand(JsonNode dashboard) {
        Map<String, JsonNode> bySkill = new HashMap<>();
        for (JsonNode s : dashboard.get("strand")) {
            bySkill.put(s.get("skill").asString(), s.get("score"));
        }
        return bySkill;
    }

    @Test
    void aRecordingIsUploadedConfirmedReviewedAndMovesTheSkills() throws InterruptedException {
        String token = onboardedPartner("Agra", "INSURANCE");
        assertThat(strand(get("/api/v1/dashboard", token).json()).values()).allMatch(JsonNode::isNull);

        JsonNode ticket = startUpload(token, "audio/ogg", ogg.length);
        assertThat(ticket.get("method").asString()).isEqualTo("PUT");
        assertThat(ticket.get("headers").get("Content-Type").asString()).isEqualTo("audio/ogg");
        assertThat(ticket.get("headers").get("Content-Length").asString()).isEqualTo(String.valueOf(ogg.length));
        String uploadId = ticket.get("uploadId").asString();

        call("POST", "/api/v1/call-reviews/uploads/" + uploadId + "/confirm", token, null).error(409, "upload_missing");
        assertThat(put(ticket, "audio/ogg", ogg)).isEqualTo(200);

        Response confirmed = call("POST", "/api/v1/call-reviews/uploads/" + uploadId + "/confirm", token, null);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(202);
        String reviewId = confirmed.json().get("reviewId").asString();
        assertThat(confirmed.json().get("status").asString()).isIn("PENDING", "RUNNING", "DONE");
        Response again = call("POST", "/api/v1/call-reviews/uploads/" + uploadId + "/confirm", token, null);
        assertThat(again.json().get("reviewId").asString()).as("a repeated confirm is the same review").isEqualTo(reviewId);

        JsonNode done = awaitFinished(token, reviewId);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("source").asString()).isEqualTo("APP_UPLOAD");
        JsonNode review = done.get("review");
        assertThat(review.get("scores").properties()).hasSize(6);
        assertThat(review.get("tips")).hasSize(3);
        assertThat(review.get("skillDeltas").properties()).isNotEmpty();
        // a decent call: every skill it moves goes up, none down
        review.get("skillDeltas").properties().forEach(e -> assertThat(e.getValue().asInt()).as(e.getKey()).isPositive());
        // sentence.ogg is 4.07 s of speech: the real decoder ran at 16 kHz before the recogniser heard it
        assertThat(recognizer.samples).anySatisfy(n -> assertThat(n).isBetween((int) (4.04 * 16_000), (int) (4.10 * 16_000)));

        // the deltas moved the stored skills, from the unassessed start, exactly as a WhatsApp review would
        Map<String, JsonNode> after = strand(get("/api/v1/dashboard", token).json());
        review.get("skillDeltas").properties().forEach(e -> assertThat(after.get(e.getKey()).asInt())
                .as(e.getKey()).isEqualTo(Math.max(0, Math.min(100, 50 + e.getValue().asInt()))));
    }

    @Test
    void wrongTypesAndSizesAreRefusedBeforeAndAtTheStore() {
        String token = onboardedPartner("Agra", "LOANS");
        call("POST", "/api/v1/call-reviews/uploads", token, Map.of("contentType", "video/mp4", "sizeBytes", 1000))
                .error(415, "unsupported_media_type");
        call("POST", "/api/v1/call-reviews/uploads", token, Map.of("contentType", "audio/ogg", "sizeBytes", 20L * 1024 * 1024 + 1))
                .error(413, "payload_too_large");
        call("POST", "/api/v1/call-reviews/uploads", token, Map.of("contentType", "audio/ogg", "sizeBytes", 0))
                .error(400, null);

        JsonNode ticket = startUpload(token, "audio/ogg", ogg.length);
        // the signature pins both: S3 refuses another size or another type with 403
        assertThat(put(ticket, "audio/ogg", java.util.Arrays.copyOf(ogg, ogg.length + 1))).isEqualTo(403);
        assertThat(put(ticket, "audio/mpeg", ogg)).isEqualTo(403);
        call("POST", "/api/v1/call-reviews/uploads/" + ticket.get("uploadId").asString() + "/confirm", token, null)
                .error(409, "upload_missing");
    }

    @Test
    void aRecordingThatCannotBeDecodedFailsWithAReason() throws InterruptedException {
        String token = onboardedPartner("Agra", "LOANS");
        byte[] mp3 = new byte[2048];
        mp3[0] = 'I';
        mp3[1] = 'D';
        mp3[2] = '3';
        JsonNode ticket = startUpload(token, "audio/mpeg", mp3.length);
        assertThat(put(ticket, "audio/mpeg", mp3)).isEqualTo(200);
        String reviewId = call("POST", "/api/v1/call-reviews/uploads/" + ticket.get("uploadId").asString() + "/confirm", token, null)
                .json().get("reviewId").asString();
        JsonNode failed = awaitFinished(token, reviewId);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        // an ID3 header and nothing playable after it: MP3 is decoded (FFmpeg), and this one is corrupt
        assertThat(failed.get("failure").asString()).contains("could not be decoded").contains("MP3");
        assertThat(failed.get("review").isNull()).isTrue();
    }

    @Test
    void aPastedTranscriptIsReviewedOnTheSameJobPath() throws InterruptedException {
        String token = onboardedPartner("Agra", "INSURANCE");
        Response accepted = call("POST", "/api/v1/call-reviews/transcript", token, Map.of("text", CALL));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode done = awaitFinished(token, accepted.json().get("reviewId").asString());
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("source").asString()).isEqualTo("PASTED_TRANSCRIPT");
        assertThat(done.get("review").get("tips")).hasSize(3);
        call("POST", "/api/v1/call-reviews/transcript", token, Map.of("text", "too short")).error(400, null);
    }

    @Test
    void anotherPartnersUploadsAndReviewsAreNotFound() throws InterruptedException {
        String owner = onboardedPartner("Agra", "INSURANCE");
        String other = onboardedPartner("Agra", "INSURANCE");
        JsonNode ticket = startUpload(owner, "audio/ogg", ogg.length);
        assertThat(put(ticket, "audio/ogg", ogg)).isEqualTo(200);
        String uploadId = ticket.get("uploadId").asString();
        call("POST", "/api/v1/call-reviews/uploads/" + uploadId + "/confirm", other, null).error(404, "not_found");
        String reviewId = call("POST", "/api/v1/call-reviews/uploads/" + uploadId + "/confirm", owner, null).json().get("reviewId").asString();
        get("/api/v1/call-reviews/" + reviewId, other).error(404, "not_found");
        get("/api/v1/call-reviews/" + reviewId, null).error(401, "unauthorized");
        assertThat(awaitFinished(owner, reviewId).get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void aJobLeftRunningByADeadInstanceIsPickedUpAgain() throws InterruptedException {
        String token = onboardedPartner("Agra", "INSURANCE");
        long partnerId = get("/api/v1/partners/me", token).json().get("id").asLong();
        CallReviewJobs.Job job = jobs.submitTranscript(partnerId, CALL);
        // what a kill -9 mid-review leaves: claimed once, RUNNING, its lease run out
        jdbc.sql("update call_review_jobs set status = 'RUNNING', attempts = 1, lease_until = now() - interval '1 second' where id = :id")
                .param("id", job.id()).update();
        JsonNode done = awaitFinished(token, job.id());
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(jdbc.sql("select attempts from call_review_jobs where id = :id").param("id", job.id()).query(Integer.class).single())
                .isEqualTo(2);
    }
}
