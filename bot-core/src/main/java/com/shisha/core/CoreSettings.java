package com.shisha.core;

import com.shisha.core.pipeline.PipelineSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * bot-core's settings: the pipeline's tuning, and how often the journey's nudges are looked for.
 *
 * @param nudgeEvery how often each instance looks for partners due a nudge (SHISHA_NUDGE_EVERY_SECONDS); zero: never
 */
public record CoreSettings(PipelineSettings pipeline, Duration nudgeEvery) {

    public static CoreSettings read(SettingsReader r, Path dataDir) {
        return new CoreSettings(PipelineSettings.read(r, dataDir),
                r.duration("SHISHA_NUDGE_EVERY_SECONDS", ChronoUnit.SECONDS, 60, 0, 86_400));
    }
}
