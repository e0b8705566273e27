package com.shisha.ai.coach;

import dev.langchain4j.model.embedding.EmbeddingModel;

/** The real embedding model (as the coach ships it) and the knowledge-base index, built once per test JVM (a few seconds). */
final class SharedIndex {

    static final EmbeddingModel MODEL = new MiniLmEmbeddings();
    static final KnowledgeBase KB = KnowledgeBase.load();
    static final SectionIndex INDEX = SectionIndex.build(KB, MODEL);

    private SharedIndex() {
    }
}
