package com.shisha.channels.twilio;

import com.shisha.core.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioSettingsTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";

    private static TwilioSettings settings(String sid, String token, String whatsapp, String api, String publicBase) {
        return new TwilioSettings(sid, token, whatsapp, null, URI.create(api), URI.create(publicBase));
    }

    @Test
    void acceptsTwilioAndLoopbackStandIns() {
        assertThat(settings(SID, "secret-token", "whatsapp:+14155238886", "https://api.twilio.com", "https://bot.example.com")).isNotNull();
        assertThat(settings(SID, "secret-token", "whatsapp:+14155238886", "http://127.0.0.1:4010", "http://localhost:8080")).isNotNull();
    }

    @Test
    void credentialsNeverGoToAnotherHost() {
        assertThatThrownBy(() -> settings(SID, "secret-token", "whatsapp:+14155238886", "https://api.twilio.com.evil.example", "https://b.example"))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("TWILIO_API_BASE_URL");
        assertThatThrownBy(() -> settings(SID, "secret-token", "whatsapp:+14155238886", "http://api.twilio.com", "https://b.example"))
                .hasMessageContaining("TWILIO_API_BASE_URL");
        assertThatThrownBy(() -> settings(SID, "secret-token", "whatsapp:+14155238886", "http://10.0.0.5:4010", "https://b.example"))
                .hasMessageContaining("TWILIO_API_BASE_URL");
    }

    @Test
    void loopbackIsJudgedByTheWholeHostNotItsStart() {
        for (String standIn : new String[]{"http://127.0.0.1:4010", "http://127.1.2.3:4010", "https://localhost:8443",
                "http://LOCALHOST:4010", "http://[::1]:4010", "http://[0:0:0:0:0:0:0:1]:4010"}) {
            assertThat(TwilioSettings.isTwilioOrLoopback(URI.create(standIn))).as(standIn).isTrue();
        }
        for (String elsewhere : new String[]{"http://127.0.0.1.attacker.example:4010", "http://127.evil.example",
                "http://localhost.attacker.example", "http://127.0.0.256:4010", "http://[::2]:4010", "http://0.0.0.0:4010",
                "https://evil.example/api.twilio.com", "https://twilio.com.evil.example", "https://user@api.twilio.com",
                "ftp://127.0.0.1/"}) {
            assertThat(TwilioSettings.isTwilioOrLoopback(URI.create(elsewhere))).as(elsewhere).isFalse();
        }
    }

    @Test
    void theContentApiFollowsTheSameRule() {
        TwilioSettings defaults = settings(SID, "secret-token", "whatsapp:+14155238886", "https://api.twilio.com", "https://b.example");
        assertThat(defaults.contentBaseUrl()).isEqualTo(URI.create("https://content.twilio.com"));
        assertThat(new TwilioSettings(SID, "secret-token", "whatsapp:+14155238886", null, URI.create("http://127.0.0.1:4010"),
                URI.create("https://b.example"), URI.create("http://127.0.0.1:4011")).contentBaseUrl()).hasPort(4011);
        for (String elsewhere : new String[]{"https://content.twilio.com.evil.example", "http://content.twilio.com",
                "http://127.0.0.1.evil.example", "http://10.0.0.5:4010"}) {
            assertThatThrownBy(() -> new TwilioSettings(SID, "secret-token", "whatsapp:+14155238886", null,
                    URI.create("https://api.twilio.com"), URI.create("https://b.example"), URI.create(elsewhere)))
                    .as(elsewhere).isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("TWILIO_CONTENT_BASE_URL");
        }
    }

    @Test
    void namesTheBadVariable() {
        assertThatThrownBy(() -> settings("AC123", "secret-token", "whatsapp:+14155238886", "https://api.twilio.com", "https://b.example"))
                .hasMessageStartingWith("TWILIO_ACCOUNT_SID");
        assertThatThrownBy(() -> settings(SID, "short", "whatsapp:+14155238886", "https://api.twilio.com", "https://b.example"))
                .hasMessageStartingWith("TWILIO_AUTH_TOKEN");
        assertThatThrownBy(() -> settings(SID, "secret-token", "+14155238886", "https://api.twilio.com", "https://b.example"))
                .hasMessageStartingWith("TWILIO_WHATSAPP_FROM");
        assertThatThrownBy(() -> settings(SID, "secret-token", "whatsapp:+14155238886", "https://api.twilio.com", "ftp://b.example"))
                .hasMessageStartingWith("PUBLIC_BASE_URL");
    }

    @Test
    void mediaCredentialsOnlyForTwilioMediaHosts() {
        assertThat(TwilioSettings.isTwilioMediaHost(URI.create("https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME"))).isTrue();
        assertThat(TwilioSettings.isTwilioMediaHost(URI.create("https://evil.example.com/api.twilio.com"))).isFalse();
        assertThat(TwilioSettings.isTwilioMediaHost(URI.create("http://api.twilio.com/x"))).isFalse();
    }
}
