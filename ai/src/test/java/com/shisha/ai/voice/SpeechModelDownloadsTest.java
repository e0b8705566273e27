package com.shisha.ai.voice;

import com.shisha.core.Language;
import com.shisha.core.voice.SpeechRecognizer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first-start download of speech models against a loopback server that serves archives laid out as Vosk's are:
 * fetched, resumed, checked against the pinned size and MD5, unpacked and handed to the recognizer; a damaged file or a
 * closed network is said and leaves voice off.
 */
class SpeechModelDownloadsTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private byte[] archive;
    private boolean honourRanges = true;

    /** Records what the downloads tell the recognizer; installs succeed when the folder looks like a model. */
    private static final class Recording implements SpeechModelDownloads.Target {
        final List<String> progress = new CopyOnWriteArrayList<>();
        final List<Path> installed = new CopyOnWriteArrayList<>();

        @Override
        public void progress(Language language, String detail) {
            progress.add(language + " " + detail);
        }

        @Override
        public SpeechRecognizer.Availability install(Language language, Path model) {
            installed.add(model);
            return new SpeechRecognizer.Availability(Files.isRegularFile(model.resolve("am/final.mdl")), "installed " + model);
        }
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The layout of Vosk's model archives: one folder named after the model, with am/, conf/, graph/ inside. */
    static byte[] modelArchive(String name) throws IOException {
        return zip(Map.of(name + "/am/final.mdl", "not a real acoustic model " + "x".repeat(200_000),
                name + "/conf/model.conf", "--sample-frequency=16000\n", name + "/graph/Gr.fst", "graph", name + "/README", "test model"));
    }

    static SpeechModelDownloads.Pinned pinned(String name, byte[] archive) throws Exception {
        return new SpeechModelDownloads.Pinned(Language.HI, name, archive.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive)));
    }

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/vosk/models/", exchange -> {
            String range = exchange.getRequestHeaders().getFirst("Range");
            ranges.add(String.valueOf(range));
            byte[] body = archive;
            int status = 200;
            if (range != null && honourRanges) {
                int from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
                body = Arrays.copyOfRange(archive, from, archive.length);
                status = 206;
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (archive.length - 1) + "/" + archive.length);
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/vosk/models/");
    }

    @Test
    void aModelIsFetchedCheckedUnpackedAndSwitchedOn() throws Exception {
        archive = modelArchive("vosk-model-small-hi-0.22");
        SpeechModelDownloads.Pinned model = pinned("vosk-model-small-hi-0.22", archive);
        Recording target = new Recording();
        try (SpeechModelDownloads downloads = new SpeechModelDownloads(dir, base(), target)) {
            assertThat(downloads.fetch(model)).isTrue();
        }
        Path unpacked = dir.resolve("vosk-model-small-hi-0.22");
        assertThat(target.installed).containsExactly(unpacked);
        assertThat(unpacked.resolve("conf/model.conf")).hasContent("--sample-frequency=16000");
        assertThat(SpeechModelDownloads.ready(dir, model)).contains(unpacked);
        assertThat(dir.resolve("vosk-model-small-hi-0.22.zip.part")).doesNotExist();
        assertThat(target.progress).anySatisfy(p -> assertThat(p).startsWith("HI downloading vosk-model-small-hi-0.22: 100 %"));
    }

    @Test
    void aBrokenOffDownloadResumesWhereItStopped() throws Exception {
        archive = modelArchive("vosk-model-small-hi-0.22");
        SpeechModelDownloads.Pinned model = pinned("vosk-model-small-hi-0.22", archive);
        Files.write(dir.resolve("vosk-model-small-hi-0.22.zip.part"), Arrays.copyOf(archive, archive.length / 2));
        Recording target = new Recording();
        try (SpeechModelDownloads downloads = new SpeechModelDownloads(dir, base(), target)) {
            assertThat(downloads.fetch(model)).isTrue();
        }
        assertThat(ranges).containsExactly("bytes=" + archive.length / 2 + "-");
        assertThat(target.installed).hasSize(1);
    }

    @Test
    void aServerThatIgnoresTheRangeGetsTheWholeFileAgain() throws Exception {
        archive = modelArchive("vosk-model-small-hi-0.22");
        honourRanges = false;
        SpeechModelDownloads.Pinned model = pinned("vosk-model-small-hi-0.22", archive);
        Files.write(dir.resolve("vosk-model-small-hi-0.22.zip.part"), Arrays.copyOf(archive, 1000));
        Recording target = new Recording();
        try (SpeechModelDownloads downloads = new SpeechModelDownloads(dir, base(), target)) {
            assertThat(downloads.fetch(model)).isTrue();
        }
        assertThat(target.installed).hasSize(1);
    }

    @Test
    void aFileThatIsNotThePublishedOneIsThrownAwayAndVoiceStaysOff() throws Exception {
        archive = modelArchive("vosk-model-small-hi-0.22");
        SpeechModelDownloads.Pinned published = pinned("vosk-model-small-hi-0.22", archive);
        SpeechModelDownloads.Pinned other = new SpeechModelDownloads.Pinned(Language.HI, published.name(), published.bytes(),
                "0123456789abcdef0123456789abcdef");
        Recording target = new Recording();
        try (SpeechModelDownloads downloads = new SpeechModelDownloads(dir, base(), target)) {
            assertThat(downloads.fetch(other)).isFalse();
        }
        assertThat(target.installed).isEmpty();
        assertThat(dir.resolve("vosk-model-small-hi-0.22.zip.part")).doesNotExist();
        assertThat(dir.resolve("vosk-model-small-hi-0.22")).doesNotExist();
        assertThat(target.progress.get(target.progress.size() - 1)).contains("was damaged").contains("MD5");
    }

    @Test
    void anArchiveThatWritesOutsideItsFolderIsRefused() throws Exception {
        archive = zip(Map.of("../escaped.txt", "x", "m/am/final.mdl", "x", "m/conf/model.conf", "x"));
        Recording target = new Recording();
        try (SpeechModelDownloads downloads = new SpeechModelDownloads(dir.resolve("models"), base(), target)) {
            assertThat(downloads.fetch(pinned("m", archive))).isFalse();
        }
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertThat(target.installed).isEmpty();
    }

    @Test
    void aClosedNetworkIsSaidAndNothingElseWaits() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        archive = modelArchive("vosk-model-small-hi-0.22");
        Recording target = new Recording();
        try (SpeechModelDownloads downloads = new SpeechModelDownloads(dir, URI.create("http://127.0.0.1:" + closed + "/"), target)) {
            assertThat(downloads.fetch(pinned("vosk-model-small-hi-0.22", archive))).isFalse();
            // the next model is not tried against a host that cannot be reached
            assertThat(downloads.fetch(new SpeechModelDownloads.Pinned(Language.EN, "vosk-model-small-en-in-0.4", 10, "0".repeat(32))))
                    .isFalse();
        }
        assertThat(target.progress).hasSize(2);
        assertThat(target.progress.get(0)).contains("could not download vosk-model-small-hi-0.22").contains("VOSK_MODEL_PATH_HI");
        assertThat(target.progress.get(1)).startsWith("EN not downloaded: 127.0.0.1 cannot be reached").contains("VOSK_MODEL_PATH");
    }

    @Test
    void theDownloadedFolderGoesToTheRealRecognizer() throws Exception {
        archive = modelArchive("vosk-model-small-hi-0.22");
        try (VoskSpeechRecognizer vosk = new VoskSpeechRecognizer(null, null, 1);
             SpeechModelDownloads downloads = new SpeechModelDownloads(dir, base(), vosk)) {
            downloads.start(List.of(pinned("vosk-model-small-hi-0.22", archive)));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline && !vosk.availability(Language.HI).detail().startsWith("downloaded model")) {
                Thread.sleep(50);
            }
            // the archive's acoustic model is a stand-in, so Vosk refuses it: the path from the download into Vosk is what is shown
            assertThat(vosk.availability(Language.HI).detail()).isEqualTo("downloaded model " + dir.resolve("vosk-model-small-hi-0.22")
                    + ": Vosk could not load the model (Failed to create a model); is it a complete, unpacked Vosk model? Vosk's own reason is in the log (VoskAPI ERROR)");
            assertThat(vosk.availability(Language.EN).detail()).startsWith("VOSK_MODEL_PATH is not set");
        }
    }

    @Test
    void theCatalogueNamesOneOfficialModelPerLanguageAndOnlySecureSourcesAreAccepted() {
        assertThat(SpeechModelDownloads.catalogue()).extracting(SpeechModelDownloads.Pinned::language)
                .containsExactlyInAnyOrder(Language.EN, Language.HI);
        assertThat(SpeechModelDownloads.catalogue()).allSatisfy(p -> {
            assertThat(p.name()).startsWith("vosk-model-small-");
            assertThat(p.md5()).matches("[0-9a-f]{32}");
            assertThat(p.bytes()).isGreaterThan(10_000_000);
        });
        assertThatThrownBy(() -> new SpeechModelDownloads(dir, URI.create("http://mirror.example.com/"), new Recording()))
                .hasMessageContaining("HTTPS");
    }
}
