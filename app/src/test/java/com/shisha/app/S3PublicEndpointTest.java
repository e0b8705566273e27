package com.shisha.app;

import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.SettingsReader;
import com.shisha.persistence.StoreSettings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store on a private network (MinIO beside the service) is reached by partners through a public address: upload
 * URLs are signed for that address, while the service itself keeps talking to the private one.
 */
class S3PublicEndpointTest {

    private static Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("S3_ENDPOINT", "http://minio:9000", "S3_BUCKET", "recordings",
                "S3_ACCESS_KEY_ID", "shisha-app", "S3_SECRET_ACCESS_KEY", "0123456789abcdef"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static UploadsConfig.S3Settings settings(Map<String, String> env) {
        return new UploadsConfig().s3Settings(StoreSettings.read(SettingsReader.of(env)), new MockEnvironment());
    }

    private static URL presignedPut(Map<String, String> env) {
        UploadsConfig config = new UploadsConfig();
        UploadsConfig.S3Settings settings = settings(env);
        try (var presigner = config.s3Presigner(settings)) {
            return presigner.presignPutObject(PutObjectPresignRequest.builder().signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(PutObjectRequest.builder().bucket("recordings").key("call-recordings/x.ogg").build())
                    .build()).url();
        }
    }

    @Test
    void uploadUrlsAreSignedForThePublicAddressWhenOneIsSet() {
        URL url = presignedPut(env("S3_PUBLIC_ENDPOINT", "https://s3.shisha.example"));
        assertThat(url.getProtocol()).isEqualTo("https");
        assertThat(url.getHost()).isEqualTo("s3.shisha.example");
        assertThat(url.getPath()).isEqualTo("/recordings/call-recordings/x.ogg");
        assertThat(settings(env("S3_PUBLIC_ENDPOINT", "https://s3.shisha.example")).endpoint()).hasValueSatisfying(e -> assertThat(e.getHost()).isEqualTo("minio"));
    }

    @Test
    void withoutOneTheyAreSignedForTheServicesOwnEndpoint() {
        assertThat(presignedPut(env()).getHost()).isEqualTo("minio");
    }

    @Test
    void aPublicAddressWithoutAStoreIsRefusedNamingTheVariable() {
        Map<String, String> env = Map.of("S3_BUCKET", "recordings", "S3_PUBLIC_ENDPOINT", "https://s3.shisha.example");
        assertThatThrownBy(() -> settings(env)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("S3_PUBLIC_ENDPOINT");
    }
}
