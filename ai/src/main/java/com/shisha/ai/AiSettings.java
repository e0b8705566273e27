package com.shisha.ai;

import com.shisha.ai.llm.OllamaChatLlm;
import com.shisha.ai.tips.LlmPitchTips;
import com.shisha.ai.voice.SpeechModelDownloads;
import com.shisha.ai.voice.VoiceSettings;
import com.shisha.core.InvalidConfigurationException;
import com.shisha.core.SettingsReader;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The coach, call reviews, pitch tips, speech and lead scoring (docs/configuration.md, "The coach, call reviews, pitch
 * tips and speech").
 *
 * @param ollama                the model's address, name and timeout (OLLAMA_BASE_URL, OLLAMA_MODEL, OLLAMA_TIMEOUT_MILLIS)
 * @param ollamaMaxConcurrent   model calls in flight per instance for the coach and call reviews (OLLAMA_MAX_CONCURRENT)
 * @param maxTranscriptChars    longer transcripts reach the model as start and end (CALL_REVIEW_MAX_TRANSCRIPT_CHARS)
 * @param pitchTipsWorkers      background threads generating pitch tips (PITCH_TIPS_WORKERS)
 * @param pitchTipTtl           how long a generated tip is kept (PITCH_TIP_TTL_HOURS)
 * @param voice                 voice notes: models and limits
 * @param callMaxSeconds        the longest sales-call recording reviewed (SHISHA_CALL_MAX_SECONDS)
 * @param speechModelDownload   fetch missing speech models on start (SHISHA_SPEECH_MODEL_DOWNLOAD)
 * @param speechModelUrl        where from (SHISHA_SPEECH_MODEL_URL)
 * @param learnedLeadScorer     the learned model ranks leads, else the transparent baseline (SHISHA_LEAD_SCORER)
 * @param callReviewWorkers     call-review jobs at once per instance (SHISHA_CALL_REVIEW_WORKERS)
 * @param callReviewLease       how long a job is an instance's before another may take it over (SHISHA_CALL_REVIEW_LEASE_SECONDS)
 * @param callReviewPoll        how often jobs are looked for (SHISHA_CALL_REVIEW_POLL_MILLIS); zero: only those this instance creates
 */
public record AiSettings(OllamaChatLlm.Settings ollama, int ollamaMaxConcurrent, int maxTranscriptChars, int pitchTipsWorkers,
                         Duration pitchTipTtl, VoiceSettings voice, int callMaxSeconds, boolean speechModelDownload,
                         URI speechModelUrl, boolean learnedLeadScorer, int callReviewWorkers, Duration callReviewLease,
                         Duration callReviewPoll) {

    public static AiSettings read(SettingsReader r) {
        Optional<URI> base = r.url("OLLAMA_BASE_URL", "http", "https");
        Optional<String> model = r.get("OLLAMA_MODEL");
        Duration timeout = r.duration("OLLAMA_TIMEOUT_MILLIS", ChronoUnit.MILLIS, 8000, 100, 600_000);
        OllamaChatLlm.Settings ollama;
        try {
            ollama = new OllamaChatLlm.Settings(base.orElse(URI.create("http://localhost:11434")), model.orElse("shisha-coach"),
                    timeout, base.isPresent());
        } catch (IllegalArgumentException e) {
            // the record's message starts with the variable it refuses
            String variable = e.getMessage().substring(0, e.getMessage().indexOf(' '));
            throw new InvalidConfigurationException(variable, e.getMessage().substring(variable.length() + 1));
        }
        int maxConcurrent = r.integer("OLLAMA_MAX_CONCURRENT", 4, 1, 256);
        int transcriptChars = r.integer("CALL_REVIEW_MAX_TRANSCRIPT_CHARS", 6000, 500, 100_000);
        int tipsWorkers = r.integer("PITCH_TIPS_WORKERS", LlmPitchTips.Settings.defaults().workers(), 1, 64);
        Duration tipTtl = r.duration("PITCH_TIP_TTL_HOURS", ChronoUnit.HOURS, 168, 1, 24 * 365);
        VoiceSettings voice = VoiceSettings.from(r);
        int callMaxSeconds = r.integer("SHISHA_CALL_MAX_SECONDS", 300, 1, 600);
        boolean download = r.bool("SHISHA_SPEECH_MODEL_DOWNLOAD", true);
        URI modelUrl = r.url("SHISHA_SPEECH_MODEL_URL", "https", "http").orElse(SpeechModelDownloads.OFFICIAL);
        try {
            SpeechModelDownloads.requireSafe(modelUrl);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("SHISHA_SPEECH_MODEL_URL", e.getMessage());
        }
        boolean learned = r.choice("SHISHA_LEAD_SCORER", "learned", "learned", "baseline").equals("learned");
        return new AiSettings(ollama, maxConcurrent, transcriptChars, tipsWorkers, tipTtl, voice, callMaxSeconds, download, modelUrl,
                learned, r.integer("SHISHA_CALL_REVIEW_WORKERS", 2, 1, 64),
                r.duration("SHISHA_CALL_REVIEW_LEASE_SECONDS", ChronoUnit.SECONDS, 900, 30, 86_400),
                r.duration("SHISHA_CALL_REVIEW_POLL_MILLIS", ChronoUnit.MILLIS, 1000, 0, 60_000));
    }
}
