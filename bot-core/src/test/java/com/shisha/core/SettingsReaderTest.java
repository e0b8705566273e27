package com.shisha.core;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsReaderTest {

    @Test
    void blankIsUnsetAndValuesAreTrimmed() {
        SettingsReader r = SettingsReader.of(Map.of("A", "  ", "B", " x "));
        assertThat(r.get("A")).isEmpty();
        assertThat(r.get("B")).contains("x");
        assertThat(r.integer("C", 7, 0, 10)).isEqualTo(7);
    }

    @Test
    void aNameIsReadOnceSoItHasOneDefault() {
        SettingsReader r = SettingsReader.of(Map.of());
        r.integer("SHISHA_TURN_WORKERS", 2, 1, 512);
        assertThatThrownBy(() -> r.integer("SHISHA_TURN_WORKERS", 4, 1, 512)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SHISHA_TURN_WORKERS");
        assertThat(r.names()).containsExactly("SHISHA_TURN_WORKERS");
    }

    @Test
    void badValuesNameTheirVariable() {
        SettingsReader r = SettingsReader.of(Map.of("N", "12", "B", "yes", "C", "sometimes", "U", "ftp://x", "D", "-1"));
        assertThatThrownBy(() -> r.integer("N", 1, 1, 10)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("N must be a whole number from 1 to 10 (was '12')");
        assertThatThrownBy(() -> r.bool("B", true)).hasMessage("B must be true or false (was 'yes')");
        assertThatThrownBy(() -> r.choice("C", "busy", "busy", "always")).hasMessage("C must be one of busy, always (was 'sometimes')");
        assertThatThrownBy(() -> r.url("U", "https", "http")).hasMessage("U must start with https:// or http://");
        assertThatThrownBy(() -> r.duration("D", ChronoUnit.SECONDS, 1, 0, 60)).hasMessageStartingWith("D must be a whole number");
    }

    @Test
    void goodValuesAreTyped() {
        SettingsReader r = SettingsReader.of(Map.of("U", "https://example.com", "C", "ALWAYS", "D", "90", "B", "False"));
        assertThat(r.url("U", "https")).contains(URI.create("https://example.com"));
        assertThat(r.choice("C", "busy", "busy", "always")).isEqualTo("always");
        assertThat(r.duration("D", ChronoUnit.SECONDS, 1, 0, 600)).isEqualTo(Duration.ofSeconds(90));
        assertThat(r.bool("B", true)).isFalse();
    }
}
