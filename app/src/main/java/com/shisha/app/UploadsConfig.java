package com.shisha.app;

import com.shisha.ai.voice.TranscribingVoiceNotes;
import com.shisha.ai.voice.VoiceSettings;
import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.coach.CallReviewJobs;
import com.shisha.core.coach.CallReviewWorker;
import com.shisha.core.coach.CallReviews;
import com.shisha.core.companion.PartnerAccounts;
import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.persistence.jdbc.JdbcCallReviewJobs;
import com.shisha.persistence.jdbc.Json;
import com.shisha.persistence.s3.S3Recordings;
import com.shisha.web.api.UploadSettings;
import org.slf4j.Logger;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Call recordings uploaded by the app (S3, or the embedded S3Proxy of the zero-setup run) and the durable
 * call-review jobs that analyse them. Settings from the environment (README, "Configuration").
 */
@Configuration(proxyBeanMethods = false)
class UploadsConfig {

    private static final Logger log = LoggerFactory.getLogger(UploadsConfig.class);
    static final String EMBEDDED_BUCKET = "shisha-call-recordings";
    static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    /** Where the recordings live; the embedded server's values come from InfrastructurePostProcessor. */
    /**
     * @param publicEndpoint where partners' phones and browsers reach the store, which upload URLs are signed for;
     *                       the service's own endpoint unless S3_PUBLIC_ENDPOINT says otherwise (a store on a private
     *                       network, published through a proxy)
     */
    record S3Settings(Optional<URI> endpoint, String bucket, Region region, AwsCredentialsProvider credentials, boolean pathStyle,
                      Optional<URI> publicEndpoint) {
        S3Settings(Optional<URI> endpoint, String bucket, Region region, AwsCredentialsProvider credentials, boolean pathStyle) {
            this(endpoint, bucket, region, credentials, pathStyle, endpoint);
        }
    }

    @Bean
    S3Settings s3Settings(Environment environment) {
        Env env = new Env(environment);
        Optional<String> embeddedEndpoint = env.get("shisha.s3.endpoint");
        if (embeddedEndpoint.isPresent()) {
            return new S3Settings(embeddedEndpoint.map(URI::create), env.get("shisha.s3.bucket").orElseThrow(), Region.of(env.get("shisha.s3.region").orElseThrow()),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(env.get("shisha.s3.access-key").orElseThrow(),
                            env.get("shisha.s3.secret-key").orElseThrow())), true);
        }
        Optional<URI> endpoint = env.url("S3_ENDPOINT", "http", "https");
        String bucket = env.get("S3_BUCKET").orElseThrow(() -> new InvalidConfigurationException("S3_BUCKET",
                "must be set when S3_ENDPOINT is (the bucket call recordings are uploaded to)"));
        if (!bucket.matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]")) {
            throw new InvalidConfigurationException("S3_BUCKET", "is not a valid bucket name (was '" + bucket + "')");
        }
        String region = env.get("S3_REGION").orElse("ap-south-1");
        if (!region.matches("[a-z]{2}(-[a-z]+)+-[0-9]+")) {
            throw new InvalidConfigurationException("S3_REGION", "is not a region name like ap-south-1 (was '" + region + "')");
        }
        Optional<String> keyId = env.get("S3_ACCESS_KEY_ID");
        Optional<String> secret = env.get("S3_SECRET_ACCESS_KEY");
        if (keyId.isPresent() != secret.isPresent()) {
            throw new InvalidConfigurationException(keyId.isPresent() ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID",
                    "must be set together with " + (keyId.isPresent() ? "S3_ACCESS_KEY_ID" : "S3_SECRET_ACCESS_KEY")
                            + " (or leave both unset for the AWS default credential chain)");
        }
        AwsCredentialsProvider credentials = keyId.isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId.get(), secret.get()))
                : DefaultCredentialsProvider.builder().build();
        // S3-compatible stores (MinIO, S3Proxy) usually want path-style addressing; AWS itself virtual-hosted
        boolean pathStyle = endpoint.isPresent();
        Optional<URI> publicEndpoint = env.url("S3_PUBLIC_ENDPOINT", "http", "https");
        if (publicEndpoint.isPresent() && endpoint.isEmpty()) {
            throw new InvalidConfigurationException("S3_PUBLIC_ENDPOINT", "needs S3_ENDPOINT: it is the public address of that store");
        }
        return new S3Settings(endpoint, bucket, Region.of(region), credentials, pathStyle, publicEndpoint.or(() -> endpoint));
    }

    @Bean(destroyMethod = "close")
    S3Client s3Client(S3Settings s) {
        var builder = S3Client.builder().region(s.region()).credentialsProvider(s.credentials())
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)).build())
                .forcePathStyle(s.pathStyle())
                // the SDK's default asks for CRC checksums on every GET (x-amz-checksum-mode), which S3-compatible
                // stores such as S3Proxy answer with 501; S3 itself does not need them either
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        s.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    S3Presigner s3Presigner(S3Settings s) {
        var builder = S3Presigner.builder().region(s.region()).credentialsProvider(s.credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s.pathStyle()).build());
        // a signature covers the host: URLs are signed for the address the uploader will use
        s.publicEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Bean
    S3Recordings recordings(S3Client client, S3Presigner presigner, S3Settings s) {
        log.info("call recordings: bucket {} at {}", s.bucket(), s.endpoint().map(URI::toString).orElse("AWS S3 " + s.region()));
        return new S3Recordings(client, presigner, s.bucket());
    }

    /**
     * Uploads are optional for the service (WhatsApp works without them), so a store that cannot be reached is
     * reported DOWN here rather than stopping start-up; the detail says why (no credentials, no bucket, no network).
     */
    @Bean
    HealthIndicator callRecordings(S3Recordings recordings) {
        return HealthConfig.withDeadline(java.time.Duration.ofSeconds(2), () -> {
            recordings.checkBucket();
            return Health.up().build();
        });
    }

    @Bean
    UploadSettings uploadSettings(Environment environment) {
        Env env = new Env(environment);
        return new UploadSettings(env.integer("SHISHA_UPLOAD_MAX_BYTES", (int) DEFAULT_MAX_BYTES, 1024, 512 * 1024 * 1024),
                Duration.ofMinutes(env.integer("SHISHA_UPLOAD_URL_MINUTES", 15, 1, 7 * 24 * 60)));
    }

    @Bean
    CallReviewJobs callReviewJobs(JdbcClient jdbc, Json json, PlatformTransactionManager transactions) {
        return new JdbcCallReviewJobs(jdbc, json, new TransactionTemplate(transactions));
    }

    /**
     * The voice-note path with the recordings bucket as its media source and the call limits: a sales call may
     * run SHISHA_CALL_MAX_SECONDS, and the file may be as large as an upload may be.
     */
    @Bean(destroyMethod = "close")
    CallReviewWorker callReviewWorker(CallReviewJobs jobs, S3Recordings recordings, SpeechRecognizer recognizer,
                                      VoiceSettings voice, CallReviews reviews, PartnerAccounts accounts,
                                      UploadSettings uploads, Environment environment) {
        Env env = new Env(environment);
        int callSeconds = env.integer("SHISHA_CALL_MAX_SECONDS", 300, 1, 600);
        VoiceSettings calls = new VoiceSettings(voice.englishModel(), voice.hindiModel(), callSeconds, voice.concurrency(),
                Math.min(uploads.maxBytes(), 256L * 1024 * 1024));
        CallReviewWorker worker = new CallReviewWorker(jobs, recordings, new TranscribingVoiceNotes(recordings, recognizer, calls),
                reviews, accounts, new CallReviewWorker.Settings(env.integer("SHISHA_CALL_REVIEW_WORKERS", 2, 1, 64),
                Duration.ofSeconds(env.integer("SHISHA_CALL_REVIEW_LEASE_SECONDS", 900, 30, 86_400)), 3,
                Duration.ofMillis(Math.max(1, env.integer("SHISHA_CALL_REVIEW_POLL_MILLIS", 1000, 0, 60_000)))));
        // 0: no polling, jobs start only when this instance creates them (tests; an instance that must not take
        // over other instances' jobs)
        if (env.integer("SHISHA_CALL_REVIEW_POLL_MILLIS", 1000, 0, 60_000) > 0) {
            worker.start();
        }
        return worker;
    }
}
