package com.shisha.app;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web chat where it needs a sign-in (production's default): nothing without a partner's session, a partner
 * chats and reads replies as their own number only, and the API's per-partner limit applies.
 */
@TestPropertySource(properties = {"SHISHA_WEBCHAT_OPEN=false", "SHISHA_RATE_LIMIT_PARTNER_PER_MINUTE=" + WebChatSignedInTest.LIMIT})
class WebChatSignedInTest extends AbstractApiTest {

    static final int LIMIT = 6;

    private Response post(String token, String phone, String text) {
        return call("POST", "/api/v1/webchat/messages", token, Map.of("phone", phone, "text", text));
    }

    @Test
    void withoutASignInNothingGetsThrough() {
        String phone = freshPhone();
        Response post = post(null, phone, "2");
        assertThat(post.status()).isEqualTo(401);
        assertThat(post.body()).contains("\"error\":\"unauthorized\"");
        assertThat(get("/api/v1/webchat/stream?phone=" + phone.replace("+", "%2B"), null).status()).isEqualTo(401);
        assertThat(post("not-a-token", phone, "2").status()).isEqualTo(401);
        assertThat(get("/api/v1/webchat/stream?phone=" + phone.replace("+", "%2B") + "&access_token=forged", null).status()).isEqualTo(401);
    }

    @Test
    void aPartnerChatsAsTheirOwnNumberOnly() {
        String mine = freshPhone();
        String theirs = freshPhone();
        String token = tokenFor(mine);
        assertThat(post(token, mine, "hi").status()).isEqualTo(202);
        Response other = post(token, theirs, "2");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).contains("\"error\":\"forbidden\"");
        Response stream = get("/api/v1/webchat/stream?phone=" + theirs.replace("+", "%2B") + "&access_token=" + token, null);
        assertThat(stream.status()).isEqualTo(403);
    }

    @Test
    void postsAreLimitedPerPartner() {
        String mine = freshPhone();
        String token = tokenFor(mine);
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < LIMIT + 4; i++) {
            int status = post(token, mine, "hello " + i).status();
            accepted += status == 202 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        assertThat(limited).as("429s past the per-partner limit").isGreaterThanOrEqualTo(4);
        assertThat(accepted).isLessThanOrEqualTo(LIMIT);
    }
}
