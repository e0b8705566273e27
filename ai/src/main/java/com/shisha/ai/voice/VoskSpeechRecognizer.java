package com.shisha.ai.voice;

import com.shisha.core.Language;
import com.shisha.core.voice.SpeechRecognizer;
import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNoteException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Vosk (Kaldi) speech recognition, offline. One model per language is loaded once at construction; a missing or
 * broken model makes that language unavailable with a detail naming the variable and the path, and never stops
 * start-up. Recognizers are native objects that take a while to build: free-speech ones are pooled per language,
 * grammar ones per (language, grammar) in a small LRU, and at most {@code concurrency} recognitions run at once
 * because each keeps a core busy. Close it on shutdown to free the natives.
 */
public final class VoskSpeechRecognizer implements SpeechRecognizer, com.shisha.core.voice.SpeechStreams,
        SpeechModelDownloads.Target, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VoskSpeechRecognizer.class);
    /** Distinct grammars kept ready; dialogs use a handful (menus, quiz options), so 16 covers a working set. */
    private static final int GRAMMAR_POOLS = 16;
    /** 0.25 s of audio per call: Vosk finalises utterances between calls, so chunks keep its endpointing working. */
    private static final int CHUNK = SAMPLE_RATE / 4;
    private static final long WAIT_FOR_TURN_SECONDS = 60;

    private final Map<Language, Model> models = new EnumMap<>(Language.class);
    /** Read on every voice note, changed while a model downloads: a concurrent map, not a lock. */
    private final Map<Language, Availability> availability = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean nativeLoaded;
    private final IdlePool<Language, Recognizer> freeSpeech;
    private final IdlePool<GrammarKey, Recognizer> grammars;
    private final Semaphore turns;
    private final int concurrency;
    private boolean closed;

    /** Loads the models named by settings; languages without a usable model are reported by {@link #availability}. */
    public VoskSpeechRecognizer(VoiceSettings settings) {
        this(settings.englishModel(), settings.hindiModel(), settings.concurrency());
    }

    /** @param englishModel, hindiModel model folders, either may be null */
    public VoskSpeechRecognizer(Path englishModel, Path hindiModel, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.concurrency = concurrency;
        this.turns = new Semaphore(concurrency, true);
        this.freeSpeech = new IdlePool<>(Language.values().length, concurrency, Recognizer::close);
        this.grammars = new IdlePool<>(GRAMMAR_POOLS, concurrency, Recognizer::close);
        Map<Language, Path> paths = new EnumMap<>(Language.class);
        paths.put(Language.EN, englishModel);
        paths.put(Language.HI, hindiModel);
        String nativeProblem = paths.values().stream().anyMatch(java.util.Objects::nonNull) ? loadNative() : null;
        nativeLoaded = nativeProblem == null && paths.values().stream().anyMatch(java.util.Objects::nonNull);
        for (Language language : Language.values()) {
            Path path = paths.get(language);
            Availability loaded = path == null
                    ? new Availability(false, variableFor(language) + " is not set: no " + language + " speech model")
                    : load(language, path, nativeProblem, variableFor(language) + "=" + path + ": ");
            availability.put(language, loaded);
            if (loaded.ready()) {
                log.info("speech recognition {}: {}", language, loaded.detail());
            } else if (path != null) {
                log.warn("speech recognition {} unavailable: {}", language, loaded.detail());
            }
        }
    }

    /**
     * Makes JNA unpack libvosk (26 MB) into folder instead of ~/.cache/JNA, for read-only homes. Call before the
     * first recognizer is built; a -Djna.tmpdir given on the command line wins.
     */
    public static void useNativeFolder(Path folder) {
        if (System.getProperty("jna.tmpdir") != null) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the folder for Vosk's native library: " + folder, e);
        }
        System.setProperty("jna.tmpdir", folder.toAbsolutePath().toString());
    }

    /** The environment variable that names the model folder for a language, for messages to the operator. */
    public static String variableFor(Language language) {
        return language == Language.HI ? "VOSK_MODEL_PATH_HI" : "VOSK_MODEL_PATH";
    }

    /** Null when libvosk loaded; otherwise why not. */
    private static String loadNative() {
        try {
            LibVosk.setLogLevel(LogLevel.WARNINGS); // Kaldi logs every model parameter at INFO
            return null;
        } catch (LinkageError e) {
            return "the Vosk native library did not load (" + e.getMessage() + "); set -Djna.tmpdir to a writable folder if the home folder is read-only";
        }
    }

    /** While a model is on its way: what the health endpoint and the log say about the language. */
    @Override
    public void progress(Language language, String detail) {
        availability.computeIfPresent(language, (l, now) -> now.ready() ? now : new Availability(false, detail));
    }

    /** Switches a language on with a model that arrived after start-up. */
    @Override
    public synchronized Availability install(Language language, Path path) {
        if (closed) {
            return new Availability(false, "speech recognition is shut down");
        }
        String nativeProblem = null;
        if (!nativeLoaded) {
            nativeProblem = loadNative();
            nativeLoaded = nativeProblem == null;
        }
        if (models.containsKey(language)) {
            // recognizers in the pools hold the loaded model: it is not swapped under them
            return availability.get(language);
        }
        Availability loaded = load(language, path, nativeProblem, "downloaded model " + path + ": ");
        availability.put(language, loaded);
        return loaded;
    }

    private Availability load(Language language, Path path, String nativeProblem, String at) {
        if (!Files.isDirectory(path)) {
            return new Availability(false, at + "no such folder");
        }
        for (String required : List.of("am/final.mdl", "conf/model.conf")) {
            if (!Files.isRegularFile(path.resolve(required))) {
                return new Availability(false, at + "not a Vosk model folder (" + required + " is missing)" + nestedHint(path));
            }
        }
        if (nativeProblem != null) {
            return new Availability(false, at + nativeProblem);
        }
        try {
            long start = System.nanoTime();
            models.put(language, new Model(path.toString()));
            return new Availability(true, at + "loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (IOException | RuntimeException e) {
            return new Availability(false, at + "Vosk could not load the model (" + e.getMessage() + "); is it a complete, unpacked Vosk model? Vosk's own reason is in the log (VoskAPI ERROR)");
        }
    }

    /** The model zips unpack into a folder of their own; pointing at its parent is the usual mistake. */
    private static String nestedHint(Path path) {
        try (var children = Files.list(path)) {
            return children.filter(child -> Files.isRegularFile(child.resolve("am/final.mdl")))
                    .findFirst().map(child -> "; did you mean " + child + "?").orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public Availability availability(Language language) {
        synchronized (this) {
            if (closed) {
                return new Availability(false, "speech recognition is shut down");
            }
        }
        return availability.get(language);
    }

    @Override
    public Recognition recognize(short[] pcm, Language language, List<String> grammar) {
        Availability ready = availability(language);
        if (!ready.ready()) {
            throw new VoiceNoteException(Kind.UNAVAILABLE, ready.detail());
        }
        String grammarJson = grammar == null || grammar.isEmpty() ? null : VoskResults.grammarJson(grammar);
        acquireTurn();
        try {
            Recognizer recognizer = borrow(language, grammarJson);
            boolean healthy = false;
            try {
                Recognition recognition = run(recognizer, pcm);
                healthy = true;
                return recognition;
            } finally {
                giveBack(language, grammarJson, recognizer, healthy);
            }
        } finally {
            turns.release();
        }
    }

    /**
     * A recogniser of its own for one speaker of a live call, kept for the call's length (a pooled one would carry
     * another caller's half-heard words); it uses Vosk's end-pointing to tell when an utterance ended.
     */
    @Override
    public Optional<SpeechStream> open(Language language) {
        if (!availability(language).ready()) {
            return Optional.empty();
        }
        Model model;
        synchronized (this) {
            model = models.get(language);
        }
        try {
            Recognizer recognizer = new Recognizer(model, SAMPLE_RATE);
            return Optional.of(new SpeechStream() {
                @Override
                public Optional<String> accept(short[] pcm) {
                    return recognizer.acceptWaveForm(pcm, pcm.length) ? words(recognizer.getResult()) : Optional.empty();
                }

                @Override
                public Optional<String> finish() {
                    return words(recognizer.getFinalResult());
                }

                @Override
                public void close() {
                    recognizer.close();
                }
            });
        } catch (IOException | RuntimeException e) {
            log.warn("no {} live recogniser: {}", language, e.toString());
            return Optional.empty();
        }
    }

    private static Optional<String> words(String json) {
        VoskResults results = new VoskResults();
        results.add(json);
        String text = results.recognition().text();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private void acquireTurn() {
        try {
            if (!turns.tryAcquire(WAIT_FOR_TURN_SECONDS, TimeUnit.SECONDS)) {
                throw new VoiceNoteException(Kind.FAILED, "all " + concurrency + " recognition slots stayed busy for "
                        + WAIT_FOR_TURN_SECONDS + " s (SHISHA_VOICE_CONCURRENCY)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VoiceNoteException(Kind.FAILED, "interrupted while waiting for a recognition slot", e);
        }
    }

    private static Recognition run(Recognizer recognizer, short[] pcm) {
        VoskResults results = new VoskResults();
        for (int from = 0; from < pcm.length; from += CHUNK) {
            short[] chunk = Arrays.copyOfRange(pcm, from, Math.min(pcm.length, from + CHUNK));
            if (recognizer.acceptWaveForm(chunk, chunk.length)) {
                results.add(recognizer.getResult()); // an utterance ended inside this chunk
            }
        }
        results.add(recognizer.getFinalResult());
        return results.recognition();
    }

    private Recognizer borrow(Language language, String grammarJson) {
        Recognizer idle = grammarJson == null ? freeSpeech.poll(language) : grammars.poll(new GrammarKey(language, grammarJson));
        if (idle != null) {
            return idle;
        }
        Model model;
        synchronized (this) {
            if (closed) {
                throw new VoiceNoteException(Kind.UNAVAILABLE, "speech recognition is shut down");
            }
            model = models.get(language);
        }
        // a new recognizer (a grammar one compiles a small decoding graph) is built outside any lock
        try {
            Recognizer recognizer = grammarJson == null
                    ? new Recognizer(model, SAMPLE_RATE)
                    : new Recognizer(model, SAMPLE_RATE, grammarJson);
            if (recognizer.getPointer() == null) {
                // the grammar constructor does not check what libvosk returned; a null handle would crash the JVM later
                throw new VoiceNoteException(Kind.FAILED, "Vosk returned no " + language + " recognizer (grammar " + grammarJson + ")");
            }
            recognizer.setWords(true);
            return recognizer;
        } catch (VoiceNoteException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new VoiceNoteException(Kind.FAILED, "Vosk could not create a " + language + " recognizer: " + e.getMessage(), e);
        }
    }

    /** A recognizer that failed mid-way is closed, not reused: its native state is unknown. */
    private void giveBack(Language language, String grammarJson, Recognizer recognizer, boolean healthy) {
        if (!healthy) {
            recognizer.close();
            return;
        }
        recognizer.reset();
        if (grammarJson == null) {
            freeSpeech.offer(language, recognizer);
        } else {
            grammars.offer(new GrammarKey(language, grammarJson), recognizer);
        }
    }

    private record GrammarKey(Language language, String grammarJson) {
    }

    /** Waits briefly for running recognitions, then frees every recognizer and model. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        boolean drained = false;
        try {
            drained = turns.tryAcquire(concurrency, 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        freeSpeech.close();
        grammars.close();
        synchronized (this) {
            if (drained) {
                models.values().forEach(Model::close);
            } else {
                // a recognition is still running on a model; freeing it under the native code could crash the JVM
                log.warn("speech recognition still busy at shutdown; Vosk models are left to the process exit");
            }
            models.clear();
        }
    }
}
