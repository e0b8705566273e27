package com.shisha.app;

import com.shisha.core.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

import java.net.URL;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store on a private network (MinIO beside the service) is reached by partners through a public address: upload
 * URLs are signed for that address, while the service itself keeps talking to the private one.
 */
class S3PublicEndpointTest {

    private static MockEnvironment env() {
        return new MockEnvironment().withProperty("S3_ENDPOINT", "http://minio:9000").withProperty("S3_BUCKET", "recordings")
                .withProperty("S3_ACCESS_KEY_ID", "shisha-app").withProperty("S3_SECRET_ACCESS_KEY", "0123456789abcdef");
    }

    private static URL presignedPut(MockEnvironment env) {
        UploadsConfig config = new UploadsConfig();
        UploadsConfig.S3Settings settings = config.s3Settings(env);
        try (var presigner = config.s3Presigner(settings)) {
            return presigner.presignPutObject(PutObjectPresignRequest.builder().signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(PutObjectRequest.builder().bucket("recordings").key("call-recordings/x.ogg").build())
                    .build()).url();
        }
    }

    @Test
    void uploadUrlsAreSignedForThePublicAddressWhenOneIsSet() {
        URL url = presignedPut(env().withProperty("S3_PUBLIC_ENDPOINT", "https://s3.shisha.example"));
        assertThat(url.getProtocol()).isEqualTo("https");
        assertThat(url.getHost()).isEqualTo("s3.shisha.example");
        assertThat(url.getPath()).isEqualTo("/recordings/call-recordings/x.ogg");
        assertThat(new UploadsConfig().s3Settings(env().withProperty("S3_PUBLIC_ENDPOINT", "https://s3.shisha.example"))
                .endpoint()).hasValueSatisfying(e -> assertThat(e.getHost()).isEqualTo("minio"));
    }

    @Test
    void withoutOneTheyAreSignedForTheServicesOwnEndpoint() {
        assertThat(presignedPut(env()).getHost()).isEqualTo("minio");
    }

    @Test
    void aPublicAddressWithoutAStoreIsRefusedNamingTheVariable() {
        MockEnvironment env = new MockEnvironment().withProperty("S3_BUCKET", "recordings")
                .withProperty("S3_PUBLIC_ENDPOINT", "https://s3.shisha.example");
        assertThatThrownBy(() -> new UploadsConfig().s3Settings(env)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("S3_PUBLIC_ENDPOINT");
    }
}
