package com.shisha.ai.voice;

import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNoteException.Kind;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Seek_Pointer_long_int;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.ShortPointer;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The types Twilio forwards besides OGG/Opus and 8/16-bit WAV (MP3, AAC in MP4/3GP or ADTS, AMR, WebM, OGG/Vorbis,
 * and WAVs holding 24/32-bit, float, A-law/µ-law, ADPCM or GSM), decoded in process by FFmpeg's libraries (LGPL
 * build from org.bytedeco:ffmpeg, linux-x86_64 natives inside the jar) to 16 kHz mono 16-bit with libswresample. The bytes are read from memory through a custom AVIOContext: nothing is
 * written to disk and no FFmpeg protocol is opened. The demuxer is the one the sniffed container names, never
 * FFmpeg's own probe, and only speech codecs are opened: less of FFmpeg is reachable from a partner's upload.
 * Thread-safe: every decode has its own contexts; the two I/O callbacks are shared and find their input by key.
 */
final class FfmpegDecoder {

    /** Linux errno EAGAIN as FFmpeg returns it (AVERROR(EAGAIN)); only linux-x86_64 natives are shipped. */
    private static final int AVERROR_EAGAIN = -11;
    private static final int IO_BUFFER = 32 * 1024;
    /** Codecs a voice note can carry; anything else in a known container is refused rather than decoded. */
    private static final Set<Integer> SPEECH_CODECS = Set.of(
            avcodec.AV_CODEC_ID_MP3, avcodec.AV_CODEC_ID_MP2, avcodec.AV_CODEC_ID_AAC, avcodec.AV_CODEC_ID_AAC_LATM,
            avcodec.AV_CODEC_ID_AMR_NB, avcodec.AV_CODEC_ID_AMR_WB, avcodec.AV_CODEC_ID_OPUS,
            avcodec.AV_CODEC_ID_VORBIS, avcodec.AV_CODEC_ID_FLAC, avcodec.AV_CODEC_ID_PCM_S16LE,
            avcodec.AV_CODEC_ID_PCM_S24LE, avcodec.AV_CODEC_ID_PCM_S32LE, avcodec.AV_CODEC_ID_PCM_F32LE,
            avcodec.AV_CODEC_ID_PCM_F64LE, avcodec.AV_CODEC_ID_PCM_ALAW, avcodec.AV_CODEC_ID_PCM_MULAW,
            avcodec.AV_CODEC_ID_ADPCM_IMA_WAV, avcodec.AV_CODEC_ID_ADPCM_MS, avcodec.AV_CODEC_ID_GSM_MS);

    private static final Map<Long, Input> INPUTS = new ConcurrentHashMap<>();
    private static volatile FfmpegDecoder shared;

    /** Null when the natives loaded; otherwise why not, for the UNSUPPORTED reason. */
    private final String problem;
    private final Read_packet_Pointer_BytePointer_int read;
    private final Seek_Pointer_long_int seek;

    private FfmpegDecoder(String problem, Read_packet_Pointer_BytePointer_int read, Seek_Pointer_long_int seek) {
        this.problem = problem;
        this.read = read;
        this.seek = seek;
    }

    /** Loads the natives on first use (unpacking 56 MB into the JavaCPP cache folder), once per JVM. */
    static FfmpegDecoder shared() {
        FfmpegDecoder d = shared;
        if (d == null) {
            synchronized (FfmpegDecoder.class) {
                d = shared;
                if (d == null) {
                    d = load();
                    shared = d;
                }
            }
        }
        return d;
    }

    /** A decoder whose natives are missing, so callers can show how that is reported. */
    static FfmpegDecoder unavailable(String problem) {
        return new FfmpegDecoder(problem, null, null);
    }

    private static FfmpegDecoder load() {
        try {
            Loader.load(avutil.class);
            Loader.load(avcodec.class);
            Loader.load(avformat.class);
            Loader.load(swresample.class);
            // errors reach the caller as exception reasons; FFmpeg's own stderr lines would only duplicate them
            avutil.av_log_set_level(avutil.AV_LOG_FATAL);
            // JavaCPP keeps one native thunk per callback object: two shared ones, not two per decode
            return new FfmpegDecoder(null, new ReadCallback(), new SeekCallback());
        } catch (LinkageError | RuntimeException e) {
            return new FfmpegDecoder("the bundled FFmpeg libraries did not load (" + e
                    + "); set -Dorg.bytedeco.javacpp.cachedir to a writable folder if the home folder is read-only,"
                    + " and note that only linux-x86_64 natives are shipped (this is " + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch") + ")", null, null);
        }
    }

    /** FFmpeg's version and licence as the loaded libraries report them, e.g. "8.0.1, LGPL version 3 or later". */
    String describe() {
        if (problem != null) {
            return "unavailable: " + problem;
        }
        return avutil.av_version_info().getString() + ", " + avutil.avutil_license().getString();
    }

    /**
     * @param demuxer FFmpeg's name for the sniffed container ("mp3", "mov", "amr", "matroska", "ogg", "aac")
     * @param label   how the container is named in reasons, e.g. "MP3"
     */
    short[] decode(byte[] bytes, String demuxer, String label, int maxSeconds) {
        if (problem != null) {
            throw new VoiceNoteException(Kind.UNSUPPORTED, "cannot decode " + label + ": " + problem);
        }
        try (Session s = new Session(bytes, label, maxSeconds)) {
            return s.run(demuxer);
        }
    }

    /** The undecoded bytes and the read position of one decode, found by the callbacks through the opaque key. */
    private static final class Input {
        final byte[] bytes;
        int position;

        Input(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    private static final class ReadCallback extends Read_packet_Pointer_BytePointer_int {
        @Override
        public int call(Pointer opaque, BytePointer buf, int size) {
            Input in = INPUTS.get(opaque.address());
            if (in == null) {
                return avutil.AVERROR_EOF;
            }
            int n = Math.min(size, in.bytes.length - in.position);
            if (n <= 0) {
                return avutil.AVERROR_EOF;
            }
            buf.position(0).put(in.bytes, in.position, n);
            in.position += n;
            return n;
        }
    }

    private static final class SeekCallback extends Seek_Pointer_long_int {
        @Override
        public long call(Pointer opaque, long offset, int whence) {
            Input in = INPUTS.get(opaque.address());
            if (in == null) {
                return -1;
            }
            int how = whence & ~avformat.AVSEEK_FORCE;
            if (how == avformat.AVSEEK_SIZE) {
                return in.bytes.length;
            }
            long target = switch (how) {
                case 0 -> offset;                       // SEEK_SET
                case 1 -> in.position + offset;         // SEEK_CUR
                case 2 -> in.bytes.length + offset;     // SEEK_END
                default -> -1;
            };
            if (target < 0 || target > in.bytes.length) {
                return -1;
            }
            in.position = (int) target;
            return target;
        }
    }

    /** The native state of one decode; close() frees it whatever happened. */
    private final class Session implements AutoCloseable {
        private final String label;
        private final int maxSeconds;
        private final long maxSamples;
        private final BytePointer key = new BytePointer(1);
        private final PcmBuffer out = new PcmBuffer(SpeechRecognizer.SAMPLE_RATE * 4);
        private AVIOContext io;
        private AVFormatContext format;
        private AVCodecContext codec;
        private AVPacket packet;
        private AVFrame frame;
        private SwrContext swr;
        private int swrRate;
        private int swrFormat;
        private int swrChannels;
        private ShortPointer converted;
        private PointerPointer<ShortPointer> convertedPlanes;
        private short[] chunk = new short[0];
        private int convertedCapacity;
        private long decodedInputSamples; // at the codec's rate, for positions in reasons

        Session(byte[] bytes, String label, int maxSeconds) {
            this.label = label;
            this.maxSeconds = maxSeconds;
            this.maxSamples = (long) maxSeconds * SpeechRecognizer.SAMPLE_RATE;
            INPUTS.put(key.address(), new Input(bytes));
        }

        short[] run(String demuxer) {
            open(demuxer);
            AVStream stream = audioStream();
            openCodec(stream.codecpar());
            refuseDeclaredOverlong(stream);
            packet = avcodec.av_packet_alloc();
            frame = avutil.av_frame_alloc();
            int index = stream.index();
            int ret;
            while ((ret = avformat.av_read_frame(format, packet)) >= 0) {
                try {
                    if (packet.stream_index() != index) {
                        continue;
                    }
                    if ((packet.flags() & avcodec.AV_PKT_FLAG_CORRUPT) != 0) {
                        // the demuxer got fewer bytes than the packet's header promised: the file was cut off
                        throw failed("truncated or damaged packet after " + position() + " s");
                    }
                    if (isAmrPause(packet)) {
                        // phones send these during pauses (DTX); FFmpeg's AMR decoder rejects them. They stand for
                        // silence, and keeping their length keeps the words where they were
                        appendSilence(packet.duration() * avutil.av_q2d(stream.time_base()));
                        continue;
                    }
                    check(avcodec.avcodec_send_packet(codec, packet), "decoding after " + position() + " s");
                    drain();
                } finally {
                    avcodec.av_packet_unref(packet);
                }
            }
            if (ret != avutil.AVERROR_EOF) {
                throw failed("reading after " + position() + " s: " + error(ret));
            }
            check(avcodec.avcodec_send_packet(codec, null), "flushing the decoder");
            drain();
            flushResampler();
            refuseShorterThanDeclared(stream);
            return java.util.Arrays.copyOf(out.array(), out.size());
        }

        private void open(String demuxer) {
            AVInputFormat input = avformat.av_find_input_format(demuxer);
            if (input == null) {
                throw new VoiceNoteException(Kind.UNSUPPORTED, "the bundled FFmpeg has no " + demuxer + " demuxer");
            }
            BytePointer buffer = new BytePointer(avutil.av_malloc(IO_BUFFER)).capacity(IO_BUFFER);
            io = avformat.avio_alloc_context(buffer, IO_BUFFER, 0, key, read, null, seek);
            if (io == null) {
                avutil.av_free(buffer);
                throw failed("FFmpeg could not allocate its reader");
            }
            format = avformat.avformat_alloc_context();
            format.pb(io);
            int ret = avformat.avformat_open_input(format, (String) null, input, null);
            if (ret < 0) {
                format = null; // avformat_open_input frees the context on failure
                throw failed("not a readable " + label + " file: " + error(ret));
            }
            ret = avformat.avformat_find_stream_info(format, (PointerPointer<?>) null);
            if (ret < 0) {
                throw failed("cannot read the streams: " + error(ret));
            }
        }

        private AVStream audioStream() {
            int index = avformat.av_find_best_stream(format, avutil.AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
            if (index < 0) {
                throw failed("no audio stream (" + error(index) + ")");
            }
            return format.streams(index);
        }

        private void openCodec(AVCodecParameters parameters) {
            int id = parameters.codec_id();
            String name = avcodec.avcodec_get_name(id).getString();
            if (!SPEECH_CODECS.contains(id)) {
                throw new VoiceNoteException(Kind.UNSUPPORTED, label + " carrying " + name + " audio is not supported");
            }
            AVCodec decoder = avcodec.avcodec_find_decoder(id);
            if (decoder == null) {
                throw new VoiceNoteException(Kind.UNSUPPORTED, "the bundled FFmpeg has no " + name + " decoder");
            }
            codec = avcodec.avcodec_alloc_context3(decoder);
            check(avcodec.avcodec_parameters_to_context(codec, parameters), "reading the " + name + " parameters");
            check(avcodec.avcodec_open2(codec, decoder, (PointerPointer<?>) null), "opening the " + name + " decoder");
        }

        /** When the container states its length exactly, a note past the limit is refused before any decoding. */
        private void refuseDeclaredOverlong(AVStream stream) {
            double declared = declaredSeconds(stream);
            if (declared > maxSeconds + 1) {
                throw new VoiceNoteException(Kind.TOO_LONG, "voice note is " + Math.round(declared) + " s, longer than " + maxSeconds + " s");
            }
        }

        /**
         * Decoders conceal missing data, and a demuxer may treat a cut-off file as a short one; where the container
         * says how long the audio is (MP4 index, LAME/Xing frame count, Matroska Duration), a shortfall is damage.
         */
        private void refuseShorterThanDeclared(AVStream stream) {
            double declared = declaredSeconds(stream);
            double decoded = out.size() / (double) SpeechRecognizer.SAMPLE_RATE;
            if (declared > 0 && decoded < declared - Math.max(0.1, 0.05 * declared)) {
                throw failed(String.format(Locale.ROOT, "truncated: the file declares %.2f s but only %.2f s could be decoded", declared, decoded));
            }
        }

        /** The stated length in seconds, or -1 when FFmpeg only guessed it from the bit rate. */
        private double declaredSeconds(AVStream stream) {
            if (format.duration_estimation_method() == avformat.AVFMT_DURATION_FROM_BITRATE) {
                return -1;
            }
            if (stream.duration() != avutil.AV_NOPTS_VALUE && stream.duration() > 0) {
                return stream.duration() * avutil.av_q2d(stream.time_base());
            }
            if (format.duration() != avutil.AV_NOPTS_VALUE && format.duration() > 0) {
                return format.duration() / (double) avutil.AV_TIME_BASE;
            }
            return -1;
        }

        private void drain() {
            while (true) {
                int ret = avcodec.avcodec_receive_frame(codec, frame);
                if (ret == AVERROR_EAGAIN || ret == avutil.AVERROR_EOF) {
                    return;
                }
                check(ret, "decoding after " + position() + " s");
                try {
                    convert(frame);
                } finally {
                    avutil.av_frame_unref(frame);
                }
            }
        }

        private void convert(AVFrame f) {
            AVChannelLayout layout = f.ch_layout();
            int channels = layout.nb_channels();
            if (swr == null || f.sample_rate() != swrRate || f.format() != swrFormat || channels != swrChannels) {
                // HE-AAC and some MP4s change rate or layout after the first frame: keep what is buffered, start anew
                flushResampler();
                openResampler(layout, f.format(), f.sample_rate());
            }
            int samples = f.nb_samples();
            ensureConverted(swresample.swr_get_out_samples(swr, samples));
            int n = swresample.swr_convert(swr, convertedPlanes, convertedCapacity, f.extended_data(), samples);
            check(n, "resampling");
            append(n);
            decodedInputSamples += samples;
        }

        private void openResampler(AVChannelLayout inLayout, int sampleFormat, int rate) {
            if (swr != null) {
                swresample.swr_free(swr);
                swr = null;
            }
            AVChannelLayout in = new AVChannelLayout();
            AVChannelLayout mono = new AVChannelLayout();
            try {
                if (inLayout.order() == avutil.AV_CHANNEL_ORDER_UNSPEC) {
                    // AMR and some MP4s only give a channel count; swresample needs positions to mix down
                    avutil.av_channel_layout_default(in, inLayout.nb_channels());
                } else {
                    check(avutil.av_channel_layout_copy(in, inLayout), "reading the channel layout");
                }
                avutil.av_channel_layout_default(mono, 1);
                SwrContext context = swresample.swr_alloc();
                if (context == null || context.isNull()) {
                    throw failed("FFmpeg could not allocate its resampler");
                }
                // set index 0 explicitly: new PointerPointer(1) is not zeroed (FFmpeg would reuse the garbage as a
                // context), and new PointerPointer(context) is JavaCPP's cast constructor, not a one-element array
                try (PointerPointer<SwrContext> holder = new PointerPointer<SwrContext>(1).put(0, context)) {
                    check(swresample.swr_alloc_set_opts2(holder, mono, avutil.AV_SAMPLE_FMT_S16, SpeechRecognizer.SAMPLE_RATE,
                            in, sampleFormat, rate, 0, null), "setting up the resampler"); // frees context on failure
                }
                swr = context;
                check(swresample.swr_init(swr), "setting up the resampler for " + rate + " Hz, " + inLayout.nb_channels() + " channels");
                swrRate = rate;
                swrFormat = sampleFormat;
                swrChannels = inLayout.nb_channels();
            } finally {
                avutil.av_channel_layout_uninit(in);
                avutil.av_channel_layout_uninit(mono);
                in.close();
                mono.close();
            }
        }

        /** The resampler holds back the last few samples for its filter; they are part of the note. */
        private void flushResampler() {
            if (swr == null) {
                return;
            }
            ensureConverted(swresample.swr_get_out_samples(swr, 0));
            int n = swresample.swr_convert(swr, convertedPlanes, convertedCapacity, (PointerPointer<?>) null, 0);
            check(n, "flushing the resampler");
            append(n);
        }

        private void ensureConverted(int samples) {
            int needed = Math.max(samples, 1024);
            if (converted == null || convertedCapacity < needed) {
                closeConverted();
                converted = new ShortPointer(needed);
                convertedPlanes = new PointerPointer<ShortPointer>(1).put(0, converted);
                chunk = new short[needed];
                convertedCapacity = needed;
            }
        }

        /** One AMR frame of comfort noise (SID) or no data, by the frame type in its table-of-contents byte. */
        private boolean isAmrPause(AVPacket p) {
            int id = codec.codec_id();
            if ((id != avcodec.AV_CODEC_ID_AMR_NB && id != avcodec.AV_CODEC_ID_AMR_WB) || p.size() < 1) {
                return false;
            }
            int type = (p.data().get(0) >> 3) & 0x0F;
            int sid = id == avcodec.AV_CODEC_ID_AMR_NB ? 8 : 9;
            return type == sid || type == 15;
        }

        private void appendSilence(double seconds) {
            long samples = Math.round(Math.max(0, seconds) * SpeechRecognizer.SAMPLE_RATE);
            for (long i = 0; i < samples; i++) {
                out.add((short) 0);
            }
            stopPastTheLimit();
        }

        private void stopPastTheLimit() {
            if (out.size() > maxSamples) {
                throw new VoiceNoteException(Kind.TOO_LONG, "voice note is longer than " + maxSeconds + " s; decoding stopped");
            }
        }

        private void closeConverted() {
            if (convertedPlanes != null) {
                convertedPlanes.close();
            }
            if (converted != null) {
                converted.close();
            }
        }

        private void append(int samples) {
            converted.position(0).get(chunk, 0, samples);
            for (int i = 0; i < samples; i++) {
                out.add(chunk[i]);
            }
            stopPastTheLimit();
        }

        private String position() {
            int rate = codec == null ? 0 : codec.sample_rate();
            return rate <= 0 ? "0.00" : String.format(Locale.ROOT, "%.2f", decodedInputSamples / (double) rate);
        }

        private void check(int ret, String what) {
            if (ret < 0) {
                throw failed(what + ": " + error(ret));
            }
        }

        private VoiceNoteException failed(String reason) {
            return new VoiceNoteException(Kind.FAILED, "corrupt " + label + ": " + reason);
        }

        @Override
        public void close() {
            INPUTS.remove(key.address());
            if (swr != null) {
                swresample.swr_free(swr);
            }
            closeConverted();
            if (frame != null) {
                avutil.av_frame_free(frame);
            }
            if (packet != null) {
                avcodec.av_packet_free(packet);
            }
            if (codec != null) {
                avcodec.avcodec_free_context(codec);
            }
            if (format != null) {
                avformat.avformat_close_input(format);
            }
            if (io != null) {
                // FFmpeg may have replaced the buffer it was given; free the one it holds now
                avutil.av_free(io.buffer());
                avformat.avio_context_free(io);
            }
            key.close();
        }
    }

    private static String error(int code) {
        byte[] text = new byte[256];
        avutil.av_strerror(code, text, text.length);
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8) + " (" + code + ")";
    }
}
