package com.shisha.ai.voice;

import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNoteException.Kind;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

import java.nio.charset.StandardCharsets;

/** OGG/Opus (RFC 7845) to 16 kHz mono, with Concentus as the Opus decoder. */
final class OggOpusDecoder {

    /** Opus always decodes at 48 kHz here: granule positions count 48 kHz samples whatever the input rate was. */
    private static final int OPUS_RATE = 48_000;
    /** The longest Opus packet: 120 ms at 48 kHz, per channel. */
    private static final int MAX_FRAME = 5760;

    private OggOpusDecoder() {
    }

    static short[] decode(byte[] bytes, int maxSeconds) {
        OggPacketReader reader = new OggPacketReader(bytes);
        Head head = Head.parse(reader.next());
        byte[] tags = reader.next();
        if (tags == null || !startsWith(tags, "OpusTags")) {
            throw new VoiceNoteException(Kind.FAILED, "corrupt OGG/Opus: the second packet is not OpusTags");
        }
        OpusDecoder opus;
        try {
            opus = new OpusDecoder(OPUS_RATE, head.channels);
        } catch (OpusException e) {
            throw new VoiceNoteException(Kind.FAILED, "Opus decoder refused " + head.channels + " channels: " + e.getMessage(), e);
        }
        long maxSamples = (long) maxSeconds * OPUS_RATE;
        double gain = Math.pow(10, head.outputGain / (20.0 * 256)); // Q7.8 dB
        short[] frame = new short[MAX_FRAME * head.channels];
        PcmBuffer mono = new PcmBuffer(OPUS_RATE * 4);
        long decoded = 0;   // per channel, including pre-skip
        long lastGranule = -1;
        byte[] packet;
        while ((packet = reader.next()) != null) {
            if (packet.length == 0) {
                continue; // a zero-length packet marks a gap; nothing to decode
            }
            int samples;
            try {
                samples = opus.decode(packet, 0, packet.length, frame, 0, MAX_FRAME, false);
            } catch (OpusException e) {
                throw new VoiceNoteException(Kind.FAILED, "corrupt Opus packet after " + seconds(decoded) + " s: " + e.getMessage(), e);
            }
            for (int i = 0; i < samples; i++) {
                if (decoded + i < head.preSkip) {
                    continue; // encoder delay, not audio
                }
                int sum = 0;
                for (int c = 0; c < head.channels; c++) {
                    sum += frame[i * head.channels + c];
                }
                mono.add(Resampler.clip(gain * sum / head.channels));
            }
            decoded += samples;
            if (mono.size() > maxSamples) {
                throw new VoiceNoteException(Kind.TOO_LONG, "voice note is longer than " + maxSeconds + " s; decoding stopped");
            }
            if (reader.granule() >= 0) {
                lastGranule = reader.granule();
            }
        }
        if (lastGranule >= 0) {
            // the last page's granule says where the audio really ends: the final packet is padded to a whole frame
            mono.truncate((int) Math.min(Integer.MAX_VALUE, lastGranule - head.preSkip));
        }
        return Resampler.resample(mono.array(), mono.size(), OPUS_RATE, SpeechRecognizer.SAMPLE_RATE);
    }

    private static String seconds(long samples) {
        return String.format(java.util.Locale.ROOT, "%.2f", samples / (double) OPUS_RATE);
    }

    private static boolean startsWith(byte[] packet, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        if (packet.length < m.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (packet[i] != m[i]) {
                return false;
            }
        }
        return true;
    }

    private record Head(int channels, int preSkip, int outputGain) {

        static Head parse(byte[] p) {
            if (p == null || p.length < 19 || !startsWith(p, "OpusHead")) {
                throw new VoiceNoteException(Kind.UNSUPPORTED, "the OGG stream does not carry Opus (no OpusHead); other OGG codecs such as Vorbis are not decoded");
            }
            int version = p[8] & 0xFF;
            if (version >> 4 != 0) {
                throw new VoiceNoteException(Kind.UNSUPPORTED, "OpusHead version " + version + " is not supported");
            }
            int channels = p[9] & 0xFF;
            int preSkip = (p[10] & 0xFF) | (p[11] & 0xFF) << 8;
            int outputGain = (short) ((p[16] & 0xFF) | (p[17] & 0xFF) << 8);
            int mapping = p[18] & 0xFF;
            if (channels < 1 || channels > 2 || mapping != 0) {
                // mapping family 0 is mono/stereo; multichannel surround is not a voice note
                throw new VoiceNoteException(Kind.UNSUPPORTED, "Opus with " + channels + " channels (mapping family " + mapping + ") is not supported");
            }
            return new Head(channels, preSkip, outputGain);
        }
    }
}
