package com.shisha.app;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /actuator/health names every dependency. Without speech models or a language model the service runs and is healthy,
 * and the operator sees why voice notes are off; the embedded servers of the zero-setup run count as healthy too.
 * A dependency that does not answer reads DOWN (or DEGRADED, for the outside services) within its deadline.
 */
class HealthTest extends AbstractPipelineTest {

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    @Test
    void theEmbeddedDatabaseHasALaptopSizedPool() {
        // each connection is a PostgreSQL process on the same machine; a database of its own gets 48
        assertThat(((com.zaxxer.hikari.HikariDataSource) dataSource).getMaximumPoolSize()).isEqualTo(InfrastructurePostProcessor.EMBEDDED_POOL_SIZE);
    }

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
                // the phone line: calls to leads from the SMS number, and listening off without a model
                .contains("\"phone\":{\"details\":{\"callsToLeads\":\"bridged from +15*******06\"")
                .contains("\"listening.hi\":\"off: no speech model; the keypad works, live tips say listening is off")
                // the conversation locks' store
                .containsPattern("\"redis\":\\{\"details\":\\{\"ms\":[0-9]+\\},\"status\":\"UP\"\\}")
                .contains("\"db\":{\"details\":{\"database\":\"PostgreSQL\"}")
                // Twilio (the stand-in) takes our credentials: our own account fetched, active
                .containsPattern("\"twilio\":\\{\"details\":\\{\"state\":\"reachable\",\"detail\":\"account active\"[^}]*\\},\"status\":\"UP\"")
                // the model server answers but has no coach model: degraded (the knowledge base answers alone), and
                // the instance keeps its traffic: 200
                .containsPattern("\"coachModel\":\\{\"details\":\\{\"state\":\"not installed\",\"detail\":\"Ollama at [^\"]+ has no model shisha-coach[^}]*\\},\"status\":\"DEGRADED\"")
                .endsWith("\"status\":\"DEGRADED\"}");
    }

    @Test
    void aCheckThatHangsIsDownWithinItsDeadlineAndAnOutsideServiceIsDegraded() {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        java.util.function.Supplier<org.springframework.boot.health.contributor.Health> hangs = () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return org.springframework.boot.health.contributor.Health.up().build();
        };
        long started = System.nanoTime();
        var store = HealthConfig.withDeadline(java.time.Duration.ofMillis(300), hangs);
        assertThat(store.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(store.health().getDetails().get("error")).isEqualTo("no answer within 300 ms");
        var outside = HealthConfig.withDeadline(java.time.Duration.ofMillis(300), HealthConfig.DEGRADED, hangs);
        assertThat(outside.health().getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(3));
        never.countDown();
        var failing = HealthConfig.withDeadline(java.time.Duration.ofMillis(300), () -> {
            throw new IllegalStateException("connection refused");
        });
        assertThat(failing.health().getDetails().get("error")).isEqualTo("IllegalStateException: connection refused");
    }

    /** A model that answers can still be slow (answers past their deadline) or busy (calls waiting for a slot). */
    @Test
    void aReadyModelIsSlowOrBusyByItsLoad() {
        var ready = org.springframework.boot.health.contributor.Health.up().withDetail("state", "ready").withDetail("model", "shisha-coach").build();
        java.time.Duration timeout = java.time.Duration.ofSeconds(8);
        var slow = HealthConfig.withLoad(ready, new com.shisha.ai.llm.OllamaChatLlm.Load(4, 4, 0, 10, 3, 7000), timeout);
        assertThat(slow.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(slow.getDetails()).containsEntry("state", "slow").containsEntry("model", "shisha-coach");
        assertThat(String.valueOf(slow.getDetails().get("detail"))).contains("3 of 10", "8000 ms");
        var busy = HealthConfig.withLoad(ready, new com.shisha.ai.llm.OllamaChatLlm.Load(4, 4, 6, 10, 0, 2000), timeout);
        assertThat(busy.getDetails()).containsEntry("state", "busy");
        assertThat(String.valueOf(busy.getDetails().get("detail"))).contains("all 4 model slots", "6 waiting");
        var fine = HealthConfig.withLoad(ready, new com.shisha.ai.llm.OllamaChatLlm.Load(4, 1, 0, 40, 1, 2000), timeout);
        assertThat(fine.getStatus().getCode()).isEqualTo("UP");
        var notInstalled = org.springframework.boot.health.contributor.Health.status(HealthConfig.DEGRADED).withDetail("state", "not installed").build();
        assertThat(HealthConfig.withLoad(notInstalled, new com.shisha.ai.llm.OllamaChatLlm.Load(4, 4, 6, 10, 9, 0), timeout))
                .isSameAs(notInstalled);
    }

    /** The three ways Twilio can stop our replies, told apart, each through Twilio's own answer. */
    @Test
    void twilioReachabilityTellsRefusedCredentialsASuspendedAccountAndNoNetworkApart() {
        var twilio = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort());
        twilio.start();
        try {
            String path = "/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + ".json";
            var settings = new com.shisha.channels.twilio.TwilioSettings(TwilioStandIn.ACCOUNT_SID, AUTH_TOKEN, WHATSAPP_FROM,
                    null, URI.create("http://127.0.0.1:" + twilio.port()), URI.create(PUBLIC_BASE));
            var client = com.shisha.channels.twilio.TwilioMessageSender.client(settings, 1, java.time.Duration.ofSeconds(2));
            java.util.function.Supplier<com.shisha.channels.twilio.TwilioReachability> fresh = () ->
                    new com.shisha.channels.twilio.TwilioReachability(client, TwilioStandIn.ACCOUNT_SID,
                            java.time.Duration.ofMinutes(1), java.time.Clock.systemUTC());

            twilio.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(path).willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                            .withBody("{\"code\": 20003, \"message\": \"Authenticate\", \"more_info\": \"https://www.twilio.com/docs/errors/20003\", \"status\": 401}")));
            var refused = fresh.get().check();
            assertThat(refused.state()).isEqualTo(com.shisha.channels.twilio.TwilioReachability.State.CREDENTIALS_REFUSED);
            assertThat(refused.detail()).contains("401", "20003", "TWILIO_AUTH_TOKEN");

            twilio.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(path).willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(TwilioStandIn.ACCOUNT_JSON.replace("\"active\"", "\"suspended\""))));
            assertThat(fresh.get().check().state()).isEqualTo(com.shisha.channels.twilio.TwilioReachability.State.ACCOUNT_NOT_ACTIVE);

            twilio.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(path).willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(TwilioStandIn.ACCOUNT_JSON)));
            var reachability = fresh.get();
            assertThat(reachability.check().state()).isEqualTo(com.shisha.channels.twilio.TwilioReachability.State.REACHABLE);
            int asked = twilio.getAllServeEvents().size();
            reachability.check();
            assertThat(twilio.getAllServeEvents()).as("remembered, not asked again").hasSize(asked);

            twilio.stop();
            var gone = fresh.get().check();
            assertThat(gone.state()).isEqualTo(com.shisha.channels.twilio.TwilioReachability.State.UNREACHABLE);
        } finally {
            if (twilio.isRunning()) {
                twilio.stop();
            }
        }
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
