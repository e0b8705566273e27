package com.shisha.app;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without speech models the service runs and is healthy, and the operator sees why voice notes are off in the
 * health endpoint. The embedded servers of the zero-setup run count as healthy too.
 */
class AiHealthTest extends AbstractPipelineTest {

    @Test
    void healthShowsVoiceNotesUnavailablePerLanguageWithTheVariableToSetAndTheDecoders() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"voiceNotes\"", "\"ready\":false", "VOSK_MODEL_PATH", "VOSK_MODEL_PATH_HI")
                .contains("\"mongo\":{\"details\":{\"database\":\"shisha\"")
                // the other audio types depend on the bundled FFmpeg having loaded, and its licence is the LGPL one
                .containsPattern("\"decoding\":\"OGG/Opus and WAV in Java; MP3, [^\"]*: FFmpeg [0-9.]+, LGPL")
                // the recordings bucket of the embedded S3 server answers HeadBucket
                .contains("\"callRecordings\":{\"status\":\"UP\"}")
                // the conversation locks' store
                .containsPattern("\"redis\":\\{\"details\":\\{\"ms\":[0-9]+\\},\"status\":\"UP\"\\}");
    }

    /** A Redis that does not answer is DOWN within the probe's own deadline, not after Redisson's retries. */
    @Test
    void aRedisThatDoesNotAnswerIsDownWithinTheDeadline() {
        org.redisson.config.Config config = new org.redisson.config.Config();
        config.setLazyInitialization(true); // a client for a server that is not there, as after Redis died
        config.useSingleServer().setAddress("redis://127.0.0.1:1").setConnectTimeout(200).setRetryAttempts(0);
        org.redisson.api.RedissonClient dead = org.redisson.Redisson.create(config);
        try {
            long started = System.nanoTime();
            var health = HealthConfig.redis(dead, java.time.Duration.ofMillis(800)).health();
            assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(3));
        } finally {
            dead.shutdown();
        }
    }
}
