package com.shisha.core.voice;

import com.shisha.core.Language;

import java.util.List;

/**
 * The speech port: 16 kHz mono PCM in, words out. Vosk implements it in production; tests of the voice-note
 * path put a named test double here and nowhere else.
 */
public interface SpeechRecognizer {

    int SAMPLE_RATE = 16_000;

    /**
     * @param pcm     16-bit signed little-endian mono samples at {@link #SAMPLE_RATE}
     * @param grammar phrases the dialog expects (menu numbers, quiz options); empty for free speech
     * @throws VoiceNoteException when no model is available for the language
     */
    Recognition recognize(short[] pcm, Language language, List<String> grammar);

    /** Whether a model is loaded for the language, and if not why; for the partner's answer and the health endpoint. */
    Availability availability(Language language);

    /** @param confidence mean word confidence in [0, 1]; 0 when nothing was heard */
    record Recognition(String text, double confidence) {
    }

    record Availability(boolean ready, String detail) {
    }
}
