package com.shisha.ai.voice;

import com.shisha.core.Language;
import com.shisha.core.voice.SpeechRecognizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Fetches the official small Vosk models on first start, so voice notes work without anyone downloading models by
 * hand. Each model is fetched in the background into the data folder (a broken-off download resumes where it
 * stopped), checked against the size and MD5 pinned in {@code voice/speech-models.tsv}, unpacked, and handed to the
 * recognizer, which switches that language on. Where the network is closed this is said once, and voice notes stay
 * off until a model is configured: nothing else waits on it.
 */
public final class SpeechModelDownloads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpeechModelDownloads.class);
    public static final String CATALOGUE = "voice/speech-models.tsv";
    public static final URI OFFICIAL = URI.create("https://alphacephei.com/vosk/models/");

    /** A model as its publisher lists it. */
    public record Pinned(Language language, String name, long bytes, String md5) {
        String archive() {
            return name + ".zip";
        }
    }

    /** What the downloads tell the recognizer: how far they are, and the folder of a model that is ready. */
    public interface Target {
        void progress(Language language, String detail);

        SpeechRecognizer.Availability install(Language language, Path model);
    }

    private final Path folder;
    private final URI base;
    private final Target target;
    private final HttpClient http;
    /** The source could not be reached at all: the other models are not tried in this run either. */
    private volatile boolean unreachable;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "speech-model-download");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param folder where models are kept (the data folder's speech-models)
     * @param base   where the archives are: {@link #OFFICIAL}, or a mirror; plain HTTP only on this machine
     */
    public SpeechModelDownloads(Path folder, URI base, Target target) {
        requireSafe(base);
        this.folder = folder;
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.target = target;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** @throws IllegalArgumentException unless the models would come over HTTPS, or plain HTTP from this machine */
    public static void requireSafe(URI base) {
        if (!"https".equals(base.getScheme()) && !("http".equals(base.getScheme()) && loopback(base.getHost()))) {
            throw new IllegalArgumentException("speech models come over HTTPS (plain HTTP only from this machine), not from " + base);
        }
    }

    private static boolean loopback(String host) {
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host) || "::1".equals(host);
    }

    /** The pinned models, one per language. */
    public static List<Pinned> catalogue() {
        try (InputStream in = SpeechModelDownloads.class.getClassLoader().getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException(CATALOGUE + " is not on the classpath");
            }
            List<Pinned> pinned = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("language\t")) {
                    continue;
                }
                String[] f = line.split("\t");
                pinned.add(new Pinned(Language.fromCode(f[0]), f[1], Long.parseLong(f[2]), f[3]));
            }
            return List.copyOf(pinned);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model's folder when an earlier start already fetched and unpacked it. */
    public static Optional<Path> ready(Path folder, Pinned model) {
        Path dir = folder.resolve(model.name());
        return Files.isRegularFile(dir.resolve("am/final.mdl")) && Files.isRegularFile(dir.resolve("conf/model.conf"))
                ? Optional.of(dir) : Optional.empty();
    }

    /** Starts fetching the models, one after the other, in the background. */
    public void start(List<Pinned> models) {
        for (Pinned model : models) {
            target.progress(model.language(), "downloading " + model.name() + " (waiting for its turn)");
            worker.execute(() -> fetch(model));
        }
    }

    /** Runs one model's download to the end; false when it did not end with the model installed. */
    boolean fetch(Pinned model) {
        Path part = folder.resolve(model.archive() + ".part");
        URI from = base.resolve(model.archive());
        if (unreachable) {
            target.progress(model.language(), "not downloaded: " + base.getHost() + " cannot be reached from here; set "
                    + VoskSpeechRecognizer.variableFor(model.language()));
            return false;
        }
        try {
            Files.createDirectories(folder);
            download(model, from, part);
            String problem = verify(model, part);
            if (problem != null) {
                Files.deleteIfExists(part);
                log.error("speech model {} from {} is not the published file ({}); deleted. Voice notes in {} stay off",
                        model.name(), from, problem, model.language());
                target.progress(model.language(), "the downloaded " + model.name() + " was damaged (" + problem + ")");
                return false;
            }
            Path dir = unpack(model, part);
            Files.deleteIfExists(part);
            SpeechRecognizer.Availability loaded = target.install(model.language(), dir);
            log.info("speech model {} is in {}: voice notes in {} {}", model.name(), dir, model.language(),
                    loaded.ready() ? "are on" : "are still off: " + loaded.detail());
            return loaded.ready();
        } catch (IOException e) {
            // said once: a closed network is how many installations run, and nothing else depends on this
            if (!unreachable) {
                unreachable = e instanceof java.net.ConnectException || e instanceof java.net.UnknownHostException
                        || e instanceof java.net.http.HttpConnectTimeoutException;
                log.warn("speech model {} could not be fetched from {} ({}): voice notes stay off in {}. Set {} to unpacked "
                                + "models, or SHISHA_SPEECH_MODEL_DOWNLOAD=false to stop trying at start",
                        model.name(), from, e.toString(), unreachable ? "every language without a model" : model.language(),
                        unreachable ? "VOSK_MODEL_PATH and VOSK_MODEL_PATH_HI" : VoskSpeechRecognizer.variableFor(model.language()));
            }
            target.progress(model.language(), "could not download " + model.name() + " from " + from + " (" + e.getMessage()
                    + "); set " + VoskSpeechRecognizer.variableFor(model.language()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Appends to what an earlier attempt left, if the server honours the range; starts over if it does not. */
    private void download(Pinned model, URI from, Path part) throws IOException, InterruptedException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (have > model.bytes()) {
            Files.delete(part);
            have = 0;
        }
        if (have == model.bytes()) {
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(from).timeout(Duration.ofSeconds(30)).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        boolean resumed = response.statusCode() == 206;
        if (response.statusCode() != 200 && !resumed) {
            response.body().close();
            throw new IOException("HTTP " + response.statusCode());
        }
        if (!resumed && have > 0) {
            log.info("speech model {}: the server does not resume downloads; starting over", model.name());
            have = 0;
        }
        log.info("speech model {}: downloading {} MB from {}{}", model.name(), model.bytes() / 1_000_000, from,
                resumed ? " from " + have / 1_000_000 + " MB on" : "");
        try (InputStream in = response.body();
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[1 << 16];
            long done = have;
            int lastTenth = (int) (10 * done / model.bytes());
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                done += n;
                if (done > model.bytes()) {
                    throw new IOException("the server sent more than the published " + model.bytes() + " bytes");
                }
                int tenth = (int) (10 * done / model.bytes());
                if (tenth != lastTenth) {
                    lastTenth = tenth;
                    String detail = "downloading " + model.name() + ": " + 10 * tenth + " % (" + done / 1_000_000 + " of "
                            + model.bytes() / 1_000_000 + " MB)";
                    log.info("speech model {}", detail);
                    target.progress(model.language(), detail);
                }
            }
        }
    }

    /** Null when the file is the published one; otherwise what differs. */
    static String verify(Pinned model, Path file) throws IOException {
        long size = Files.size(file);
        if (size != model.bytes()) {
            return size + " bytes, published " + model.bytes();
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("MD5"))) {
            in.transferTo(OutputStream.nullOutputStream());
            String md5 = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            return md5.equalsIgnoreCase(model.md5()) ? null : "MD5 " + md5 + ", published " + model.md5();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /**
     * Unpacks next to the final folder and moves it into place in one step, so a crash mid-way never leaves a
     * half model that a later start would take for a whole one.
     */
    private Path unpack(Pinned model, Path archive) throws IOException {
        Path scratch = folder.resolve(".unpacking-" + model.name());
        deleteTree(scratch);
        Files.createDirectories(scratch);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path to = scratch.resolve(entry.getName()).normalize();
                if (!to.startsWith(scratch)) {
                    throw new IOException("the archive holds a path outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(zip, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // the archives hold one folder named after the model; accept the files at the top as well
        Path inner = scratch.resolve(model.name());
        Path root = Files.isDirectory(inner) ? inner : scratch;
        if (!Files.isRegularFile(root.resolve("am/final.mdl")) || !Files.isRegularFile(root.resolve("conf/model.conf"))) {
            deleteTree(scratch);
            throw new IOException("the archive is not a Vosk model (no am/final.mdl and conf/model.conf)");
        }
        Path dir = folder.resolve(model.name());
        deleteTree(dir);
        Files.move(root, dir, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(scratch);
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
