package com.shisha.app;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no proxy configured (the default), X-Forwarded-For and X-Forwarded-Proto are not believed from anyone, not
 * even from loopback: the per-address limit counts the real peer, and HSTS follows the real scheme. (With a proxy
 * configured they are believed: every other API test calls through loopback configured as the proxy.)
 */
@TestPropertySource(properties = "SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES=")
class ForwardedHeadersTest extends AbstractApiTest {

    /** A loopback address of this test's own, so no other test's calls count against it. */
    private final String peer = "127." + ThreadLocalRandom.current().nextInt(1, 255) + "."
            + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(2, 255);

    @Test
    void rotatingXForwardedForDoesNotLiftThePerAddressLimit() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int accepted = 0;
        Response r;
        do {
            String claimed = "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
            r = RawHttp.get(peer, port, "/api/v1/dashboard", Map.of("X-Forwarded-For", claimed));
            if (r.status() == 401) {
                accepted++;
            }
        } while (r.status() == 401 && accepted <= IP_LIMIT);
        assertThat(accepted).as("requests let through with a new X-Forwarded-For each").isEqualTo(IP_LIMIT);
        r.error(429, "too_many_requests");
        // another real address is not affected by this one's budget
        String other = peer.substring(0, peer.lastIndexOf('.') + 1) + (peer.endsWith(".2") ? "3" : "2");
        assertThat(RawHttp.get(other, port, "/api/v1/dashboard", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void xForwardedProtoFromAnUnnamedPeerGetsNoHsts() {
        Response r = RawHttp.get(peer, port, "/api/v1/dashboard", Map.of("X-Forwarded-Proto", "https"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Strict-Transport-Security")).isNull();
    }
}
