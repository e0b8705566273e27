package com.shisha.ai.voice;

import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNoteException.Kind;

import java.util.Locale;

/**
 * Turns a downloaded voice note into what the recogniser takes: 16 kHz mono 16-bit PCM. Pure Java, in process:
 * OGG/Opus (WhatsApp voice notes) and PCM WAV. Everything else Twilio may forward (MP3, AMR, AAC/MP4, WebM) is
 * refused as {@link Kind#UNSUPPORTED} with the type named, so the operator sees what partners actually send.
 * Thread-safe and stateless.
 */
public final class AudioDecoder {

    /**
     * @param maxSeconds decoding stops, with {@link Kind#TOO_LONG}, as soon as more audio than this has been decoded
     * @return 16-bit mono samples at {@link SpeechRecognizer#SAMPLE_RATE}
     * @throws VoiceNoteException UNSUPPORTED, TOO_LONG or FAILED (corrupt data); never an unchecked exception from a codec
     */
    public short[] decode(byte[] bytes, String contentType, int maxSeconds) {
        if (maxSeconds <= 0) {
            throw new IllegalArgumentException("maxSeconds must be positive");
        }
        String type = baseType(contentType);
        Format format = sniff(bytes);
        if (format == null) {
            format = Format.forType(type);
            if (format == null) {
                throw new VoiceNoteException(Kind.UNSUPPORTED, "cannot decode audio of type '" + contentType
                        + "' (supported: OGG/Opus, PCM WAV)");
            }
            // the type promised something we decode, but the bytes do not start like it
            throw new VoiceNoteException(Kind.FAILED, "data of type '" + contentType + "' is not a valid " + format.label
                    + " file (" + (bytes == null ? 0 : bytes.length) + " bytes)");
        }
        try {
            return switch (format) {
                case OGG -> OggOpusDecoder.decode(bytes, maxSeconds);
                case WAV -> WavDecoder.decode(bytes, maxSeconds);
            };
        } catch (VoiceNoteException e) {
            throw e;
        } catch (RuntimeException e) {
            // codecs fed corrupt packets throw index errors and the like; the caller gets a reason, not a crash
            throw new VoiceNoteException(Kind.FAILED, "corrupt " + format.label + " data: " + e, e);
        }
    }

    /** The type without parameters, lower case: "audio/ogg; codecs=opus" is "audio/ogg". */
    static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The container by its magic bytes; content types from CDNs are often application/octet-stream. */
    private static Format sniff(byte[] b) {
        if (b == null || b.length < 12) {
            return null;
        }
        if (b[0] == 'O' && b[1] == 'g' && b[2] == 'g' && b[3] == 'S') {
            return Format.OGG;
        }
        if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'A' && b[10] == 'V' && b[11] == 'E') {
            return Format.WAV;
        }
        return null;
    }

    private enum Format {
        OGG("OGG/Opus"),
        WAV("WAV");

        final String label;

        Format(String label) {
            this.label = label;
        }

        static Format forType(String type) {
            return switch (type) {
                case "audio/ogg", "audio/opus", "application/ogg" -> OGG;
                case "audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave" -> WAV;
                default -> null;
            };
        }
    }
}
