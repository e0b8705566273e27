package com.shisha.ai.voice;

import com.shisha.core.Language;
import com.shisha.core.voice.SpeechRecognizer.Availability;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNoteException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vosk.LibVosk;
import org.vosk.LogLevel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What can be verified without a speech model (none can be downloaded here): the native library loads, and every
 * way a model folder can be wrong becomes a clear "unavailable" instead of a start-up failure.
 */
class VoskSpeechRecognizerTest {

    @TempDir
    Path dir;

    @Test
    void theNativeLibraryLoadsFromTheJar() {
        assertThatCode(() -> LibVosk.setLogLevel(LogLevel.WARNINGS)).doesNotThrowAnyException();
    }

    @Test
    void withoutPathsNeitherLanguageIsReadyAndTheVariablesAreNamed() {
        try (VoskSpeechRecognizer vosk = new VoskSpeechRecognizer(null, null, 2)) {
            assertUnavailable(vosk, Language.EN, "VOSK_MODEL_PATH is not set");
            assertUnavailable(vosk, Language.HI, "VOSK_MODEL_PATH_HI is not set");
        }
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = dir.resolve("vosk-model-small-en-in-0.4");
        try (VoskSpeechRecognizer vosk = new VoskSpeechRecognizer(missing, null, 2)) {
            assertUnavailable(vosk, Language.EN, "VOSK_MODEL_PATH=" + missing + ": no such folder");
        }
    }

    @Test
    void anEmptyFolderIsNotAModel() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        try (VoskSpeechRecognizer vosk = new VoskSpeechRecognizer(null, empty, 2)) {
            assertUnavailable(vosk, Language.HI, "VOSK_MODEL_PATH_HI=" + empty + ": not a Vosk model folder (am/final.mdl is missing)");
            assertUnavailable(vosk, Language.EN, "VOSK_MODEL_PATH is not set");
        }
    }

    @Test
    void theParentOfAnUnpackedModelGetsAHint() throws IOException {
        Path parent = dir.resolve("models");
        Path model = Files.createDirectories(parent.resolve("vosk-model-small-hi-0.22/am"));
        Files.writeString(model.resolve("final.mdl"), "x");
        try (VoskSpeechRecognizer vosk = new VoskSpeechRecognizer(null, parent, 2)) {
            assertUnavailable(vosk, Language.HI, "(am/final.mdl is missing); did you mean " + parent.resolve("vosk-model-small-hi-0.22") + "?");
        }
    }

    @Test
    void aFolderWithoutItsConfigIsNotAModel() throws IOException {
        Path model = Files.createDirectories(dir.resolve("model/am"));
        Files.writeString(model.resolve("final.mdl"), "x");
        try (VoskSpeechRecognizer vosk = new VoskSpeechRecognizer(model.getParent(), null, 2)) {
            assertUnavailable(vosk, Language.EN, "(conf/model.conf is missing)");
        }
    }

    @Test
    void aGarbageModelIsReportedByVoskNotCrashed() throws IOException {
        Path model = dir.resolve("garbage");
        Files.createDirectories(model.resolve("am"));
        Files.createDirectories(model.resolve("conf"));
        Files.write(model.resolve("am/final.mdl"), new byte[]{0x00, 0x42, 0x13, 0x37, 0x7f, 0x01});
        // a valid config (as in vosk-model-small-en-in-0.4), so it is the acoustic model that fails to load
        Files.writeString(model.resolve("conf/model.conf"), "--min-active=200\n--max-active=3000\n--beam=10.0\n"
                + "--lattice-beam=2.0\n--acoustic-scale=1.0\n--frame-subsampling-factor=3\n");
        Files.writeString(model.resolve("conf/mfcc.conf"), "--sample-frequency=16000\n--use-energy=false\n--num-mel-bins=40\n"
                + "--num-ceps=40\n--low-freq=20\n--high-freq=7600\n--allow-downsample=true\n");
        try (VoskSpeechRecognizer vosk = new VoskSpeechRecognizer(model, null, 2)) {
            assertUnavailable(vosk, Language.EN, "VOSK_MODEL_PATH=" + model + ": Vosk could not load the model (Failed to create a model)");
        }
    }

    @Test
    void afterCloseNothingIsReady() {
        VoskSpeechRecognizer vosk = new VoskSpeechRecognizer(null, null, 1);
        vosk.close();
        assertUnavailable(vosk, Language.EN, "shut down");
    }

    private static void assertUnavailable(VoskSpeechRecognizer vosk, Language language, String detail) {
        Availability availability = vosk.availability(language);
        assertThat(availability.ready()).isFalse();
        assertThat(availability.detail()).contains(detail);
        assertThatThrownBy(() -> vosk.recognize(new short[16_000], language, List.of()))
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessageContaining(detail);
        assertThatThrownBy(() -> vosk.recognize(new short[16_000], language, List.of("one", "two")))
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
        assertThat(vosk.open(language)).as("no live recogniser either").isEmpty();
    }

    /**
     * The live path with a real model, wherever one is configured (VOSK_MODEL_PATH; none can be downloaded on the
     * build machines): the committed English sentence fed in 20 ms pieces, as a call's audio arrives, is heard.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable(named = "VOSK_MODEL_PATH", matches = ".+")
    void withAModelALiveStreamHearsTheSentenceAsItArrives() throws IOException {
        short[] pcm;
        try (java.io.InputStream in = getClass().getResourceAsStream("/audio/sentence.ogg")) {
            pcm = new AudioDecoder().decode(in.readAllBytes(), "audio/ogg", 30);
        }
        try (VoskSpeechRecognizer vosk = new VoskSpeechRecognizer(java.nio.file.Path.of(System.getenv("VOSK_MODEL_PATH")), null, 1)) {
            StringBuilder heard = new StringBuilder();
            try (var stream = vosk.open(Language.EN).orElseThrow()) {
                for (int from = 0; from < pcm.length; from += 320) {
                    stream.accept(java.util.Arrays.copyOfRange(pcm, from, Math.min(pcm.length, from + 320)))
                            .ifPresent(words -> heard.append(words).append(' '));
                }
                stream.finish().ifPresent(heard::append);
            }
            assertThat(heard.toString().split("\\s+").length).as("words heard: %s", heard).isGreaterThanOrEqualTo(4);
        }
    }
}
