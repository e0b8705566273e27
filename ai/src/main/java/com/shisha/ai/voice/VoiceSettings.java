package com.shisha.ai.voice;

import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.SettingsReader;

import java.nio.file.Path;

/**
 * Voice-note configuration, validated when built so a bad value stops start-up with the variable's name.
 * Missing model paths are allowed: the service starts and tells partners voice is unavailable.
 *
 * @param englishModel VOSK_MODEL_PATH: folder of a Vosk model for English (e.g. vosk-model-small-en-in-0.4); null if none
 * @param hindiModel   VOSK_MODEL_PATH_HI: folder of a Vosk model for Hindi (e.g. vosk-model-small-hi-0.22); null if none
 * @param maxSeconds   SHISHA_VOICE_MAX_SECONDS: longer notes are refused (decoding stops there)
 * @param concurrency  SHISHA_VOICE_CONCURRENCY: recognitions running at once; each holds a core while it runs
 * @param maxBytes     SHISHA_VOICE_MAX_BYTES: larger downloads are cut off
 */
public record VoiceSettings(Path englishModel, Path hindiModel, int maxSeconds, int concurrency, long maxBytes) {

    public static final int DEFAULT_MAX_SECONDS = 120;
    public static final int DEFAULT_CONCURRENCY = 2;
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    public VoiceSettings {
        require(maxSeconds >= 1 && maxSeconds <= 600, "SHISHA_VOICE_MAX_SECONDS", "must be between 1 and 600 seconds, was " + maxSeconds);
        require(concurrency >= 1 && concurrency <= 64, "SHISHA_VOICE_CONCURRENCY", "must be between 1 and 64, was " + concurrency);
        require(maxBytes >= 1024 && maxBytes <= 256L * 1024 * 1024, "SHISHA_VOICE_MAX_BYTES",
                "must be between 1024 and 268435456 bytes, was " + maxBytes);
    }

    /** Both models (either may be null) with the default limits. */
    public static VoiceSettings withModels(Path englishModel, Path hindiModel) {
        return new VoiceSettings(englishModel, hindiModel, DEFAULT_MAX_SECONDS, DEFAULT_CONCURRENCY, DEFAULT_MAX_BYTES);
    }

    /** @throws InvalidConfigurationException naming the variable whose value is not a number or out of range */
    public static VoiceSettings from(SettingsReader r) {
        return new VoiceSettings(r.path("VOSK_MODEL_PATH").orElse(null), r.path("VOSK_MODEL_PATH_HI").orElse(null),
                r.integer("SHISHA_VOICE_MAX_SECONDS", DEFAULT_MAX_SECONDS, 1, 600),
                r.integer("SHISHA_VOICE_CONCURRENCY", DEFAULT_CONCURRENCY, 1, 64),
                r.integer("SHISHA_VOICE_MAX_BYTES", (int) DEFAULT_MAX_BYTES, 1024, 256 * 1024 * 1024));
    }

    private static void require(boolean ok, String variable, String rule) {
        if (!ok) {
            throw new InvalidConfigurationException(variable, rule);
        }
    }
}
