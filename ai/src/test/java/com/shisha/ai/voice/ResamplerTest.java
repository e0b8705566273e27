package com.shisha.ai.voice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResamplerTest {

    @Test
    void speechBandTonesPassAtTheirLevel() {
        short[] out = Resampler.resample(tone(1000, 48_000, 48_000), 48_000, 48_000, 16_000);

        assertThat(out).hasSize(16_000);
        assertThat(TestAudio.rms(middle(out))).isCloseTo(10_000 / Math.sqrt(2), within(150.0));
    }

    @Test
    void tonesAboveTheNewNyquistAreRemovedNotFoldedBack() {
        // 12 kHz at 48 kHz: dropping two of three samples would alias it to a full-level 4 kHz tone
        short[] out = Resampler.resample(tone(12_000, 48_000, 48_000), 48_000, 48_000, 16_000);

        assertThat(TestAudio.rms(middle(out))).isLessThan(10_000 / Math.sqrt(2) / 100);
    }

    @Test
    void oddRatiosKeepLengthAndLevel() {
        short[] out = Resampler.resample(tone(440, 22_050, 22_050), 22_050, 22_050, 16_000);

        assertThat(out).hasSize(16_000);
        assertThat(TestAudio.rms(middle(out))).isCloseTo(10_000 / Math.sqrt(2), within(150.0));
        short[] up = Resampler.resample(tone(440, 8_000, 8_000), 8_000, 8_000, 16_000);
        assertThat(up).hasSize(16_000);
        assertThat(TestAudio.rms(middle(up))).isCloseTo(10_000 / Math.sqrt(2), within(150.0));
    }

    private static short[] tone(double hz, int rate, int n) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) Math.round(10_000 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    /** Away from the edges, where the filter sees zeros beyond the signal. */
    private static short[] middle(short[] s) {
        return java.util.Arrays.copyOfRange(s, s.length / 10, s.length - s.length / 10);
    }
}
