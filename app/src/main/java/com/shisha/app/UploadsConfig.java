package com.shisha.app;

import com.shisha.ai.voice.TranscribingVoiceNotes;
import com.shisha.ai.voice.VoiceSettings;
import com.shisha.ai.AiSettings;
import com.shisha.persistence.StoreSettings;
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
 * call-review jobs that analyse them.
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

    /**
     * The embedded store's address and keys come from {@link InfrastructurePostProcessor}, which started it; a
     * configured one's from {@link StoreSettings}.
     */
    @Bean
    S3Settings s3Settings(StoreSettings stores, Environment environment) {
        StoreSettings.S3 s3 = stores.s3();
        if (s3.embedded()) {
            return new S3Settings(Optional.of(URI.create(environment.getRequiredProperty("shisha.s3.endpoint"))),
                    environment.getRequiredProperty("shisha.s3.bucket"), Region.of(environment.getRequiredProperty("shisha.s3.region")),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(environment.getRequiredProperty("shisha.s3.access-key"),
                            environment.getRequiredProperty("shisha.s3.secret-key"))), true);
        }
        AwsCredentialsProvider credentials = s3.accessKeyId().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId().get(), s3.secretAccessKey().orElseThrow()))
                : DefaultCredentialsProvider.builder().build();
        // S3-compatible stores (MinIO, S3Proxy) usually want path-style addressing; AWS itself virtual-hosted
        boolean pathStyle = s3.endpoint().isPresent();
        return new S3Settings(s3.endpoint(), s3.bucket().orElseThrow(), Region.of(s3.region()), credentials, pathStyle, s3.publicEndpoint());
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
        HealthIndicator check = HealthConfig.withDeadline(java.time.Duration.ofSeconds(2), () -> {
            recordings.checkBucket();
            return Health.up().build();
        });
        // the S3 client's first call loads and initialises much of the SDK (seconds on a busy machine): started with
        // the service, so the first probe joins it rather than reporting DOWN for a client that is only cold
        Thread warmUp = new Thread(check::health, "call-recordings-first-check");
        warmUp.setDaemon(true);
        warmUp.start();
        return check;
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
                                      UploadSettings uploads, AiSettings ai) {
        VoiceSettings calls = new VoiceSettings(voice.englishModel(), voice.hindiModel(), ai.callMaxSeconds(), voice.concurrency(),
                Math.min(uploads.maxBytes(), 256L * 1024 * 1024));
        CallReviewWorker worker = new CallReviewWorker(jobs, recordings, new TranscribingVoiceNotes(recordings, recognizer, calls),
                reviews, accounts, new CallReviewWorker.Settings(ai.callReviewWorkers(), ai.callReviewLease(), 3,
                ai.callReviewPoll().isZero() ? Duration.ofMillis(1) : ai.callReviewPoll()));
        // 0: no polling, jobs start only when this instance creates them (tests; an instance that must not take
        // over other instances' jobs)
        if (!ai.callReviewPoll().isZero()) {
            worker.start();
        }
        return worker;
    }
}
