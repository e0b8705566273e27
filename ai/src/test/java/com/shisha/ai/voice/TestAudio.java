package com.shisha.ai.voice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The committed test audio (see src/test/resources/audio/make-test-audio.sh). */
final class TestAudio {

    private TestAudio() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestAudio.class.getResourceAsStream("/audio/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test audio " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Length of the source WAV the file was made from, as soxi measured it. */
    static double sourceSeconds(String name) {
        Properties p = new Properties();
        try (InputStream in = TestAudio.class.getResourceAsStream("/audio/durations.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Double.parseDouble(p.getProperty(name));
    }

    static double rms(short[] pcm) {
        double sum = 0;
        for (short s : pcm) {
            sum += (double) s * s;
        }
        return pcm.length == 0 ? 0 : Math.sqrt(sum / pcm.length);
    }
}
