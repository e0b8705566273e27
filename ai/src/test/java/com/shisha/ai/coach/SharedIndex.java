package com.shisha.ai.coach;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/** The real embedding model and the knowledge-base index, built once per test JVM (a few seconds). */
final class SharedIndex {

    static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    static final KnowledgeBase KB = KnowledgeBase.load();
    static final SectionIndex INDEX = SectionIndex.build(KB, MODEL);

    private SharedIndex() {
    }
}
