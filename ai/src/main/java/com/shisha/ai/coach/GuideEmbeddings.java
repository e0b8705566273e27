package com.shisha.ai.coach;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Embeds the built-in guide when the module is built (ai/pom.xml runs it after compiling), into the classes as
 * {@link EmbeddingCache#BUILT_IN}: embedding it takes seconds of CPU that every first start and every test JVM
 * would otherwise spend again.
 */
public final class GuideEmbeddings {

    private GuideEmbeddings() {
    }

    /** @param args the file to write */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        // the file left by an earlier build is on the classpath and read first: an unchanged guide is not embedded
        // again, and a changed one (or another model) is written anew with only its current chunks
        SectionIndex index = SectionIndex.build(KnowledgeBase.load(), new MiniLmEmbeddings(), out);
        if (!Files.isRegularFile(out)) {
            throw new IllegalStateException("no embeddings written to " + out);
        }
        System.out.printf("guide embeddings: %s (%d bytes) in %d ms%n", out, Files.size(out), index.buildTime().toMillis());
    }
}
