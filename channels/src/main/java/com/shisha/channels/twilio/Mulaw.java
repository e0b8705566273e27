package com.shisha.channels.twilio;

/**
 * G.711 μ-law, as Twilio's media streams carry a call's audio (8 kHz, one byte a sample), to the 16 kHz 16-bit PCM
 * the speech models take: each byte expanded by the standard's table, then every other sample interpolated.
 */
public final class Mulaw {

    private static final short[] LINEAR = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            int u = ~i & 0xFF;
            int sign = u & 0x80;
            int exponent = (u >> 4) & 0x07;
            int mantissa = u & 0x0F;
            int magnitude = ((mantissa << 3) + 0x84) << exponent;
            LINEAR[i] = (short) (sign != 0 ? 0x84 - magnitude : magnitude - 0x84);
        }
    }

    private Mulaw() {
    }

    public static short decode(byte b) {
        return LINEAR[b & 0xFF];
    }

    /** The inverse, for tests and benchmarks that make a stream from recorded speech. */
    public static byte encode(short sample) {
        final int bias = 0x84;
        final int clip = 32635;
        int s = sample;
        int sign = (s >> 8) & 0x80;
        if (sign != 0) {
            s = -s;
        }
        s = Math.min(s, clip) + bias;
        int exponent = 7;
        for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (s >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    /** 8 kHz μ-law bytes to 16 kHz PCM: twice as many samples, each new one halfway between its neighbours. */
    static short[] toPcm16k(byte[] mulaw) {
        short[] out = new short[mulaw.length * 2];
        for (int i = 0; i < mulaw.length; i++) {
            short s = decode(mulaw[i]);
            short next = i + 1 < mulaw.length ? decode(mulaw[i + 1]) : s;
            out[2 * i] = s;
            out[2 * i + 1] = (short) ((s + next) / 2);
        }
        return out;
    }
}
