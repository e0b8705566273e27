package com.shisha.ai.coach;

import com.shisha.core.Language;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Finds the knowledge-base sections that answer a question. Built once at start-up: every section, in English and
 * in Hindi, is cut into short chunks (title with the intro, title with each bullet) and each chunk is embedded.
 * A section scores its best chunk's cosine, in either language, plus a share of its BM25 word score, because the
 * English-trained model alone misses many Hindi questions.
 */
public final class SectionIndex {

    private static final Logger log = LoggerFactory.getLogger(SectionIndex.class);

    /** How much the word score counts against the cosine; chosen on the paraphrase set (see docs/coach.md). */
    static final double LEXICAL_WEIGHT = 0.3;

    static final Set<Language> EMBEDDED_LANGUAGES = Set.of(Language.EN, Language.HI);

    private final EmbeddingModel model;
    private final List<String> sectionIds;
    private final VectorIndex vectors;
    private final LexicalIndex words;
    private final double lexicalWeight;
    private final Duration buildTime;

    public record Hit(String sectionId, double score) {
    }

    private SectionIndex(EmbeddingModel model, List<String> sectionIds, VectorIndex vectors, LexicalIndex words,
                         double lexicalWeight, Duration buildTime) {
        this.model = model;
        this.sectionIds = sectionIds;
        this.vectors = vectors;
        this.words = words;
        this.lexicalWeight = lexicalWeight;
        this.buildTime = buildTime;
    }

    /** Embeds the whole knowledge base: about a second or two here; logged, see {@link #buildTime()}. */
    public static SectionIndex build(KnowledgeBase kb, EmbeddingModel model) {
        return build(kb, model, LEXICAL_WEIGHT);
    }

    static SectionIndex build(KnowledgeBase kb, EmbeddingModel model, double lexicalWeight) {
        return build(kb, model, lexicalWeight, EMBEDDED_LANGUAGES);
    }

    static SectionIndex build(KnowledgeBase kb, EmbeddingModel model, double lexicalWeight, Set<Language> embedded) {
        long t0 = System.nanoTime();
        List<String> ids = List.copyOf(kb.ids());
        List<String> chunks = new ArrayList<>();
        List<Integer> chunkOwners = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        List<Integer> documentOwners = new ArrayList<>();
        for (int owner = 0; owner < ids.size(); owner++) {
            for (Language language : Language.values()) {
                KbSection section = kb.section(ids.get(owner), language).orElseThrow();
                if (embedded.contains(language)) {
                    for (String chunk : chunks(section)) {
                        chunks.add(chunk);
                        chunkOwners.add(owner);
                    }
                }
                documents.add(section.title() + "\n" + section.body());
                documentOwners.add(owner);
            }
        }
        SectionIndex index = of(model, ids, chunks, toArray(chunkOwners), documents, toArray(documentOwners),
                lexicalWeight, t0);
        log.info("coach index: {} sections, {} chunks embedded in {} ms", ids.size(), chunks.size(),
                index.buildTime.toMillis());
        return index;
    }

    /**
     * An index over any sections, for benchmarks at sizes the knowledge base does not reach.
     *
     * @param chunkOwners for each chunk, its section's position in sectionIds; documents are one per section
     */
    static SectionIndex of(EmbeddingModel model, List<String> sectionIds, List<String> chunks, int[] chunkOwners,
                           List<String> documents, int[] documentOwners, double lexicalWeight, long startNanos) {
        List<TextSegment> segments = chunks.stream().map(TextSegment::from).toList();
        List<float[]> embedded = model.embedAll(segments).content().stream().map(Embedding::vector).toList();
        return new SectionIndex(model, List.copyOf(sectionIds), new VectorIndex(embedded, chunkOwners),
                new LexicalIndex(documents, documentOwners), lexicalWeight,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** Short chunks keep a bullet's meaning from being averaged away by the rest of the section. */
    static List<String> chunks(KbSection section) {
        List<String> statements = section.statements();
        List<String> chunks = new ArrayList<>();
        chunks.add(section.title() + ". " + statements.get(0));
        for (String statement : statements.subList(1, statements.size())) {
            chunks.add(section.title() + ". " + statement);
        }
        return chunks;
    }

    /** The k best sections for the question, best first. */
    public List<Hit> search(String question, int k) {
        return rank(model.embed(question).content().vector(), question, k);
    }

    List<Hit> rank(float[] queryVector, String question, int k) {
        float[] dense = vectors.bestPerOwner(queryVector, sectionIds.size());
        double[] lexical = lexicalWeight == 0 ? new double[sectionIds.size()] : words.scorePerOwner(question, sectionIds.size());
        return IntStream.range(0, sectionIds.size())
                .mapToObj(i -> new Hit(sectionIds.get(i), dense[i] + lexicalWeight * lexical[i]))
                .sorted(Comparator.comparingDouble(Hit::score).reversed())
                .limit(k).toList();
    }

    public Duration buildTime() {
        return buildTime;
    }

    public int chunkCount() {
        return vectors.size();
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
