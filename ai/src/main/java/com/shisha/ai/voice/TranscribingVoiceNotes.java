package com.shisha.ai.voice;

import com.shisha.core.InboundMessage;
import com.shisha.core.Language;
import com.shisha.core.voice.MediaFetcher;
import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.core.voice.SpeechRecognizer.Recognition;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNoteException.Kind;
import com.shisha.core.voice.VoiceNotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Download, decode, recognise: a voice note becomes text, within the configured byte and duration limits. */
public final class TranscribingVoiceNotes implements VoiceNotes {

    private static final Logger log = LoggerFactory.getLogger(TranscribingVoiceNotes.class);

    private final MediaFetcher fetcher;
    private final AudioDecoder decoder = new AudioDecoder();
    private final SpeechRecognizer recognizer;
    private final long maxBytes;
    private final int maxSeconds;

    /** Uses settings' maxBytes and maxSeconds; the recognizer is usually a {@link VoskSpeechRecognizer} built from the same settings. */
    public TranscribingVoiceNotes(MediaFetcher fetcher, SpeechRecognizer recognizer, VoiceSettings settings) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
        this.maxBytes = settings.maxBytes();
        this.maxSeconds = settings.maxSeconds();
    }

    @Override
    public boolean isAudio(InboundMessage.Media media) {
        String type = AudioDecoder.baseType(media.contentType());
        return type.startsWith("audio/") || type.equals("application/ogg");
    }

    @Override
    public Recognition transcribe(InboundMessage.Media media, Language language, List<String> grammar) {
        // no model, no download: the partner hears "voice is unavailable" without us fetching their audio
        SpeechRecognizer.Availability availability = recognizer.availability(language);
        if (!availability.ready()) {
            throw new VoiceNoteException(Kind.UNAVAILABLE, availability.detail());
        }
        long start = System.nanoTime();
        MediaFetcher.Fetched fetched = fetcher.fetch(media, maxBytes);
        long fetchedAt = System.nanoTime();
        String type = fetched.contentType() == null || fetched.contentType().isBlank() ? media.contentType() : fetched.contentType();
        short[] pcm = decoder.decode(fetched.bytes(), type, maxSeconds);
        if (pcm.length == 0) {
            throw new VoiceNoteException(Kind.FAILED, "the voice note holds no audio");
        }
        long decodedAt = System.nanoTime();
        Recognition recognition;
        try {
            recognition = recognizer.recognize(pcm, language, grammar == null ? List.of() : grammar);
        } catch (VoiceNoteException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new VoiceNoteException(Kind.FAILED, "speech recognition failed: " + e, e);
        }
        log.debug("voice note {} s ({} bytes, {}): fetch {} ms, decode {} ms, recognise {} ms, confidence {}",
                pcm.length / SpeechRecognizer.SAMPLE_RATE, fetched.bytes().length, type, millis(start, fetchedAt),
                millis(fetchedAt, decodedAt), millis(decodedAt, System.nanoTime()), recognition.confidence());
        return recognition;
    }

    @Override
    public Map<Language, SpeechRecognizer.Availability> status() {
        Map<Language, SpeechRecognizer.Availability> status = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            status.put(language, recognizer.availability(language));
        }
        return status;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
