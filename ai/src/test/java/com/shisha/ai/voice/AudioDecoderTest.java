package com.shisha.ai.voice;

import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNoteException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AudioDecoderTest {

    private static final String OPUS = "audio/ogg; codecs=opus";
    private final AudioDecoder decoder = new AudioDecoder();

    @ParameterizedTest
    @ValueSource(strings = {"one.ogg", "two.ogg", "sentence.ogg", "hindi.ogg", "silence.ogg", "sentence-stereo.ogg"})
    void anOggOpusNoteDecodesTo16kMonoAsLongAsItsSource(String name) {
        short[] pcm = decoder.decode(TestAudio.bytes(name), OPUS, 120);

        // 3 ms, tighter than the 30 ms asked: a missed pre-skip (6.5 ms) or end trim (up to 20 ms) must show
        double seconds = pcm.length / (double) SpeechRecognizer.SAMPLE_RATE;
        assertThat(seconds).isCloseTo(TestAudio.sourceSeconds(name), within(0.003));
    }

    @ParameterizedTest
    @ValueSource(strings = {"one.wav", "two-8bit-stereo.wav"})
    void aWavDecodesTo16kMonoAsLongAsItIs(String name) {
        short[] pcm = decoder.decode(TestAudio.bytes(name), "audio/wav", 120);

        assertThat(pcm.length / (double) SpeechRecognizer.SAMPLE_RATE).isCloseTo(TestAudio.sourceSeconds(name), within(0.003));
        assertThat(TestAudio.rms(pcm)).isGreaterThan(500);
    }

    @Test
    void speechCarriesFarMoreEnergyThanSilence() {
        double silence = TestAudio.rms(decoder.decode(TestAudio.bytes("silence.ogg"), OPUS, 120));
        double speech = TestAudio.rms(decoder.decode(TestAudio.bytes("sentence.ogg"), OPUS, 120));
        double hindi = TestAudio.rms(decoder.decode(TestAudio.bytes("hindi.ogg"), OPUS, 120));

        assertThat(speech).isGreaterThan(1000).isGreaterThan(50 * Math.max(silence, 1));
        assertThat(hindi).isGreaterThan(1000).isGreaterThan(50 * Math.max(silence, 1));
    }

    @Test
    void stereoFoldsToTheMeanOfItsChannels() {
        short[] mono = decoder.decode(TestAudio.bytes("sentence.ogg"), OPUS, 120);
        short[] stereo = decoder.decode(TestAudio.bytes("sentence-stereo.ogg"), OPUS, 120);

        assertThat(stereo.length).isCloseTo(mono.length, within(16));
        // the sentence is on the left only: the mean of the channels is the sentence at half level
        // (one channel alone would give the full level or silence)
        assertThat(TestAudio.rms(stereo)).isCloseTo(TestAudio.rms(mono) / 2, within(0.1 * TestAudio.rms(mono)));
        assertThat(correlation(mono, stereo)).isGreaterThan(0.8);
    }

    @Test
    void theOggAndTheWavOfTheSameWordAgree() {
        short[] ogg = decoder.decode(TestAudio.bytes("one.ogg"), OPUS, 120);
        short[] wav = decoder.decode(TestAudio.bytes("one.wav"), "audio/x-wav", 120);

        assertThat(correlation(ogg, wav)).isGreaterThan(0.8);
    }

    @Test
    void aTruncatedNoteFailsWithAReason() {
        byte[] whole = TestAudio.bytes("sentence.ogg");
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        assertFails(Kind.FAILED, "truncated", () -> decoder.decode(cut, OPUS, 120));
    }

    @Test
    void aDamagedPageFailsItsChecksum() {
        byte[] damaged = TestAudio.bytes("sentence.ogg");
        damaged[damaged.length / 2] ^= 0x5A;

        assertFails(Kind.FAILED, "checksum", () -> decoder.decode(damaged, OPUS, 120));
    }

    @Test
    void garbageLabelledAsOggFails() {
        byte[] garbage = new byte[4000];
        new java.util.Random(7).nextBytes(garbage);

        assertFails(Kind.FAILED, "not a valid OGG file", () -> decoder.decode(garbage, OPUS, 120));
    }

    @Test
    void aTruncatedWavFails() {
        byte[] whole = TestAudio.bytes("one.wav");

        assertFails(Kind.FAILED, "truncated", () -> decoder.decode(Arrays.copyOf(whole, 5000), "audio/wav", 120));
    }

    @Test
    void decodingStopsAtTheLimitWithoutReadingTheRest() {
        // garbage after the first 40% of the file: reaching it would fail; stopping at 1 s must not reach it
        byte[] whole = TestAudio.bytes("sentence.ogg");
        byte[] headThenGarbage = whole.clone();
        for (int i = (int) (whole.length * 0.6); i < whole.length; i++) {
            headThenGarbage[i] = (byte) 0xEE;
        }

        assertFails(Kind.FAILED, "corrupt OGG", () -> decoder.decode(headThenGarbage, OPUS, 120));
        long start = System.nanoTime();
        assertFails(Kind.TOO_LONG, "longer than 1 s", () -> decoder.decode(headThenGarbage, OPUS, 1));
        assertThat((System.nanoTime() - start) / 1e6).as("ms").isLessThan(2000);
    }

    @Test
    void aWavLongerThanTheLimitIsRefusedFromItsHeader() {
        byte[] threeSeconds = wav(8000, 3 * 8000);

        assertThat(decoder.decode(threeSeconds, "audio/wav", 3)).hasSize(3 * 16000);
        assertFails(Kind.TOO_LONG, "longer than 2 s", () -> decoder.decode(threeSeconds, "audio/wav", 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"audio/x-ms-wma", "audio/flac", "video/quicktime", "text/plain"})
    void typesNeitherSniffedNorKnownAreUnsupportedAndNamed(String type) {
        byte[] unknown = new byte[2000];
        unknown[0] = 0x30;
        unknown[1] = 0x26; // the start of an ASF (WMA) header: no container this decoder knows

        assertFails(Kind.UNSUPPORTED, "'" + type + "'", () -> decoder.decode(unknown, type, 120));
    }

    @ParameterizedTest
    @ValueSource(strings = {"audio/mpeg", "audio/amr", "audio/mp4", "audio/aac", "audio/webm"})
    void aKnownTypeWhoseBytesMatchNoContainerFails(String type) {
        byte[] zeros = new byte[2000];

        assertFails(Kind.FAILED, "'" + type + "' is not a valid", () -> decoder.decode(zeros, type, 120));
    }

    @Test
    void anOggWithNeitherOpusNorVorbisIsUnsupportedAndTheCodecNamed() {
        assertFails(Kind.UNSUPPORTED, "OGG (not Opus or Vorbis) carrying speex audio is not supported",
                () -> decoder.decode(TestAudio.bytes("one-speex.ogg"), "audio/ogg", 120));
    }

    private static void assertFails(Kind kind, String reason, org.assertj.core.api.ThrowableAssert.ThrowingCallable decode) {
        assertThatThrownBy(decode)
                .isInstanceOfSatisfying(VoiceNoteException.class, e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind))
                .hasMessageContaining(reason);
    }

    /** 8-bit mono PCM WAV of a 440 Hz tone. */
    static byte[] wav(int rate, int frames) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + frames).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + frames).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate)
                .putShort((short) 1).putShort((short) 8);
        b.put("data".getBytes()).putInt(frames);
        for (int i = 0; i < frames; i++) {
            b.put((byte) (128 + 100 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        return b.array();
    }

    /** Pearson correlation over the common length; robust to the small level differences lossy coding brings. */
    static double correlation(short[] a, short[] b) {
        int n = Math.min(a.length, b.length);
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double cov = 0, va = 0, vb = 0;
        for (int i = 0; i < n; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }
}
