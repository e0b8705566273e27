package com.shisha.ai.coach;

import com.shisha.core.Language;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Embeds the whole knowledge base: seconds (logged, see {@link #buildTime()}); no cache. */
    public static SectionIndex build(KnowledgeBase kb, EmbeddingModel model) {
        return build(kb, model, null);
    }

    /**
     * @param cacheFile where chunk embeddings are kept between starts (e.g. the data folder's
     *                  coach-embeddings.bin); null for none. With it a restart takes milliseconds, not seconds.
     */
    public static SectionIndex build(KnowledgeBase kb, EmbeddingModel model, Path cacheFile) {
        return build(kb, model, LEXICAL_WEIGHT, EMBEDDED_LANGUAGES, cacheFile);
    }

    static SectionIndex build(KnowledgeBase kb, EmbeddingModel model, double lexicalWeight, Set<Language> embedded,
                              Path cacheFile) {
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
        String modelTag = model instanceof MiniLmEmbeddings m ? m.fingerprint() : model.getClass().getName() + "/" + model.dimension();
        Map<String, float[]> cached = EmbeddingCache.read(cacheFile, modelTag);
        List<String> keys = chunks.stream().map(EmbeddingCache::key).toList();
        List<Integer> missing = IntStream.range(0, chunks.size()).filter(i -> !cached.containsKey(keys.get(i))).boxed().toList();
        if (!missing.isEmpty()) {
            List<TextSegment> segments = missing.stream().map(i -> TextSegment.from(chunks.get(i))).toList();
            List<Embedding> fresh = model.embedAll(segments).content();
            for (int m = 0; m < missing.size(); m++) {
                cached.put(keys.get(missing.get(m)), fresh.get(m).vector());
            }
        }
        List<float[]> vectors = keys.stream().map(cached::get).toList();
        if (!missing.isEmpty()) {
            // only the current chunks: sections edited away do not pile up in the file
            Map<String, float[]> current = new LinkedHashMap<>();
            keys.forEach(k -> current.put(k, cached.get(k)));
            EmbeddingCache.write(cacheFile, modelTag, current);
        }
        SectionIndex index = ofVectors(model, ids, vectors, toArray(chunkOwners), documents, toArray(documentOwners),
                lexicalWeight, t0);
        log.info("coach index: {} sections, {} chunks ({} embedded now, {} from the cache) in {} ms", ids.size(),
                chunks.size(), missing.size(), chunks.size() - missing.size(), index.buildTime.toMillis());
        return index;
    }

    /** An index over vectors computed elsewhere: benchmarks use it for sizes too slow to embed on every run. */
    static SectionIndex ofVectors(EmbeddingModel model, List<String> sectionIds, List<float[]> vectors, int[] owners,
                                  List<String> documents, int[] documentOwners, double lexicalWeight, long startNanos) {
        return new SectionIndex(model, List.copyOf(sectionIds), new VectorIndex(vectors, owners),
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
        // keep the k best in a small sorted array: cheaper than sorting every section when there are thousands
        int size = Math.min(k, sectionIds.size());
        int[] best = new int[size];
        double[] bestScore = new double[size];
        java.util.Arrays.fill(bestScore, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < sectionIds.size(); i++) {
            double score = dense[i] + lexicalWeight * lexical[i];
            if (score <= bestScore[size - 1]) {
                continue;
            }
            int at = size - 1;
            while (at > 0 && bestScore[at - 1] < score) {
                bestScore[at] = bestScore[at - 1];
                best[at] = best[at - 1];
                at--;
            }
            bestScore[at] = score;
            best[at] = i;
        }
        List<Hit> hits = new ArrayList<>(size);
        for (int j = 0; j < size; j++) {
            if (bestScore[j] > Double.NEGATIVE_INFINITY) {
                hits.add(new Hit(sectionIds.get(best[j]), bestScore[j]));
            }
        }
        return hits;
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
