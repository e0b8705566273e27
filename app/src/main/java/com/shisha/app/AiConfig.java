package com.shisha.app;

import com.shisha.ai.coach.KnowledgeBaseCoach;
import com.shisha.ai.llm.ChatLlm;
import com.shisha.core.coach.CoachEscalations;
import com.shisha.core.coach.CoachSessions;
import com.shisha.ai.review.LlmCallReviews;
import com.shisha.ai.tips.KnowledgeBasePitchTips;
import com.shisha.ai.tips.LlmPitchTips;
import com.shisha.core.coach.CallAnalysisStore;
import com.shisha.core.coach.CallReviews;
import com.shisha.core.journey.PitchTipCache;
import com.shisha.ai.llm.OllamaChatLlm;
import com.shisha.ai.voice.AudioDecoder;
import com.shisha.ai.voice.TranscribingVoiceNotes;
import com.shisha.ai.voice.VoiceSettings;
import com.shisha.ai.voice.SpeechModelDownloads;
import com.shisha.ai.voice.VoskSpeechRecognizer;
import com.shisha.channels.twilio.TwilioMediaFetcher;
import com.shisha.core.Language;
import com.shisha.core.pipeline.CpuGate;
import com.shisha.core.pipeline.VoiceInputs;
import com.shisha.core.voice.MediaFetcher;
import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.core.voice.VoiceNoteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.shisha.ai.AiSettings;
import com.shisha.persistence.StoreSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Speech, the language model and what is built on them, with the settings of {@link AiSettings}. */
@Configuration(proxyBeanMethods = false)
class AiConfig {

    private static final Logger log = LoggerFactory.getLogger(AiConfig.class);

    /**
     * Models load once here: the configured folders, else models fetched by an earlier start into the data folder.
     * A missing or broken model does not stop the service: voice notes in that language are answered with "please
     * type", and the health endpoint and this log line say why.
     */
    /** Not a candidate where a SpeechRecognizer is wanted: they get the timed one below (or a test's double). */
    @Bean(destroyMethod = "close", defaultCandidate = false)
    VoskSpeechRecognizer vosk(VoiceSettings settings, StoreSettings stores) {
        Path data = stores.dataDir();
        Path natives = data.resolve("native");
        VoskSpeechRecognizer.useNativeFolder(natives);
        AudioDecoder.useNativeFolder(natives.resolve("javacpp"));
        // loads FFmpeg now rather than on the first MP3 (unpacking 56 MB), and says here if it cannot; beside the
        // start-up rather than in it (a second of CPU), and a voice note that comes first waits for the same load
        Thread ffmpeg = new Thread(() -> log.info("voice notes in MP3, AAC/MP4, AMR, WebM, OGG/Vorbis: FFmpeg {}",
                new AudioDecoder().nativeDecoder()), "ffmpeg-load");
        ffmpeg.setDaemon(true);
        ffmpeg.start();
        Path fetched = data.resolve(SPEECH_MODELS);
        Map<Language, Path> paths = new java.util.EnumMap<>(Language.class);
        paths.put(Language.EN, settings.englishModel());
        paths.put(Language.HI, settings.hindiModel());
        for (SpeechModelDownloads.Pinned pinned : SpeechModelDownloads.catalogue()) {
            if (paths.get(pinned.language()) == null) {
                SpeechModelDownloads.ready(fetched, pinned).ifPresent(dir -> paths.put(pinned.language(), dir));
            }
        }
        // it logs each language's model as it loads it; a language without one is the downloads' to report
        return new VoskSpeechRecognizer(paths.get(Language.EN), paths.get(Language.HI), settings.concurrency());
    }

    static final String SPEECH_MODELS = "speech-models";

    /**
     * Languages with no model configured or fetched before get Vosk's official small model in the background, unless
     * SHISHA_SPEECH_MODEL_DOWNLOAD=false; SHISHA_SPEECH_MODEL_URL points at a mirror.
     */
    @Bean(destroyMethod = "close")
    SpeechModelDownloads speechModelDownloads(@Qualifier("vosk") VoskSpeechRecognizer vosk, AiSettings ai, StoreSettings stores) {
        SpeechModelDownloads downloads = new SpeechModelDownloads(stores.dataDir().resolve(SPEECH_MODELS), ai.speechModelUrl(), vosk);
        List<SpeechModelDownloads.Pinned> missing = SpeechModelDownloads.catalogue().stream()
                .filter(p -> !vosk.availability(p.language()).ready()).toList();
        if (missing.isEmpty()) {
            return downloads;
        }
        if (ai.speechModelDownload()) {
            log.info("speech models: fetching {} in the background; voice notes in each language switch on when its model is in",
                    missing.stream().map(SpeechModelDownloads.Pinned::name).toList());
            downloads.start(missing);
        } else {
            log.warn("voice notes in {} are off: no speech model, and SHISHA_SPEECH_MODEL_DOWNLOAD=false; set {}",
                    missing.stream().map(p -> p.language().name()).toList(),
                    missing.stream().map(p -> VoskSpeechRecognizer.variableFor(p.language())).toList());
        }
        return downloads;
    }

    /** Live calls hear each side through a recogniser of its own (Vosk's end-pointing tells when a sentence ended). */
    @Bean
    com.shisha.core.voice.SpeechStreams speechStreams(@Qualifier("vosk") VoskSpeechRecognizer vosk) {
        return vosk::open; // not the recogniser itself, which would then be a second SpeechRecognizer bean
    }

    /** What a customer says on a live call, with a tip from the coach's guide. */
    @Bean
    com.shisha.core.call.CallCues callCues(KnowledgeBaseCoach coach) {
        return new com.shisha.ai.review.LiveCues(coach);
    }

    @Bean
    SpeechRecognizer speechRecognizer(@Qualifier("vosk") VoskSpeechRecognizer vosk, io.micrometer.core.instrument.MeterRegistry meters) {
        return OperationsMetrics.timed(vosk, meters);
    }

    /**
     * Two limits: a voice note to the bot is short (SHISHA_VOICE_MAX_SECONDS); a sales call sent for review may
     * run for minutes (SHISHA_CALL_MAX_SECONDS). Without Twilio there is no media to fetch.
     */
    @Bean
    VoiceInputs voiceInputs(ChannelsConfig.TwilioSetup twilio, SpeechRecognizer recognizer, VoiceSettings settings,
                            CpuGate turnCpu, AiSettings ai) {
        MediaFetcher fetcher = twilio.settings().<MediaFetcher>map(TwilioMediaFetcher::new).orElse((media, maxBytes) -> {
            throw new VoiceNoteException(VoiceNoteException.Kind.UNAVAILABLE, "Twilio is not configured: no media can be fetched");
        });
        VoiceSettings calls = new VoiceSettings(settings.englishModel(), settings.hindiModel(), ai.callMaxSeconds(),
                settings.concurrency(), settings.maxBytes());
        return new VoiceInputs(new TranscribingVoiceNotes(fetcher, recognizer, settings),
                new TranscribingVoiceNotes(fetcher, recognizer, calls), turnCpu);
    }

    @Bean
    HealthIndicator voiceNotes(SpeechRecognizer recognizer) {
        // voice is optional: without a model the service still works (partners type), so it reports UP with details
        return () -> {
            Health.Builder health = Health.up();
            for (Language language : Language.values()) {
                SpeechRecognizer.Availability a = recognizer.availability(language);
                health.withDetail(language.code(), Map.of("ready", a.ready(), "detail", a.detail()));
            }
            // the FFmpeg libraries load once (at start-up, see speechRecognizer); this only reads the result
            health.withDetail("decoding", "OGG/Opus and WAV in Java; MP3, AAC/MP4, AMR, WebM, OGG/Vorbis: FFmpeg "
                    + new AudioDecoder().nativeDecoder());
            return health.build();
        };
    }

    /** Few calls in flight: Ollama answers a handful at a time on one machine; the rest would only queue there. */
    @Bean(destroyMethod = "close")
    OllamaChatLlm ollamaClient(OllamaChatLlm.Settings settings, AiSettings ai) {
        return new OllamaChatLlm(settings, ai.ollamaMaxConcurrent());
    }

    /**
     * The model as turns call it (coach, call review): the wait for the answer happens outside the turn's CPU
     * permit, so a turn waiting seconds on Ollama does not hold up other conversations. Callers off the turn
     * threads (the API) hold no permit and are unaffected.
     */
    @Bean
    @org.springframework.context.annotation.Primary
    ChatLlm chatLlm(OllamaChatLlm ollamaClient, CpuGate turnCpu, io.micrometer.core.instrument.MeterRegistry meters) {
        return OperationsMetrics.timed(request -> turnCpu.outside(() -> ollamaClient.chat(request)), meters);
    }

    @Bean
    CallReviews callReviews(ChatLlm chatLlm, CallAnalysisStore store, OllamaChatLlm.Settings ollama, AiSettings ai) {
        return new LlmCallReviews(chatLlm, store, new LlmCallReviews.Settings(ollama.timeout(), ai.maxTranscriptChars()));
    }

    /**
     * Pitch tips get their own Ollama client with one call in flight: they are generated in the background, and
     * must never take the slots a partner waiting on the coach or a call review needs.
     */
    @Bean(destroyMethod = "close")
    LlmPitchTips pitchTips(OllamaChatLlm.Settings ollama, PitchTipCache cache, AiSettings ai) {
        OllamaChatLlm own = new OllamaChatLlm(ollama, 1);
        LlmPitchTips.Settings defaults = LlmPitchTips.Settings.defaults();
        return new LlmPitchTips(own, new KnowledgeBasePitchTips(), cache, new LlmPitchTips.Settings(ollama.timeout(),
                ai.pitchTipsWorkers(), defaults.queue(),
                defaults.retryAfterFailure(), defaults.localEntries(), defaults.localMaxAge()));
    }

    static Path coachCache(StoreSettings stores) {
        return stores.dataDir().resolve("coach-embeddings.bin");
    }

    /**
     * The knowledge base is embedded once; the vectors are cached in the data folder, so a restart takes
     * milliseconds instead of seconds (the cache names the model file, so a new model rebuilds it).
     */
    @Bean
    KnowledgeBaseCoach coach(ChatLlm chatLlm, CoachSessions sessions, CoachEscalations escalations, OllamaChatLlm.Settings ollama,
                StoreSettings stores) {
        Path cache = coachCache(stores);
        long start = System.nanoTime();
        KnowledgeBaseCoach coach = KnowledgeBaseCoach.create(chatLlm, sessions, escalations,
                KnowledgeBaseCoach.Settings.withTimeout(ollama.timeout()), cache);
        log.info("coach ready in {} ms (knowledge base indexed, embedding cache {})", (System.nanoTime() - start) / 1_000_000, cache);
        return coach;
    }
}
