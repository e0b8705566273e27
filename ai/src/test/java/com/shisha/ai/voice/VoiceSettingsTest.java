package com.shisha.ai.voice;

import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.SettingsReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoiceSettingsTest {

    @Test
    void unsetVariablesGiveTheDefaultsAndNoModels() {
        VoiceSettings settings = VoiceSettings.from(SettingsReader.of(Map.<String, String>of()));

        assertThat(settings).isEqualTo(new VoiceSettings(null, null, 120, 2, 16L * 1024 * 1024));
    }

    @Test
    void variablesAreReadByName() {
        VoiceSettings settings = VoiceSettings.from(SettingsReader.of(Map.of("VOSK_MODEL_PATH", "/models/en", "VOSK_MODEL_PATH_HI", " /models/hi ",
                "SHISHA_VOICE_MAX_SECONDS", "60", "SHISHA_VOICE_CONCURRENCY", "4", "SHISHA_VOICE_MAX_BYTES", "1048576")));

        assertThat(settings).isEqualTo(new VoiceSettings(Path.of("/models/en"), Path.of("/models/hi"), 60, 4, 1_048_576));
    }

    @Test
    void badValuesNameTheirVariable() {
        assertThatThrownBy(() -> VoiceSettings.from(SettingsReader.of(Map.of("SHISHA_VOICE_MAX_SECONDS", "two minutes"))))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("SHISHA_VOICE_MAX_SECONDS must be a whole number");
        assertThatThrownBy(() -> new VoiceSettings(null, null, 0, 2, 4096))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("SHISHA_VOICE_MAX_SECONDS");
        assertThatThrownBy(() -> VoiceSettings.from(SettingsReader.of(Map.of("SHISHA_VOICE_CONCURRENCY", "0"))))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("SHISHA_VOICE_CONCURRENCY");
        assertThatThrownBy(() -> VoiceSettings.from(SettingsReader.of(Map.of("SHISHA_VOICE_CONCURRENCY", "99999999999"))))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("SHISHA_VOICE_CONCURRENCY");
        assertThatThrownBy(() -> new VoiceSettings(null, null, 120, 2, 10))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("SHISHA_VOICE_MAX_BYTES");
    }
}
