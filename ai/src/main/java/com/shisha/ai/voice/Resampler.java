package com.shisha.ai.voice;

/**
 * Band-limited sample-rate conversion (windowed-sinc, polyphase). Decimating 48 kHz Opus output to 16 kHz by
 * dropping samples would fold everything between 8 and 24 kHz (sibilants, clicks) back into the speech band the
 * recogniser listens to; the low-pass here cuts at 90% of the lower Nyquist frequency first.
 */
final class Resampler {

    /** Zero crossings of the sinc on each side: 16 gives a steep enough transition band for speech. */
    private static final int ZERO_CROSSINGS = 16;
    private static final double ROLLOFF = 0.9;
    /** Above this many table entries the kernel is computed per sample instead (odd rates only). */
    private static final int MAX_TABLE = 1 << 20;

    private Resampler() {
    }

    static short[] resample(short[] in, int length, int fromRate, int toRate) {
        if (fromRate == toRate) {
            return java.util.Arrays.copyOf(in, length);
        }
        int g = gcd(fromRate, toRate);
        int up = toRate / g;      // output n sits at input position n * down / up
        int down = fromRate / g;
        // cutoff in cycles per input sample: below both Nyquist frequencies
        double cutoff = 0.5 * Math.min(1.0, (double) toRate / fromRate) * ROLLOFF;
        int halfWidth = (int) Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
        int taps = 2 * halfWidth;
        float[][] table = (long) up * taps <= MAX_TABLE ? table(up, taps, halfWidth, cutoff) : null;

        int outLength = (int) ((long) length * up / down);
        short[] out = new short[outLength];
        for (int n = 0; n < outLength; n++) {
            long position = (long) n * down;
            int center = (int) (position / up);
            int phase = (int) (position % up);
            float[] kernel = table != null ? table[phase] : kernel(phase, up, taps, halfWidth, cutoff);
            int first = center - halfWidth + 1;
            int kFrom = Math.max(0, -first);              // taps before the signal's start see silence
            int kTo = Math.min(taps, length - first);     // and so do taps past its end
            float sum = 0;
            for (int k = kFrom; k < kTo; k++) {
                sum += kernel[k] * in[first + k];
            }
            out[n] = clip(sum);
        }
        return out;
    }

    private static float[][] table(int phases, int taps, int halfWidth, double cutoff) {
        float[][] table = new float[phases][];
        for (int p = 0; p < phases; p++) {
            table[p] = kernel(p, phases, taps, halfWidth, cutoff);
        }
        return table;
    }

    /** Taps for an output that lies phase/phases of a sample after input sample center; normalised to unit DC gain. */
    private static float[] kernel(int phase, int phases, int taps, int halfWidth, double cutoff) {
        double fraction = (double) phase / phases;
        float[] kernel = new float[taps];
        double sum = 0;
        for (int k = 0; k < taps; k++) {
            double t = (k - halfWidth + 1) - fraction; // input sample minus output position, in input samples
            double x = 2 * cutoff * t;
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double w = blackman(t / halfWidth);
            kernel[k] = (float) (sinc * w);
            sum += kernel[k];
        }
        for (int k = 0; k < taps; k++) {
            kernel[k] /= (float) sum;
        }
        return kernel;
    }

    /** Blackman window over [-1, 1]. */
    private static double blackman(double x) {
        if (x <= -1 || x >= 1) {
            return 0;
        }
        double a = Math.PI * (x + 1);
        return 0.42 - 0.5 * Math.cos(a) + 0.08 * Math.cos(2 * a);
    }

    static short clip(double v) {
        long r = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
