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
