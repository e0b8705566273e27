package com.shisha.ai.voice;

import com.shisha.core.InboundMessage.Media;
import com.shisha.core.Language;
import com.shisha.core.voice.MediaFetcher;
import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.core.voice.SpeechRecognizer.Recognition;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNoteException.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TranscribingVoiceNotesTest {

    private static final String OPUS = "audio/ogg; codecs=opus";
    private static final Media NOTE = new Media("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", OPUS);

    private final ScriptedSpeechRecognizer recognizer = new ScriptedSpeechRecognizer().answer(Language.EN, "two", 0.9);
    private final List<Long> askedMaxBytes = new ArrayList<>();

    private MediaFetcher serving(String file, String contentType) {
        return (media, maxBytes) -> {
            askedMaxBytes.add(maxBytes);
            return new MediaFetcher.Fetched(TestAudio.bytes(file), contentType);
        };
    }

    @Test
    void aWhatsappNoteReachesTheRecognizerAs16kMonoWithTheGrammar() {
        TranscribingVoiceNotes notes = new TranscribingVoiceNotes(serving("two.ogg", OPUS), recognizer, VoiceSettings.withModels(null, null));

        Recognition recognition = notes.transcribe(NOTE, Language.EN, List.of("one", "two"));

        assertThat(recognition).isEqualTo(new Recognition("two", 0.9));
        assertThat(askedMaxBytes).containsExactly(VoiceSettings.DEFAULT_MAX_BYTES);
        ScriptedSpeechRecognizer.Call call = recognizer.calls.get(0);
        assertThat(call.language()).isEqualTo(Language.EN);
        assertThat(call.grammar()).containsExactly("one", "two");
        assertThat(call.pcm().length / (double) SpeechRecognizer.SAMPLE_RATE).isCloseTo(TestAudio.sourceSeconds("two.ogg"), within(0.003));
        assertThat(TestAudio.rms(call.pcm())).isGreaterThan(1000);
    }

    @Test
    void aCdnThatSaysOctetStreamStillDecodesByTheFilesMagic() {
        TranscribingVoiceNotes notes = new TranscribingVoiceNotes(serving("one.ogg", "application/octet-stream"), recognizer, VoiceSettings.withModels(null, null));

        notes.transcribe(NOTE, Language.EN, List.of());

        assertThat(recognizer.calls).hasSize(1);
        assertThat(recognizer.calls.get(0).grammar()).isEmpty();
    }

    @Test
    void aLanguageWithoutAModelIsUnavailableAndNothingIsDownloaded() {
        TranscribingVoiceNotes notes = new TranscribingVoiceNotes(serving("one.ogg", OPUS), recognizer, VoiceSettings.withModels(null, null));

        assertThatThrownBy(() -> notes.transcribe(NOTE, Language.HI, List.of()))
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessageContaining("VOSK_MODEL_PATH_HI");
        assertThat(askedMaxBytes).isEmpty();
        assertThat(recognizer.calls).isEmpty();
    }

    @Test
    void theDurationLimitComesFromTheSettings() {
        VoiceSettings oneSecond = new VoiceSettings(null, null, 1, 2, 1 << 20);
        TranscribingVoiceNotes notes = new TranscribingVoiceNotes(serving("sentence.ogg", OPUS), recognizer, oneSecond);

        assertThatThrownBy(() -> notes.transcribe(NOTE, Language.EN, List.of()))
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LONG));
        assertThat(askedMaxBytes).containsExactly(1L << 20);
        assertThat(recognizer.calls).isEmpty();
    }

    @Test
    void audioIsRecognisedByTypeAndStatusComesFromTheRecognizer() {
        TranscribingVoiceNotes notes = new TranscribingVoiceNotes(serving("one.ogg", OPUS), recognizer, VoiceSettings.withModels(null, null));

        assertThat(notes.isAudio(new Media("u", "audio/ogg; codecs=opus"))).isTrue();
        assertThat(notes.isAudio(new Media("u", "Audio/AMR"))).isTrue();
        assertThat(notes.isAudio(new Media("u", "image/jpeg"))).isFalse();
        assertThat(notes.isAudio(new Media("u", null))).isFalse();
        assertThat(notes.status()).containsEntry(Language.EN, new SpeechRecognizer.Availability(true, "scripted"))
                .containsEntry(Language.HI, new SpeechRecognizer.Availability(false, "VOSK_MODEL_PATH_HI is not set"))
                .hasSize(Language.values().length);
    }

    @Test
    void statusOfARealVoskWithoutModelsNamesBothVariables() {
        try (VoskSpeechRecognizer vosk = new VoskSpeechRecognizer(VoiceSettings.withModels(null, null))) {
            Map<Language, SpeechRecognizer.Availability> status =
                    new TranscribingVoiceNotes(serving("one.ogg", OPUS), vosk, VoiceSettings.withModels(null, null)).status();

            assertThat(status.get(Language.EN).detail()).startsWith("VOSK_MODEL_PATH is not set");
            assertThat(status.get(Language.HI).detail()).startsWith("VOSK_MODEL_PATH_HI is not set");
        }
    }
}
