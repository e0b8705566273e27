package com.shisha.core.voice;

import com.shisha.core.Language;

import java.util.Optional;

/**
 * Speech heard as it is spoken: one recogniser per speaker of a live call, fed audio as it arrives, answering with
 * each utterance as soon as the recogniser decides it ended (a pause). Vosk implements it; tests of the live call
 * put a named test double here.
 */
public interface SpeechStreams {

    /** A recogniser for one speaker; empty when no model hears the language here. */
    Optional<SpeechStream> open(Language language);

    interface SpeechStream extends AutoCloseable {

        /**
         * @param pcm 16-bit mono samples at {@link SpeechRecognizer#SAMPLE_RATE}, the next piece of the speaker's audio
         * @return the words of an utterance that ended within this audio, if one did (and had words)
         */
        Optional<String> accept(short[] pcm);

        /** The words heard since the last utterance, at the end of the audio. */
        Optional<String> finish();

        @Override
        void close();
    }
}
