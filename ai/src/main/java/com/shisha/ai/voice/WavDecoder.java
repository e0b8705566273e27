package com.shisha.ai.voice;

import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNoteException.Kind;

/** RIFF/WAVE with 8- or 16-bit integer PCM, any rate and channel count, to 16 kHz mono. */
final class WavDecoder {

    private static final int PCM = 1;
    private static final int EXTENSIBLE = 0xFFFE;

    private WavDecoder() {
    }

    static short[] decode(byte[] b, int maxSeconds) {
        int at = 12;
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (at + 8 <= b.length) {
            String id = new String(b, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = le32(b, at + 4) & 0xFFFFFFFFL;
            int body = at + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > b.length) {
                    throw failed("fmt chunk too short");
                }
                format = le16(b, body);
                channels = le16(b, body + 2);
                rate = le32(b, body + 4);
                bits = le16(b, body + 14);
                if (format == EXTENSIBLE && size >= 26 && body + 26 <= b.length) {
                    format = le16(b, body + 24); // the sub-format GUID starts with the plain format code
                }
            } else if (id.equals("data")) {
                if (format < 0) {
                    throw failed("data chunk before fmt chunk");
                }
                check(format, channels, rate, bits);
                int frameBytes = channels * bits / 8;
                long available = b.length - body;
                // streaming writers leave the size at 0 or 0xFFFFFFFF; take what is there then
                long length = (size == 0 || size == 0xFFFFFFFFL) ? available : size;
                if (length > available) {
                    throw failed("data chunk claims " + length + " bytes but the file holds " + available + " (truncated)");
                }
                long frames = length / frameBytes;
                if (frames > (long) maxSeconds * rate) {
                    // the header tells the length up front: refuse before converting anything
                    throw new VoiceNoteException(Kind.TOO_LONG, "voice note is " + frames / rate + " s, longer than " + maxSeconds + " s");
                }
                short[] mono = mix(b, body, (int) frames, channels, bits);
                return Resampler.resample(mono, mono.length, rate, SpeechRecognizer.SAMPLE_RATE);
            }
            at = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1)); // chunks are word aligned
        }
        throw failed("no data chunk");
    }

    private static void check(int format, int channels, int rate, int bits) {
        if (format != PCM) {
            throw new VoiceNoteException(Kind.UNSUPPORTED, "WAV format code " + format + " is not integer PCM");
        }
        if (bits != 8 && bits != 16) {
            throw new VoiceNoteException(Kind.UNSUPPORTED, "WAV with " + bits + "-bit samples is not supported (8 or 16)");
        }
        if (channels < 1 || channels > 8) {
            throw failed(channels + " channels");
        }
        if (rate < 4000 || rate > 192_000) {
            throw failed("sample rate " + rate + " Hz");
        }
    }

    private static short[] mix(byte[] b, int at, int frames, int channels, int bits) {
        short[] mono = new short[frames];
        int bytes = bits / 8;
        for (int f = 0; f < frames; f++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int i = at + (f * channels + c) * bytes;
                sum += bits == 8 ? ((b[i] & 0xFF) - 128) << 8 : (short) ((b[i] & 0xFF) | b[i + 1] << 8);
            }
            mono[f] = (short) (sum / channels);
        }
        return mono;
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int le32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private static VoiceNoteException failed(String reason) {
        return new VoiceNoteException(Kind.FAILED, "corrupt WAV: " + reason);
    }
}
