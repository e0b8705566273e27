package com.shisha.app;

import com.shisha.core.Language;
import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.core.voice.SpeechStreams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The speech port's stand-in for the live-call tests, where no Vosk model can be had: it listens for real (an energy
 * detector over each 20 ms of the audio it is given, an utterance ending after 400 ms of quiet, as a recogniser's
 * end-pointing does), and for the words of an utterance it reads what the recorded call's script says was spoken
 * ending at that moment ({@code audio/call-script.tsv}, made with the audio). Everything after the words, from the
 * WebSocket to the tip on the partner's screen, runs for real.
 */
final class ScriptedSpeechStreams implements SpeechStreams {

    private static final int FRAME = SpeechRecognizer.SAMPLE_RATE / 50;
    private static final int QUIET_FRAMES = 20;
    private static final double LOUD = 300;
    /** How far an utterance's end may be from the script's and still be that sentence. */
    private static final long SLACK_MS = 600;

    private record Line(long endsMs, String text) {
    }

    private final List<Line> script = new ArrayList<>();

    ScriptedSpeechStreams() {
        try (InputStream in = ScriptedSpeechStreams.class.getResourceAsStream("/audio/call-script.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split("\t");
                script.add(new Line(Long.parseLong(f[1]), f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<SpeechStream> open(Language language) {
        return Optional.of(new SpeechStream() {
            private final short[] frame = new short[FRAME];
            private int filled;
            private long samples;
            private boolean speaking;
            private int quiet;
            private long lastLoudEnd;

            @Override
            public Optional<String> accept(short[] pcm) {
                Optional<String> heard = Optional.empty();
                for (short s : pcm) {
                    frame[filled++] = s;
                    samples++;
                    if (filled == FRAME) {
                        filled = 0;
                        Optional<String> ended = frameDone();
                        if (ended.isPresent()) {
                            heard = ended;
                        }
                    }
                }
                return heard;
            }

            private Optional<String> frameDone() {
                double energy = 0;
                for (short s : frame) {
                    energy += (double) s * s;
                }
                if (Math.sqrt(energy / FRAME) > LOUD) {
                    speaking = true;
                    quiet = 0;
                    lastLoudEnd = samples;
                    return Optional.empty();
                }
                if (speaking && ++quiet >= QUIET_FRAMES) {
                    speaking = false;
                    return words(lastLoudEnd * 1000 / SpeechRecognizer.SAMPLE_RATE);
                }
                return Optional.empty();
            }

            @Override
            public Optional<String> finish() {
                return speaking ? words(lastLoudEnd * 1000 / SpeechRecognizer.SAMPLE_RATE) : Optional.empty();
            }

            @Override
            public void close() {
            }
        });
    }

    private Optional<String> words(long endedMs) {
        return script.stream().filter(l -> Math.abs(l.endsMs() - endedMs) <= SLACK_MS).map(Line::text).findFirst();
    }
}
