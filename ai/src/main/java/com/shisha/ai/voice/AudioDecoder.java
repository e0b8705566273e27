package com.shisha.ai.voice;

import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNoteException.Kind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a downloaded voice note into what the recogniser takes: 16 kHz mono 16-bit PCM, in process, with nothing
 * installed on the host. OGG/Opus (every WhatsApp voice note) and PCM WAV are decoded in pure Java; the other types
 * Twilio forwards (MP3, AAC in MP4/3GP or ADTS, AMR, WebM, OGG/Vorbis) by the FFmpeg libraries shipped in the
 * org.bytedeco:ffmpeg jar ({@link FfmpegDecoder}). The route is chosen by the container's magic bytes, not the
 * content type, which CDNs often give as application/octet-stream. Thread-safe and stateless.
 */
public final class AudioDecoder {

    private final FfmpegDecoder ffmpeg;

    /** Loads the FFmpeg natives on the first note that needs them; if they cannot load, those types are UNSUPPORTED. */
    public AudioDecoder() {
        this(null);
    }

    /** @param ffmpeg null for the shared, lazily loaded one */
    AudioDecoder(FfmpegDecoder ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /**
     * Makes JavaCPP unpack the FFmpeg libraries (56 MB) into folder instead of ~/.javacpp/cache, for read-only
     * homes. Call before the first decode; a -Dorg.bytedeco.javacpp.cachedir given on the command line wins.
     */
    public static void useNativeFolder(Path folder) {
        if (System.getProperty(CACHE_DIR) != null) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the folder for FFmpeg's native libraries: " + folder, e);
        }
        System.setProperty(CACHE_DIR, folder.toAbsolutePath().toString());
    }

    private static final String CACHE_DIR = "org.bytedeco.javacpp.cachedir";

    /** For health output: the FFmpeg version and licence, or why the libraries are unavailable. Loads them. */
    public String nativeDecoder() {
        return ffmpeg().describe();
    }

    /**
     * @param maxSeconds decoding stops, with {@link Kind#TOO_LONG}, as soon as more audio than this has been decoded
     * @return 16-bit mono samples at {@link SpeechRecognizer#SAMPLE_RATE}
     * @throws VoiceNoteException UNSUPPORTED, TOO_LONG or FAILED (corrupt data); never an unchecked exception from a codec
     */
    public short[] decode(byte[] bytes, String contentType, int maxSeconds) {
        if (maxSeconds <= 0) {
            throw new IllegalArgumentException("maxSeconds must be positive");
        }
        Container container = Container.sniff(bytes);
        if (container == null) {
            Container promised = Container.forType(baseType(contentType));
            if (promised == null) {
                throw new VoiceNoteException(Kind.UNSUPPORTED, "cannot decode audio of type '" + contentType
                        + "' (supported: OGG/Opus, OGG/Vorbis, WAV, MP3, AAC/MP4, AMR, WebM)");
            }
            // the type promised something we decode, but the bytes do not start like it
            throw new VoiceNoteException(Kind.FAILED, "data of type '" + contentType + "' is not a valid " + promised.label
                    + " file (" + (bytes == null ? 0 : bytes.length) + " bytes)");
        }
        String label = container.label;
        try {
            return switch (container) {
                case OGG -> decodeOgg(bytes, maxSeconds);
                case WAV -> decodeWav(bytes, maxSeconds);
                default -> ffmpeg().decode(bytes, container.demuxer, label, maxSeconds);
            };
        } catch (VoiceNoteException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            // codecs fed corrupt packets throw index errors and the like; the caller gets a reason, not a crash
            throw new VoiceNoteException(Kind.FAILED, "corrupt " + label + " data: " + e, e);
        }
    }

    /** 8/16-bit PCM in Java; 24/32-bit, float, ADPCM and GSM WAVs (telephony recorders) through FFmpeg. */
    private short[] decodeWav(byte[] bytes, int maxSeconds) {
        try {
            return WavDecoder.decode(bytes, maxSeconds);
        } catch (VoiceNoteException e) {
            if (e.kind() != Kind.UNSUPPORTED) {
                throw e;
            }
            return ffmpeg().decode(bytes, "wav", "WAV", maxSeconds);
        }
    }

    private short[] decodeOgg(byte[] bytes, int maxSeconds) {
        OggPacketReader reader = new OggPacketReader(bytes);
        byte[] first = reader.next();
        if (first != null && startsWith(first, "OpusHead")) {
            return OggOpusDecoder.decode(bytes, maxSeconds);
        }
        String label = first != null && startsWith(first, "\u0001vorbis") ? "OGG/Vorbis" : "OGG (not Opus or Vorbis)";
        // FFmpeg's OGG demuxer takes a cut-off last page as the end of the stream; the own reader checks every
        // page's length and checksum first (no decoding, a fraction of a millisecond per page)
        while (reader.next() != null) {
            // reading is the check
        }
        return ffmpeg().decode(bytes, "ogg", label, maxSeconds);
    }

    private FfmpegDecoder ffmpeg() {
        return ffmpeg != null ? ffmpeg : FfmpegDecoder.shared();
    }

    /** The type without parameters, lower case: "audio/ogg; codecs=opus" is "audio/ogg". */
    static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] b, String magic) {
        return startsWith(b, 0, magic);
    }

    private static boolean startsWith(byte[] b, int at, String magic) {
        if (at < 0 || b.length - at < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (b[at + i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Containers by their magic bytes, with FFmpeg's demuxer name for those it decodes. */
    enum Container {
        OGG("OGG", null),
        WAV("WAV", null),
        MP3("MP3", "mp3"),
        ADTS("AAC", "aac"),
        MP4("MP4/AAC", "mov"),
        AMR("AMR", "amr"),
        WEBM("WebM", "matroska");

        final String label;
        final String demuxer;

        Container(String label, String demuxer) {
            this.label = label;
            this.demuxer = demuxer;
        }

        static Container sniff(byte[] b) {
            if (b == null || b.length < 12) {
                return null;
            }
            if (startsWith(b, "OggS")) {
                return OGG;
            }
            if (startsWith(b, "RIFF") && startsWith(b, 8, "WAVE")) {
                return WAV;
            }
            if (startsWith(b, 4, "ftyp")) {
                return MP4; // also 3GP (audio/3gpp), which MMS uses for AMR
            }
            if (startsWith(b, "#!AMR")) {
                return AMR; // "#!AMR\n" narrow band, "#!AMR-WB\n" wide band
            }
            if ((b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF && (b[3] & 0xFF) == 0xA3) {
                return WEBM; // EBML header: WebM and Matroska
            }
            int at = 0;
            if (startsWith(b, "ID3")) {
                // an ID3v2 tag (size as four 7-bit bytes, plus a footer when flagged) comes before MP3 or ADTS frames
                at = 10 + ((b[6] & 0x7F) << 21 | (b[7] & 0x7F) << 14 | (b[8] & 0x7F) << 7 | (b[9] & 0x7F))
                        + ((b[5] & 0x10) != 0 ? 10 : 0);
                if (at + 2 > b.length) {
                    return MP3; // a tag and nothing after it: let the MP3 demuxer say what is wrong
                }
            }
            if ((b[at] & 0xFF) == 0xFF && (b[at + 1] & 0xE0) == 0xE0) {
                // 11 sync bits; the two layer bits are 00 for ADTS AAC and non-zero for MPEG audio layers I-III
                return (b[at + 1] & 0x06) == 0 ? ADTS : MP3;
            }
            return at > 0 ? MP3 : null;
        }

        static Container forType(String type) {
            return switch (type) {
                case "audio/ogg", "audio/opus", "application/ogg" -> OGG;
                case "audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave" -> WAV;
                case "audio/mpeg", "audio/mp3", "audio/mpeg3" -> MP3;
                case "audio/aac", "audio/aacp", "audio/x-aac" -> ADTS;
                case "audio/mp4", "audio/x-m4a", "audio/m4a", "audio/3gpp", "audio/3gpp2", "video/mp4", "video/3gpp" -> MP4;
                case "audio/amr", "audio/amr-wb", "audio/amr-nb" -> AMR;
                case "audio/webm", "video/webm" -> WEBM;
                default -> null;
            };
        }
    }
}
