package com.shisha.ai.voice;

import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNoteException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The types decoded by the bundled FFmpeg, from the committed files make-test-audio.sh made with ffmpeg and sox. */
class AudioDecoderFfmpegTest {

    private final AudioDecoder decoder = new AudioDecoder();

    @ParameterizedTest
    @CsvSource({
            "sentence.mp3, audio/mpeg, 0.060",
            "sentence.m4a, audio/mp4, 0.060",
            "sentence-moov-at-end.m4a, audio/x-m4a, 0.060",
            "sentence.amr, audio/amr, 0.060",
            "sentence.webm, audio/webm, 0.060",
            "sentence-vorbis.ogg, audio/ogg, 0.060",
            // raw ADTS cannot say how long the encoder's priming is: 1024 samples (46 ms at 22 kHz) plus padding stay
            "sentence.aac, audio/aac, 0.100"})
    void eachTypeDecodesTo16kMonoSpeechAsLongAsItsSource(String name, String type, double tolerance) {
        short[] pcm = decoder.decode(TestAudio.bytes(name), type, 120);

        // encoder delay and padding (MP3 1105 samples, AAC 1024, Opus 312) must be trimmed, not kept as silence
        double seconds = pcm.length / (double) SpeechRecognizer.SAMPLE_RATE;
        assertThat(seconds).isCloseTo(TestAudio.sourceSeconds(name), within(tolerance));
        assertThat(TestAudio.rms(pcm)).isGreaterThan(1000);
        double silence = TestAudio.rms(decoder.decode(TestAudio.bytes("silence.ogg"), "audio/ogg", 120));
        assertThat(TestAudio.rms(pcm)).isGreaterThan(50 * Math.max(silence, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sentence.mp3", "sentence.m4a", "sentence.amr", "sentence.webm", "sentence-vorbis.ogg"})
    void eachTypeCarriesTheSameSpeechAsTheOpusNote(String name) {
        short[] opus = decoder.decode(TestAudio.bytes("sentence.ogg"), "audio/ogg", 120);
        short[] other = decoder.decode(TestAudio.bytes(name), "application/octet-stream", 120);

        // same words at the same times: a wrong rate, a lost channel or kept encoder delay would break this. AMR's
        // decoder output lags by 5 ms (80 samples), so the best match within +-10 ms is taken
        int bestLag = 0;
        double best = -1;
        for (int lag = -160; lag <= 160; lag += 4) {
            double c = correlation(opus, other, lag);
            if (c > best) {
                best = c;
                bestLag = lag;
            }
        }
        assertThat(best).as("correlation at lag " + bestLag).isGreaterThan(0.8);
    }

    /** Pearson correlation of a against b shifted by lag samples, over the part both cover. */
    private static double correlation(short[] a, short[] b, int lag) {
        int from = Math.max(0, -lag);
        int to = Math.min(a.length, b.length - lag);
        double ma = 0, mb = 0;
        for (int i = from; i < to; i++) {
            ma += a[i];
            mb += b[i + lag];
        }
        ma /= to - from;
        mb /= to - from;
        double cov = 0, va = 0, vb = 0;
        for (int i = from; i < to; i++) {
            double x = a[i] - ma, y = b[i + lag] - mb;
            cov += x * y;
            va += x * x;
            vb += y * y;
        }
        return cov / Math.sqrt(va * vb);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sentence.mp3", "sentence.aac", "sentence.m4a", "sentence.amr", "sentence.webm", "sentence-vorbis.ogg"})
    void decodingStopsAtTheLimit(String name) {
        assertFails(Kind.TOO_LONG, "longer than 1 s", () -> decoder.decode(TestAudio.bytes(name), "audio/mpeg", 1));
        assertThat(decoder.decode(TestAudio.bytes(name), "audio/mpeg", 5)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sentence.amr", "sentence.aac"})
    void withoutADeclaredLengthDecodingStopsAtTheLimitBeforeLaterDamage(String name) {
        // AMR and ADTS state no length up front, so the limit must stop the decode loop itself: the damage in the
        // last 40% is never reached at 1 s, and is reached without a limit
        byte[] damaged = TestAudio.bytes(name);
        java.util.Random random = new java.util.Random(5);
        for (int i = (int) (damaged.length * 0.6); i < damaged.length; i++) {
            damaged[i] = (byte) random.nextInt();
        }

        assertFails(Kind.FAILED, "corrupt", () -> decoder.decode(damaged, "audio/amr", 120));
        assertFails(Kind.TOO_LONG, "decoding stopped", () -> decoder.decode(damaged, "audio/amr", 1));
    }

    @ParameterizedTest
    @CsvSource({
            "sentence.mp3, MP3",
            "sentence.aac, AAC",
            "sentence.m4a, MP4/AAC",
            "sentence-moov-at-end.m4a, MP4/AAC",
            "sentence.amr, AMR",
            "sentence.webm, WebM",
            "sentence-vorbis.ogg, OGG"})
    void aTruncatedFileFailsWithAReason(String name, String label) {
        byte[] whole = TestAudio.bytes(name);
        // cut mid-frame (the odd offset keeps clear of AMR's 32-byte frame boundaries)
        byte[] cut = Arrays.copyOf(whole, whole.length / 2 + 7);

        assertFails(Kind.FAILED, "corrupt " + label, () -> decoder.decode(cut, "audio/mpeg", 120));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sentence.mp3", "sentence.aac", "sentence.m4a", "sentence.amr", "sentence.webm"})
    void garbageAfterTheHeaderFailsAndDoesNotCrash(String name) {
        byte[] damaged = TestAudio.bytes(name);
        java.util.Random random = new java.util.Random(11);
        for (int i = 64; i < damaged.length; i++) {
            damaged[i] = (byte) random.nextInt();
        }

        assertThatThrownBy(() -> decoder.decode(damaged, "audio/mpeg", 120))
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(Kind.FAILED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"one-24bit.wav", "one-float.wav", "one-ima-adpcm.wav"})
    void wavsTheJavaReaderDoesNotTakeGoToFfmpeg(String name) {
        short[] pcm = decoder.decode(TestAudio.bytes(name), "audio/wav", 120);
        short[] plain = decoder.decode(TestAudio.bytes("one.wav"), "audio/wav", 120);

        assertThat(pcm.length / (double) SpeechRecognizer.SAMPLE_RATE).isCloseTo(TestAudio.sourceSeconds(name), within(0.003));
        assertThat(correlation(plain, pcm, 0)).isGreaterThan(0.9);
    }

    @Test
    void bytesThatOnlyLookLikeAnMp3FrameFail() {
        byte[] sync = new byte[2000];
        sync[0] = (byte) 0xFF;
        sync[1] = (byte) 0xFB;

        assertFails(Kind.FAILED, "corrupt MP3", () -> decoder.decode(sync, "audio/mpeg", 120));
    }

    @Test
    void theContainerIsSniffedNotTakenFromTheType() {
        // Twilio's storage host and CDNs label media loosely; an MP3 labelled as OGG still decodes as an MP3
        short[] pcm = decoder.decode(TestAudio.bytes("sentence.mp3"), "audio/ogg; codecs=opus", 120);

        assertThat(pcm.length / (double) SpeechRecognizer.SAMPLE_RATE).isCloseTo(TestAudio.sourceSeconds("sentence.mp3"), within(0.060));
    }

    @Test
    void whenTheNativesCannotLoadTheOtherTypesAreUnsupportedAndOggAndWavStillWork() {
        AudioDecoder withoutNatives = new AudioDecoder(FfmpegDecoder.unavailable("the bundled FFmpeg libraries did not load (no space left)"));

        assertFails(Kind.UNSUPPORTED, "cannot decode MP3: the bundled FFmpeg libraries did not load",
                () -> withoutNatives.decode(TestAudio.bytes("sentence.mp3"), "audio/mpeg", 120));
        assertFails(Kind.UNSUPPORTED, "no space left", () -> withoutNatives.decode(TestAudio.bytes("sentence-vorbis.ogg"), "audio/ogg", 120));
        assertThat(withoutNatives.decode(TestAudio.bytes("sentence.ogg"), "audio/ogg", 120)).isNotEmpty();
        assertThat(withoutNatives.decode(TestAudio.bytes("one.wav"), "audio/wav", 120)).isNotEmpty();
    }

    @Test
    void theShippedBuildIsLgplAndNamesItsVersion() {
        // a -gpl classifier slipping in would make the whole app GPL: this pins what docs/voice.md promises
        assertThat(decoder.nativeDecoder()).contains("LGPL").doesNotContain("unavailable");
    }

    @Test
    void concurrentDecodesGiveTheSameResultAsOne() throws Exception {
        List<String> names = List.of("sentence.mp3", "sentence.m4a", "sentence.amr", "sentence.webm", "sentence-vorbis.ogg");
        List<short[]> alone = new ArrayList<>();
        for (String n : names) {
            alone.add(decoder.decode(TestAudio.bytes(n), "audio/mpeg", 120));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<short[]>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (String n : names) {
                    results.add(pool.submit(() -> decoder.decode(TestAudio.bytes(n), "audio/mpeg", 120)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).as(names.get(i % names.size())).isEqualTo(alone.get(i % names.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertFails(Kind kind, String reason, org.assertj.core.api.ThrowableAssert.ThrowingCallable decode) {
        assertThatThrownBy(decode)
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind))
                .hasMessageContaining(reason);
    }
}
