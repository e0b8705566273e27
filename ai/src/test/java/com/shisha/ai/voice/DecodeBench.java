package com.shisha.ai.voice;

import com.shisha.core.voice.SpeechRecognizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decode speed of the committed test audio in multiples of real time (audio seconds per decode second), one
 * thread. Run by bench/voice.sh; not a test. Args: [warm-up rounds] [measured rounds].
 */
public final class DecodeBench {

    private static final String[] OGG = {"one.ogg", "two.ogg", "sentence.ogg", "hindi.ogg", "silence.ogg", "sentence-stereo.ogg"};
    private static final String[] WAV = {"one.wav", "two-8bit-stereo.wav"};
    private static final String[] MP3 = {"sentence.mp3"};
    /** The other FFmpeg paths, one file each, to show whether MP3 is typical of them. */
    private static final String[] OTHER = {"sentence.m4a", "sentence.amr", "sentence.webm", "sentence-vorbis.ogg"};

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        AudioDecoder decoder = new AudioDecoder();
        System.out.printf(Locale.ROOT, "java %s, %d cores; %d warm-up and %d measured rounds over each file%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), warmup, rounds);
        Result ogg = run(decoder, OGG, "audio/ogg; codecs=opus", warmup, rounds);
        Result wav = run(decoder, WAV, "audio/wav", warmup, rounds);
        Result mp3 = run(decoder, MP3, "audio/mpeg", warmup, rounds);
        print("OGG/Opus -> 16 kHz", ogg);
        print("WAV      -> 16 kHz", wav);
        print("MP3      -> 16 kHz", mp3);
        System.out.println("  (MP3 and the rows below: bundled FFmpeg " + decoder.nativeDecoder() + ", with swresample)");
        for (String other : OTHER) {
            print(String.format(Locale.ROOT, "%-20s", other), run(decoder, new String[] {other}, "application/octet-stream", warmup / 4, rounds / 4));
        }
        double resample = resampleSpeed(warmup, rounds);
        System.out.printf(Locale.ROOT, "48 -> 16 kHz resampling alone (a part of the OGG path): %.1fx real time (median)%n", resample);
        System.out.printf(Locale.ROOT, "OGG/Opus median speed is %.2f of the WAV path's (WAV/OGG cost ratio %.1f)%n",
                ogg.median / wav.median, wav.median / ogg.median);
        System.out.printf(Locale.ROOT, "{\"ogg_median_x\":%.1f,\"ogg_p95_x\":%.1f,\"ogg_total_x\":%.1f,\"wav_median_x\":%.1f,\"wav_p95_x\":%.1f,\"wav_total_x\":%.1f,\"mp3_median_x\":%.1f,\"mp3_p95_x\":%.1f,\"mp3_total_x\":%.1f}%n",
                ogg.median, ogg.p95, ogg.total, wav.median, wav.p95, wav.total, mp3.median, mp3.p95, mp3.total);
    }

    /** @param median, p95 per-decode speed; p95 is the slow tail: 95% of decodes ran at least this fast */
    private record Result(double median, double p95, double total, double audioSeconds) {
    }

    private static Result run(AudioDecoder decoder, String[] files, String type, int warmup, int rounds) {
        List<byte[]> inputs = new ArrayList<>();
        for (String f : files) {
            inputs.add(TestAudio.bytes(f));
        }
        long sink = 0;
        for (int r = 0; r < warmup; r++) {
            for (byte[] in : inputs) {
                sink += decoder.decode(in, type, 120).length;
            }
        }
        double[] speeds = new double[rounds * inputs.size()];
        double audio = 0;
        double spent = 0;
        int i = 0;
        for (int r = 0; r < rounds; r++) {
            for (byte[] in : inputs) {
                long start = System.nanoTime();
                short[] pcm = decoder.decode(in, type, 120);
                double seconds = (System.nanoTime() - start) / 1e9;
                double audioSeconds = pcm.length / (double) SpeechRecognizer.SAMPLE_RATE;
                speeds[i++] = audioSeconds / seconds;
                audio += audioSeconds;
                spent += seconds;
                sink += pcm.length;
            }
        }
        if (sink == 42) {
            System.out.println(); // keeps the decodes observable to the JIT
        }
        Arrays.sort(speeds);
        return new Result(speeds[speeds.length / 2], speeds[(int) (speeds.length * 0.05)], audio / spent, audio / rounds);
    }

    /** The resampler on 4 s of 48 kHz noise: how much of the Opus path's cost is not Opus. */
    private static double resampleSpeed(int warmup, int rounds) {
        short[] noise = new short[4 * 48_000];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) random.nextInt(-8000, 8000);
        }
        double[] speeds = new double[rounds];
        for (int r = -warmup / 4; r < rounds; r++) {
            long start = System.nanoTime();
            short[] out = Resampler.resample(noise, noise.length, 48_000, 16_000);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (r >= 0) {
                speeds[r] = (out.length / 16_000.0) / seconds;
            }
        }
        Arrays.sort(speeds);
        return speeds[rounds / 2];
    }

    private static void print(String label, Result r) {
        System.out.printf(Locale.ROOT, "%s: median %7.1fx real time, p95 %7.1fx, overall %7.1fx  (%.2f s of audio per round)%n",
                label, r.median, r.p95, r.total, r.audioSeconds);
    }
}
