package com.shisha.ai.coach;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Chunk embeddings kept on disk between starts, keyed by the SHA-256 of the chunk text and tagged with the model,
 * so a restart embeds only chunks whose text changed (embedding the whole knowledge base takes seconds, reading
 * the file milliseconds). A missing, foreign or damaged file is ignored and rewritten: it is only a cache.
 *
 * <p>The built-in guide's embeddings come with the module ({@link #BUILT_IN}, made by {@link GuideEmbeddings} when it
 * is built), so that a first start, and every test JVM, embeds only the sections an operator added since.
 */
final class EmbeddingCache {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);
    private static final int MAGIC = 0x53484543; // "SHEC"

    private EmbeddingCache() {
    }

    static final String BUILT_IN = "kb/guide-embeddings.bin";

    /** The built-in guide's vectors, then the file's (null for none) over them. */
    static Map<String, float[]> read(Path file, String modelTag) {
        Map<String, float[]> vectors = new HashMap<>();
        try (InputStream builtIn = EmbeddingCache.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (builtIn != null) {
                vectors.putAll(read(builtIn, BUILT_IN, modelTag));
            }
        } catch (IOException e) {
            log.warn("the built-in guide embeddings are unreadable ({}); the guide is embedded at start", e.toString());
        }
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                vectors.putAll(read(in, file.toString(), modelTag));
            } catch (IOException e) {
                log.warn("coach embedding cache {} is unreadable ({}); it will be rebuilt", file, e.toString());
            }
        }
        return vectors;
    }

    private static Map<String, float[]> read(InputStream source, String name, String modelTag) {
        Map<String, float[]> vectors = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(source))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(modelTag)) {
                log.info("coach embedding cache {} is for another model; it will be rebuilt", name);
                return vectors;
            }
            int count = in.readInt();
            int dimensions = in.readInt();
            // a vector's bytes in one read, not a float at a time: the guide's thousands of rows are read at every start
            byte[] bytes = new byte[dimensions * Float.BYTES];
            java.nio.FloatBuffer floats = java.nio.ByteBuffer.wrap(bytes).asFloatBuffer(); // big-endian, as written
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                in.readFully(bytes);
                float[] v = new float[dimensions];
                floats.get(0, v);
                vectors.put(key, v);
            }
            return vectors;
        } catch (IOException | RuntimeException e) {
            log.warn("coach embedding cache {} is unreadable ({}); it will be rebuilt", name, e.toString());
            return new HashMap<>();
        }
    }

    static void write(Path file, String modelTag, Map<String, float[]> vectors) {
        if (file == null || vectors.isEmpty()) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            int dimensions = vectors.values().iterator().next().length;
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeUTF(modelTag);
                out.writeInt(vectors.size());
                out.writeInt(dimensions);
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    out.writeUTF(e.getKey());
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            // readers never see a half-written file, also when two instances start at once
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("coach embedding cache {} not written ({}); the next start embeds again", file, e.toString());
        }
    }

    static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
