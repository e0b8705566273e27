package com.shisha.ai.coach;

import com.shisha.core.Language;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Finds the knowledge-base sections that answer a question. Built once at start-up: every section, in English and
 * in Hindi, is cut into short chunks (title with the intro, title with each bullet) and each chunk is embedded, as
 * are the questions the section answers ({@link KnowledgeBase#questions}); the sections' words and questions go into
 * a Lucene BM25 index ({@link WordIndex}) in both scripts and romanised. A section scores
 * its best chunk's cosine plus a saturated share of its BM25 score: the English-trained model alone misses most
 * Hindi and Hinglish questions, and words alone miss paraphrases. The word share is saturated rather than scaled
 * to the best section, so a question that shares only a stray word with the guide still scores low, which is what
 * lets the coach say it has no passage ({@link #ANSWERABLE}).
 */
public final class SectionIndex {

    private static final Logger log = LoggerFactory.getLogger(SectionIndex.class);

    /** How much the word side counts against the cosine; chosen on the tuning questions (see docs/coach.md). */
    static final double WORD_WEIGHT = 2.0;
    /** The BM25 score at which the word side gives half its weight. */
    static final double WORD_HALF = 13.0;
    /**
     * Below this fused score the best section does not answer the question: the middle of the range where the tuning
     * and the first two held-out sets, together, get the most right (RetrievalTuning). The tuning set alone cannot
     * place it: its out-of-scope questions were written into the off-topic examples, which decline them before the
     * threshold is reached, and its lowest edge lets through requests scoring just above it, as a Hinglish question's
     * better-of-two-vectors score does.
     */
    public static final double ANSWERABLE = 0.92;
    /** Share of the question's mean cosine taken off every section's (see {@link #fuse}). */
    static final double DENSE_CENTRING = 0.5;
    /** How many sections the word side scores; the rest share no strong word with the question and count 0 there. */
    static final int WORD_HITS = 50;
    /** What a follow-up adds to the section answered last. */
    static final double FOLLOW_UP_BOOST = 0.3;
    /** The old retrieval's word weight, kept as the benchmark's baseline. */
    static final double LEXICAL_WEIGHT = 0.3;


    static final Set<Language> EMBEDDED_LANGUAGES = Set.of(Language.EN, Language.HI);

    /** Runs the word side of searches; daemon threads, so an index never keeps the JVM alive. */
    private static final Executor WORD_SEARCH = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "coach-word-search");
        t.setDaemon(true);
        return t;
    });

    private final EmbeddingModel model;
    private final QueryVectors queryVectors = new QueryVectors(1_024);
    private final List<String> sectionIds;
    private final Map<String, Integer> positions;
    private final VectorIndex vectors;
    /** The off-topic examples' vectors, all owned by one owner; null when there are none. */
    private final VectorIndex offTopic;
    /** The off-topic examples themselves: the word index holds them after the sections, one owner each. */
    private final List<String> offTopicTexts;
    /**
     * Whether {@link #vectors} holds Hinglish as partners type it, as alike rows: the guide's Hinglish questions and its
     * Hindi ones in Latin letters, their topic words only ({@link Romaniser#topicWords}). Only a Hinglish question's
     * own topic words are compared with them: the model knows no Hindi, so it places any two Hinglish texts near each
     * other by their shared loanwords and spellings, which says something only when both are Hinglish.
     */
    private final boolean hinglish;
    /** The Hinglish and Hindi off-topic examples the same way, one owner; null when there are none. */
    private final VectorIndex offTopicHinglish;
    private final WordIndex words;
    private final LexicalIndex legacyWords;
    private final double legacyWeight;
    private final Duration buildTime;
    private final Glossary glossary;

    public record Hit(String sectionId, double score) {
    }

    /** How far a request's nearest off-topic example must be above its nearest section chunk for it to be declined. */
    static final double OFF_TOPIC_MARGIN = 0.05;
    /**
     * Or how far the off-topic examples, scored like a section (cosine and words), must lead the best section: "pm
     * kisan ki kist" shares "kist" with the EMI section but two rarer words with an off-topic example.
     */
    static final double OFF_TOPIC_LEAD = 0.0;
    /**
     * A request nearer to an off-topic example is declined only when the examples, scored like a section, come within
     * this of the best section: a question sharing many words with one section ("kist", "RD", "NCB") is about it, though
     * the few words of its English reading, or a long Hinglish question's topic words, land nearer an example. The
     * middle of the range (0.1-0.3) where the open sets gain most, none losing.
     */
    static final double OFF_TOPIC_WITHIN = 0.2;

    /**
     * Per section, its dense (cosine) and raw BM25 scores: what the ranking fuses, kept apart for calibration.
     *
     * @param offTopic      the question's best cosine to the off-topic examples ({@link KnowledgeBase#offTopic}), -1 for none
     * @param offTopicWords its best BM25 score against one off-topic example
     */
    record Scores(float[] dense, double[] words, float offTopic, double offTopicWords) {
        Scores(float[] dense, double[] words) {
            this(dense, words, -1f, 0);
        }
    }

    private SectionIndex(EmbeddingModel model, List<String> sectionIds, VectorIndex vectors, VectorIndex offTopicHinglish,
                         VectorIndex offTopic, List<String> offTopicTexts, WordIndex words, LexicalIndex legacyWords,
                         double legacyWeight, Duration buildTime, Glossary glossary) {
        this.hinglish = vectors.alike() != null;
        this.offTopicHinglish = offTopicHinglish;
        this.glossary = glossary;
        this.offTopic = offTopic;
        this.offTopicTexts = offTopicTexts;
        this.model = model;
        this.sectionIds = sectionIds;
        this.positions = new java.util.HashMap<>();
        for (int i = 0; i < sectionIds.size(); i++) {
            positions.put(sectionIds.get(i), i);
        }
        this.vectors = vectors;
        this.words = words;
        this.legacyWords = legacyWords;
        this.legacyWeight = legacyWeight;
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
        return build(kb, model, false, cacheFile);
    }

    /** @param legacy the old retrieval (cosine + 0.3 × best-scaled hand-written BM25), kept as a baseline */
    static SectionIndex build(KnowledgeBase kb, EmbeddingModel model, boolean legacy, Path cacheFile) {
        Set<Language> embedded = EMBEDDED_LANGUAGES;
        long t0 = System.nanoTime();
        List<String> ids = List.copyOf(kb.ids());
        List<String> chunks = new ArrayList<>();
        List<Integer> chunkOwners = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        List<Integer> documentOwners = new ArrayList<>();
        List<List<String>> questions = new ArrayList<>();
        Glossary glossary = Glossary.load(englishLines(kb), Lexicon.learn(kb));
        List<String> hinglish = new ArrayList<>();
        List<Integer> hinglishOwners = new ArrayList<>();
        for (int owner = 0; owner < ids.size(); owner++) {
            questions.add(kb.questions(ids.get(owner)));
            for (String question : kb.questions(ids.get(owner))) {
                if (Romaniser.isClearlyHinglish(question)) {
                    addOnce(hinglish, hinglishOwners, Romaniser.topicWords(question), owner);
                    continue;
                }
                chunks.add(question);
                chunkOwners.add(owner);
                if (Romaniser.hasDevanagari(question)) {
                    // where a Hinglish question meets the Hindi way of asking ("card kho gaya" near "card kho gaya ya
                    // chori ho gaya")
                    addOnce(hinglish, hinglishOwners, Romaniser.topicWords(glossary.hinglish(question)), owner);
                }
            }
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
        for (String example : kb.offTopic()) {
            if (Romaniser.hasDevanagari(example) || Romaniser.isHinglish(example)) {
                // a Hinglish request meets them here, owned by one owner after the sections (see scores)
                addOnce(hinglish, hinglishOwners, Romaniser.topicWords(glossary.hinglish(example)), ids.size());
            }
        }
        int mainChunks = chunks.size();
        chunks.addAll(hinglish);
        int sectionChunks = chunks.size();
        for (String example : kb.offTopic()) {
            // Hindi and Hinglish examples count through their words only: as written, the model places them near every
            // question in their script, and their English reading keeps too few words ("वजन कैसे कम करें": "less")
            if (!Romaniser.hasDevanagari(example) && !Romaniser.isHinglish(example)) {
                chunks.add(example);
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
        List<float[]> all = keys.stream().map(cached::get).toList();
        List<float[]> vectors = all.subList(0, mainChunks);
        List<float[]> hinglishVectors = all.subList(mainChunks, sectionChunks);
        List<float[]> offTopicVectors = all.subList(sectionChunks, all.size());
        if (!missing.isEmpty()) {
            // only the current chunks: sections edited away do not pile up in the file
            Map<String, float[]> current = new LinkedHashMap<>();
            keys.forEach(k -> current.put(k, cached.get(k)));
            EmbeddingCache.write(cacheFile, modelTag, current);
        }
        SectionIndex index = ofVectors(model, ids, vectors, toArray(chunkOwners), hinglishVectors, toArray(hinglishOwners),
                documents, toArray(documentOwners), questions, offTopicVectors, kb.offTopic(), legacy ? LEXICAL_WEIGHT : -1,
                t0, glossary);
        log.info("coach index: {} sections, {} chunks ({} embedded now, {} from the cache) in {} ms", ids.size(),
                chunks.size(), missing.size(), chunks.size() - missing.size(), index.buildTime.toMillis());
        return index;
    }

    /**
     * An index over vectors computed elsewhere: benchmarks use it for sizes too slow to embed on every run.
     *
     * @param legacyWeight negative for the fused retrieval; otherwise the old one with this word weight
     */
    static SectionIndex ofVectors(EmbeddingModel model, List<String> sectionIds, List<float[]> vectors, int[] owners,
                                  List<String> documents, int[] documentOwners, double legacyWeight, long startNanos) {
        return ofVectors(model, sectionIds, vectors, owners, documents, documentOwners,
                sectionIds.stream().map(id -> List.<String>of()).toList(), List.of(), List.of(), legacyWeight, startNanos);
    }

    /**
     * @param questions        per section, the questions it answers ({@link KnowledgeBase#questions})
     * @param offTopicVectors  the off-topic examples' embeddings ({@link KnowledgeBase#offTopic}); may be empty
     * @param offTopicTexts    the off-topic examples
     */
    static SectionIndex ofVectors(EmbeddingModel model, List<String> sectionIds, List<float[]> vectors, int[] owners,
                                  List<String> documents, int[] documentOwners, List<List<String>> questions,
                                  List<float[]> offTopicVectors, List<String> offTopicTexts, double legacyWeight,
                                  long startNanos) {
        return ofVectors(model, sectionIds, vectors, owners, List.of(), new int[0], documents, documentOwners, questions,
                offTopicVectors, offTopicTexts, legacyWeight, startNanos, Glossary.load());
    }

    /**
     * @param hinglishVectors the Hinglish questions' embeddings, each owned as in hinglishOwners (see
     *                        {@link #hinglish}), the Hinglish off-topic examples' owned by the owner after the
     *                        sections; may be empty
     * @param glossary        reads Hindi and Hinglish questions; its loanwords come from the guide being indexed
     */
    static SectionIndex ofVectors(EmbeddingModel model, List<String> sectionIds, List<float[]> vectors, int[] owners,
                                  List<float[]> hinglishVectors, int[] hinglishOwners,
                                  List<String> documents, int[] documentOwners, List<List<String>> questions,
                                  List<float[]> offTopicVectors, List<String> offTopicTexts, double legacyWeight,
                                  long startNanos, Glossary glossary) {
        boolean legacy = legacyWeight >= 0;
        List<List<String>> texts = new ArrayList<>(WordIndex.byOwner(documents, documentOwners, sectionIds.size()));
        List<List<String>> asked = new ArrayList<>(questions);
        for (String example : offTopicTexts) {
            // a Devanagari request has no useful vector (its English reading keeps few words), so its words must weigh
            // as a section's do, in the body fields too; a Latin example in the English field would match Hinglish
            // grammar words there, and one rare English word in four fields would decline a real question
            texts.add(Romaniser.hasDevanagari(example) ? List.of(example) : List.of());
            asked.add(List.of(example));
        }
        List<float[]> rows = new ArrayList<>(vectors);
        List<Integer> rowOwners = new ArrayList<>(Arrays.stream(owners).boxed().toList());
        List<float[]> offTopicAlike = new ArrayList<>();
        for (int i = 0; !legacy && i < hinglishVectors.size(); i++) {
            if (hinglishOwners[i] < sectionIds.size()) {
                rows.add(hinglishVectors.get(i));
                rowOwners.add(hinglishOwners[i]);
            } else {
                offTopicAlike.add(hinglishVectors.get(i));
            }
        }
        boolean[] alike = null;
        if (rows.size() > vectors.size()) {
            alike = new boolean[rows.size()];
            Arrays.fill(alike, vectors.size(), rows.size(), true);
        }
        return new SectionIndex(model, List.copyOf(sectionIds), new VectorIndex(rows, toArray(rowOwners), alike),
                offTopicAlike.isEmpty() ? null : new VectorIndex(offTopicAlike, new int[offTopicAlike.size()]),
                legacy || offTopicVectors.isEmpty() ? null : new VectorIndex(offTopicVectors, new int[offTopicVectors.size()]),
                List.copyOf(offTopicTexts),
                legacy ? null : new WordIndex(texts, asked, sectionIds.size()),
                legacy ? new LexicalIndex(documents, documentOwners) : null, legacyWeight,
                Duration.ofNanos(System.nanoTime() - startNanos), glossary);
    }

    /** The guide's English as its files write it, edited sections too: where Hindi's English loanwords are looked up. */
    static List<String> englishLines(KnowledgeBase kb) {
        List<String> lines = new ArrayList<>();
        for (KbSection section : kb.sections(Language.EN)) {
            lines.add("## " + section.id() + " | " + section.title());
            lines.add("products: " + section.products().stream().map(KnowledgeBase::productCode).sorted()
                    .reduce((a, b) -> a + ", " + b).orElse("none"));
            lines.add("skills: " + section.skills().stream().map(s -> s.code()).sorted().reduce((a, b) -> a + ", " + b).orElse(""));
            lines.addAll(section.body().lines().toList());
            lines.add("");
        }
        for (String id : kb.ids()) {
            kb.questions(id).forEach(q -> lines.add(id + "\t" + q));
        }
        lines.addAll(kb.offTopic());
        return lines;
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
        return search(question, k, null);
    }

    /**
     * @param previousSectionId the section the conversation's last answer rested on, or null; a follow-up
     *                          ({@link FollowUps}) lifts it, because "and if she cannot repay?" names no topic itself
     */
    public List<Hit> search(String question, int k, String previousSectionId) {
        if (question.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return List.of(); // nothing to search by (only marks, or invisible characters, which the model cannot embed)
        }
        if (legacyWords != null) {
            return rank(model.embed(question).content().vector(), question, k, previousSectionId);
        }
        String inEnglish = glossary.english(question);
        // the word side needs no vector: it runs beside the embedding, which on two cores (or a busy machine, where
        // each thread gets its share) brings the answer sooner
        CompletableFuture<double[]> wordScores = CompletableFuture.supplyAsync(
                () -> words.scores(question, inEnglish, sectionIds.size() + offTopicTexts.size(), WORD_HITS), WORD_SEARCH);
        float[][] queries;
        if (inEnglish == null) {
            queries = new float[][] {embed(question)};
        } else if (Romaniser.hasDevanagari(question)) {
            // a Devanagari question's own vector is not used (see scores): do not pay for its embedding
            queries = new float[][] {embed(inEnglish)};
        } else {
            String topic = Romaniser.topicWords(question);
            queries = embedBoth(topic.isBlank() ? question : topic, inEnglish);
        }
        return rank(scores(queries, wordScores.join()), question, k, previousSectionId);
    }

    /** A text's embedding, from the cache of recent queries when it was asked lately. */
    private float[] embed(String text) {
        String key = QueryVectors.normal(text);
        float[] cached = queryVectors.get(key);
        if (cached == null) {
            cached = model.embed(text).content().vector();
            queryVectors.put(key, cached);
        }
        return cached;
    }

    private float[][] embedBoth(String question, String reading) {
        float[] own = queryVectors.get(QueryVectors.normal(question));
        float[] read = queryVectors.get(QueryVectors.normal(reading));
        if (own == null && read == null) {
            // one call: the model embeds the two texts on two threads when the cores are free
            List<Embedding> both = model.embedAll(List.of(TextSegment.from(question), TextSegment.from(reading))).content();
            own = both.get(0).vector();
            read = both.get(1).vector();
            queryVectors.put(QueryVectors.normal(question), own);
            queryVectors.put(QueryVectors.normal(reading), read);
        }
        return new float[][] {own != null ? own : embed(question), read != null ? read : embed(reading)};
    }

    /** Forgets the recent queries' vectors: benchmarks measure searches that embed. */
    void clearQueryCache() {
        queryVectors.clear();
    }

    List<Hit> rank(float[] queryVector, String question, int k) {
        return rank(queryVector, question, k, null);
    }

    List<Hit> rank(float[] queryVector, String question, int k, String previousSectionId) {
        return rank(scores(queryVector, question), question, k, previousSectionId);
    }

    private List<Hit> rank(Scores scores, String question, int k, String previousSectionId) {
        double[] fused = legacyWords != null ? legacy(scores) : fuse(scores, WORD_WEIGHT, WORD_HALF, DENSE_CENTRING);
        boolean declined = legacyWords == null && declineOffTopic(fused, scores, OFF_TOPIC_MARGIN, OFF_TOPIC_LEAD, WORD_WEIGHT,
                WORD_HALF, DENSE_CENTRING, ANSWERABLE);
        Integer previous = previousSectionId == null ? null : positions.get(previousSectionId);
        if (previous != null && !declined) {
            switch (FollowUps.kind(question)) {
                case POINTING -> {
                    // "and if she cannot repay?" is about the last topic even when another section shares more words
                    double best = Arrays.stream(fused).max().orElse(0);
                    fused[previous] = Math.max(fused[previous] + FOLLOW_UP_BOOST, Math.max(best, ANSWERABLE) + 1e-6);
                }
                case SHORT -> fused[previous] += FOLLOW_UP_BOOST;
                case NONE -> {
                }
            }
        }
        return top(fused, k);
    }

    /**
     * A Hindi or Hinglish question is also read in English and that reading embedded (a second embedding, ~3 ms):
     * for Devanagari the English reading replaces the question's own vector, whose cosines are high against every
     * Hindi chunk alike; for Hinglish a section keeps the better of the reading's cosine with the guide and the topic
     * words' cosine with its Hinglish questions ({@link #hinglish}).
     *
     * @param queryVector the question's embedding; may be null for a Devanagari question the glossary can read; for a
     *                    Hinglish one, the vector of its topic words is used instead
     */
    Scores scores(float[] queryVector, String question) {
        if (legacyWords != null) {
            float[] dense = vectors.bestPerOwner(queryVector, sectionIds.size());
            return new Scores(dense, legacyWeight == 0 ? new double[sectionIds.size()] : legacyWords.scorePerOwner(question, sectionIds.size()));
        }
        String inEnglish = glossary.english(question);
        float[][] queries;
        if (inEnglish == null) {
            queries = new float[][] {queryVector != null ? queryVector : model.embed(question).content().vector()};
        } else {
            float[] read = model.embed(inEnglish).content().vector();
            queries = Romaniser.hasDevanagari(question) || queryVector == null
                    ? new float[][] {read}
                    : new float[][] {model.embed(Romaniser.topicWords(question).isBlank() ? question
                    : Romaniser.topicWords(question)).content().vector(), read};
        }
        return scores(queries, question, inEnglish);
    }

    /**
     * @param queries   the vectors the question is compared with: its own, its English reading's, or both
     * @param inEnglish the question's English reading ({@link Glossary}), or null
     */
    private Scores scores(float[][] queries, String question, String inEnglish) {
        return scores(queries, words.scores(question, inEnglish, sectionIds.size() + offTopicTexts.size(), WORD_HITS));
    }

    /**
     * @param queries    the question's vector, or a Hinglish question's topic words' and its English reading's
     * @param wordScores per section, then per off-topic example
     */
    private Scores scores(float[][] queries, double[] wordScores) {
        boolean alike = queries.length > 1 && hinglish;
        float[] dense = alike ? vectors.bestPerOwner(queries[1], queries[0], sectionIds.size(), true)
                : vectors.bestPerOwner(queries[queries.length - 1], sectionIds.size());
        float off = offTopic == null ? -1f : queries.length == 1 ? offTopic.bestPerOwner(queries[0], 1)[0]
                : offTopic.bestPerOwner(queries[0], queries[1], 1)[0];
        if (alike && offTopicHinglish != null) {
            off = Math.max(off, offTopicHinglish.bestPerOwner(queries[0], 1)[0]);
        }
        double offWords = 0;
        for (int i = sectionIds.size(); i < wordScores.length; i++) {
            offWords = Math.max(offWords, wordScores[i]);
        }
        double[] sectionWords = wordScores.length == sectionIds.size() ? wordScores : Arrays.copyOf(wordScores, sectionIds.size());
        return new Scores(dense, sectionWords, off, offWords);
    }

    private double[] legacy(Scores scores) {
        double[] fused = new double[sectionIds.size()];
        for (int i = 0; i < fused.length; i++) {
            fused[i] = scores.dense()[i] + legacyWeight * scores.words()[i];
        }
        return fused;
    }

    /**
     * @param centring how much of the question's mean cosine over all sections to subtract: some questions are
     *                 near everything (short ones, Devanagari), and their cosines say little until centred
     */
    static double[] fuse(Scores scores, double wordWeight, double wordHalf, double centring) {
        float[] dense = scores.dense();
        double mean = 0;
        for (float d : dense) {
            mean += d;
        }
        mean = dense.length == 0 ? 0 : mean / dense.length;
        double[] fused = new double[dense.length];
        for (int i = 0; i < fused.length; i++) {
            double w = scores.words()[i];
            fused[i] = dense[i] - centring * mean + wordWeight * w / (w + wordHalf);
        }
        return fused;
    }

    /**
     * A request nearer to an off-topic example than to every chunk of the guide ("gold rate today" against "gold
     * loan"), unless the guide's words place it well above the examples ({@link #OFF_TOPIC_WITHIN}), is declined: all
     * scores are lowered, in order, until the best is just under the threshold. Sharing a word with the guide then no
     * longer lifts it over.
     *
     * @return whether the request was declined
     */
    static boolean declineOffTopic(double[] fused, Scores scores, double margin, double lead, double wordWeight,
                                   double wordHalf, double centring, double threshold) {
        float nearest = -1f;
        double mean = 0;
        for (float d : scores.dense()) {
            nearest = Math.max(nearest, d);
            mean += d;
        }
        mean = scores.dense().length == 0 ? 0 : mean / scores.dense().length;
        double best = Arrays.stream(fused).max().orElse(0);
        double w = scores.offTopicWords();
        double offTopicFused = scores.offTopic() - centring * mean + wordWeight * w / (w + wordHalf);
        boolean nearerAnExample = scores.offTopic() >= nearest + margin && offTopicFused >= best - OFF_TOPIC_WITHIN;
        if (scores.offTopic() <= -1f || !nearerAnExample && offTopicFused < best + lead) {
            return false;
        }
        double shift = Math.max(0, best - threshold + 0.01);
        for (int i = 0; i < fused.length; i++) {
            fused[i] -= shift;
        }
        return true;
    }

    /** Keeps the k best in a small sorted array: cheaper than sorting every section when there are thousands. */
    List<Hit> top(double[] scores, int k) {
        int size = Math.min(k, sectionIds.size());
        int[] best = new int[size];
        double[] bestScore = new double[size];
        java.util.Arrays.fill(bestScore, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < scores.length; i++) {
            double score = scores[i];
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

    int position(String sectionId) {
        return positions.getOrDefault(sectionId, -1);
    }

    List<String> sectionIds() {
        return sectionIds;
    }

    EmbeddingModel model() {
        return model;
    }

    /** The Hinglish and Hindi off-topic examples' topic-word vectors, or none (see {@link #offTopicHinglish}). */
    List<float[]> offTopicHinglishVectors() {
        return offTopicHinglish == null ? List.of() : offTopicHinglish.rows();
    }

    VectorIndex vectors() {
        return vectors;
    }

    List<float[]> offTopicVectors() {
        return offTopic == null ? List.of() : offTopic.rows();
    }

    List<String> offTopicTexts() {
        return offTopicTexts;
    }

    WordIndex words() {
        return words;
    }

    Glossary glossary() {
        return glossary;
    }

    public Duration buildTime() {
        return buildTime;
    }

    /** Texts embedded: the sections' chunks and questions, and the off-topic examples. */
    public int chunkCount() {
        return vectors.size() + (offTopicHinglish == null ? 0 : offTopicHinglish.size())
                + (offTopic == null ? 0 : offTopic.size());
    }

    /** Topic words often coincide ("cibil score kam loan" in Hinglish and from Hindi): one row each is enough. */
    private static void addOnce(List<String> texts, List<Integer> owners, String text, int owner) {
        for (int i = 0; i < texts.size(); i++) {
            if (owners.get(i) == owner && texts.get(i).equals(text)) {
                return;
            }
        }
        texts.add(text);
        owners.add(owner);
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
