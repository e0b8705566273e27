package com.shisha.ai.coach;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingCacheTest {

    /** A few sections of the guide: what is cached, and when, does not depend on how many there are. */
    private static final KnowledgeBase SOME = KnowledgeBase.of(
            SharedIndex.KB.sections(com.shisha.core.Language.EN).stream().limit(4).toList(),
            SharedIndex.KB.sections(com.shisha.core.Language.HI).stream().limit(4).toList());

    /** Counts the chunks it is asked to embed, then lets the real model embed them. */
    private static final class Counting implements EmbeddingModel {
        final AtomicInteger embedded = new AtomicInteger();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            embedded.addAndGet(segments.size());
            return SharedIndex.MODEL.embedAll(segments);
        }

        @Override
        public int dimension() {
            return SharedIndex.MODEL.dimension();
        }
    }

    private static Path freshFile(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "embedding-cache-test"));
        Path file = dir.resolve(name + System.nanoTime() + ".bin");
        Files.deleteIfExists(file);
        return file;
    }

    @Test
    void aRestartEmbedsNothingAndFindsTheSameSections() throws Exception {
        Path file = freshFile("cache");
        Counting first = new Counting();
        SectionIndex built = SectionIndex.build(SOME, first, file);
        Counting second = new Counting();
        SectionIndex restarted = SectionIndex.build(SOME, second, file);

        assertThat(first.embedded.get()).isEqualTo(built.chunkCount());
        assertThat(second.embedded.get()).isZero();
        String q = "customer bought a plan last week and now regrets it, can he return it?";
        assertThat(restarted.search(q, 3)).isEqualTo(built.search(q, 3));
    }

    @Test
    void aDamagedFileIsIgnoredAndRewritten() throws Exception {
        Path file = freshFile("damaged");
        Files.write(file, new byte[] {0x53, 0x48, 0x45, 0x43, 0, 7, 'b', 'r', 'o'});
        Counting model = new Counting();

        SectionIndex index = SectionIndex.build(SOME, model, file);

        assertThat(model.embedded.get()).isEqualTo(index.chunkCount());
        assertThat(EmbeddingCache.read(file, model.getClass().getName() + "/" + model.dimension())).hasSize(index.chunkCount());
    }

    @Test
    void theBuiltInGuideComesEmbedded() {
        // made when the module is built: without it every first start and test JVM embeds the whole guide again
        assertThat(EmbeddingCache.read(null, ((MiniLmEmbeddings) SharedIndex.MODEL).fingerprint())).hasSizeGreaterThanOrEqualTo(SharedIndex.INDEX.chunkCount());
    }
}
