package com.shisha.ai.coach;

import com.shisha.ai.llm.ChatLlm;
import com.shisha.ai.llm.LlmRequest;
import com.shisha.ai.llm.OllamaChatLlm;
import com.shisha.ai.llm.OllamaStandIn;
import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.PartnerProfile;
import com.shisha.core.Product;
import com.shisha.core.coach.CoachReply;
import com.shisha.core.coach.CoachRequest;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The coach's benchmark (bench/coach.sh): retrieval latency over the knowledge base and over 10,000 synthetic
 * sections, the coach's own overhead with an Ollama stand-in that answers at once, and the reply time when the
 * model hangs. Each figure comes with a baseline from the same run.
 */
public final class CoachBench {

    private static final int WARM = Integer.getInteger("bench.warm", 200);
    private static final int N = Integer.getInteger("bench.n", 500);
    private static final int SYNTHETIC = Integer.getInteger("bench.synthetic", 10_000);
    private static final int HANG_N = Integer.getInteger("bench.hang.n", 10);
    private static final long HANG_TIMEOUT_MS = Long.getLong("bench.hang.timeout", 1_000);

    public static void main(String[] args) throws Exception {
        System.out.printf("coach bench%s: %d cores, java %s, max heap %d MB, warm-up %d, measured %d%n",
                load(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, WARM, N);
        long t0 = System.nanoTime();
        EmbeddingModel stock = new AllMiniLmL6V2QuantizedEmbeddingModel();
        double stockLoadMs = millis(t0);
        t0 = System.nanoTime();
        EmbeddingModel model = new MiniLmEmbeddings();
        double loadMs = millis(t0);
        KnowledgeBase kb = KnowledgeBase.load();
        SectionIndex stockIndex = SectionIndex.build(kb, stock);
        long heapBefore = usedHeap();
        SectionIndex index = SectionIndex.build(kb, model);
        System.out.printf("start-up, no cache: model load %.0f ms, index build %d ms (%d sections x 2 languages, %d chunks), heap +%d MB%n",
                loadMs, index.buildTime().toMillis(), kb.ids().size(), index.chunkCount(), Math.max(0, usedHeap() - heapBefore) >> 20);
        System.out.printf("  baseline, langchain4j's stock session: model load %.0f ms, index build %d ms%n", stockLoadMs, stockIndex.buildTime().toMillis());
        java.nio.file.Path cache = java.nio.file.Files.createTempFile("coach-embeddings", ".bin");
        java.nio.file.Files.delete(cache);
        SectionIndex cold = SectionIndex.build(kb, model, cache);
        SectionIndex warm = SectionIndex.build(kb, model, cache);
        System.out.printf("start-up with the embedding cache file: first start %d ms (writes it, %d KB), restart %d ms (x%.0f faster)%n",
                cold.buildTime().toMillis(), java.nio.file.Files.size(cache) >> 10, warm.buildTime().toMillis(),
                (double) cold.buildTime().toMillis() / Math.max(1, warm.buildTime().toMillis()));
        java.nio.file.Files.deleteIfExists(cache);

        List<String> questions = Paraphrases.load().stream().map(Paraphrases::question).toList();
        retrievalOverKnowledgeBase(model, index, questions, stock, stockIndex);
        retrievalOverSynthetic(model, kb, questions);
        coachOverhead(index, kb, questions);
        hangingModel(index, kb);
    }

    private static void retrievalOverKnowledgeBase(EmbeddingModel model, SectionIndex index, List<String> questions,
                                                   EmbeddingModel stock, SectionIndex stockIndex) {
        Split base = split(stock, stockIndex, questions);
        Split split = split(model, index, questions);
        System.out.println();
        System.out.println("retrieval over the knowledge base (50 sections, " + index.chunkCount() + " chunks), top 5" + load() + ":");
        System.out.println("  query embedding             " + split.embed);
        System.out.println("  scan + BM25 + top 5         " + split.rank);
        System.out.println("  embedding + top 5 (total)   " + split.total + "   target p95 <= 15 ms: " + pass(split.total.p95 <= 15));
        System.out.printf("  share of the embedding in the total: p50 %.0f%%%n", 100 * split.embed.p50 / split.total.p50);
        System.out.println("  baseline, stock ONNX session (all cores, spinning threads):");
        System.out.println("    query embedding           " + base.embed);
        System.out.println("    scan + BM25 + top 5       " + base.rank);
        System.out.println("    embedding + top 5 (total) " + base.total);
        System.out.printf("  one non-spinning ONNX thread vs stock: total p50 x%.2f, p95 x%.2f (above 1 = faster)%n",
                base.total.p50 / split.total.p50, base.total.p95 / split.total.p95);
    }

    private record Split(Stats embed, Stats rank, Stats total) {
    }

    /**
     * Embedding and ranking timed in the same iteration, query by query: on a shared machine the load drifts, and
     * timing them in separate loops would compare different moments rather than different work.
     */
    private static Split split(EmbeddingModel model, SectionIndex index, List<String> questions) {
        for (int w = 0; w < WARM; w++) {
            String q = questions.get(w % questions.size());
            index.rank(model.embed(q).content().vector(), q, 5);
        }
        double[] embed = new double[N];
        double[] rank = new double[N];
        double[] total = new double[N];
        for (int r = 0; r < N; r++) {
            String q = questions.get(r % questions.size());
            long t0 = System.nanoTime();
            float[] v = model.embed(q).content().vector();
            long t1 = System.nanoTime();
            index.rank(v, q, 5);
            long t2 = System.nanoTime();
            embed[r] = (t1 - t0) / 1e6;
            rank[r] = (t2 - t1) / 1e6;
            total[r] = (t2 - t0) / 1e6;
        }
        return new Split(new Stats(embed), new Stats(rank), new Stats(total));
    }

    private static String load() {
        try {
            return " (load average " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0] + ")";
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    private static void retrievalOverSynthetic(EmbeddingModel model, KnowledgeBase kb, List<String> questions) {
        // Embedding 10,000 invented sections would take minutes per run; mixing real chunk vectors with noise keeps
        // the vectors' distribution and the scan's cost, which is what is measured here.
        List<String> realChunks = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (Language language : Language.values()) {
            for (KbSection s : kb.sections(language)) {
                if (language == Language.EN) {
                    realChunks.addAll(SectionIndex.chunks(s));
                }
                sentences.addAll(s.statements());
            }
        }
        List<float[]> real = model.embedAll(realChunks.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector).toList();
        Random random = new Random(42);
        int chunksPerSection = 2;
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        int[] owners = new int[SYNTHETIC * chunksPerSection];
        List<String> documents = new ArrayList<>();
        int[] documentOwners = new int[SYNTHETIC];
        for (int s = 0; s < SYNTHETIC; s++) {
            ids.add("synthetic.s" + s);
            for (int c = 0; c < chunksPerSection; c++) {
                float[] a = real.get(random.nextInt(real.size()));
                float[] b = real.get(random.nextInt(real.size()));
                float[] v = new float[a.length];
                for (int d = 0; d < v.length; d++) {
                    v[d] = a[d] + 0.5f * b[d] + (float) random.nextGaussian() * 0.02f;
                }
                owners[vectors.size()] = s;
                vectors.add(v);
            }
            documents.add(sentences.get(random.nextInt(sentences.size())) + " " + sentences.get(random.nextInt(sentences.size()))
                    + " " + sentences.get(random.nextInt(sentences.size())));
            documentOwners[s] = s;
        }
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        SectionIndex big = SectionIndex.ofVectors(model, ids, vectors, owners, documents, documentOwners, -1, t0);
        System.out.println();
        System.out.printf("retrieval over %,d synthetic sections (%,d vectors, index built in %d ms, heap +%d MB), top 5%s:%n",
                SYNTHETIC, vectors.size(), big.buildTime().toMillis(), Math.max(0, usedHeap() - heapBefore) >> 20, load());
        List<float[]> queryVectors = questions.stream().map(q -> model.embed(q).content().vector()).toList();
        Split split = split(model, big, questions);
        SectionIndex denseOnly = SectionIndex.ofVectors(model, ids, vectors, owners, documents, documentOwners, 0, System.nanoTime());
        int[] k = {0};
        Stats denseRank = measure(questions, q -> denseOnly.rank(queryVectors.get(k[0]++ % queryVectors.size()), q, 5));
        List<Embedding> naive = vectors.stream().map(Embedding::from).toList();
        int[] j = {0};
        Stats baseline = measure(questions, q -> naiveTop5(naive, owners, Embedding.from(queryVectors.get(j[0]++ % queryVectors.size()))),
                Math.min(WARM, 50), Math.min(N, 200));
        System.out.println("  query embedding                     " + split.embed);
        System.out.println("  scan + BM25 + top 5                 " + split.rank);
        System.out.println("  embedding + top 5 (total)           " + split.total + "   target p95 <= 15 ms: " + pass(split.total.p95 <= 15));
        System.out.println("  dense scan + top 5 only             " + denseRank);
        System.out.println("  baseline: naive cosine + full sort  " + baseline + "   (langchain4j CosineSimilarity per vector, dense only)");
        System.out.printf("  flat unit-vector scan vs naive (both dense only): p50 x%.1f faster, p95 x%.1f faster%n",
                baseline.p50 / denseRank.p50, baseline.p95 / denseRank.p95);
    }

    /** What an obvious implementation does: cosine with norms recomputed per pair, every section sorted. */
    private static List<Integer> naiveTop5(List<Embedding> vectors, int[] owners, Embedding query) {
        double[] best = new double[owners[owners.length - 1] + 1];
        Arrays.fill(best, -1);
        for (int r = 0; r < vectors.size(); r++) {
            best[owners[r]] = Math.max(best[owners[r]], CosineSimilarity.between(vectors.get(r), query));
        }
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < best.length; s++) {
            order.add(s);
        }
        order.sort(Comparator.comparingDouble((Integer s) -> best[s]).reversed());
        return order.subList(0, 5);
    }

    private static void coachOverhead(SectionIndex index, KnowledgeBase kb, List<String> questions) {
        try (OllamaStandIn ollama = new OllamaStandIn();
             OllamaChatLlm ollamaLlm = new OllamaChatLlm(new OllamaChatLlm.Settings(ollama.baseUrl(), "shisha-coach", Duration.ofSeconds(8)), 4)) {
            ollama.answers("Ask what the money is for and show the lender's offer in the GroMo app [loans.personal-basics].");
            TimedLlm llm = new TimedLlm(ollamaLlm);
            InMemorySessions store = new InMemorySessions();
            KnowledgeBaseCoach coach = new KnowledgeBaseCoach(kb, index, llm, store, store,
                    KnowledgeBaseCoach.Settings.defaults(), Clock.systemUTC());
            PartnerProfile profile = new PartnerProfile("+919800000000", "Asha", Language.EN, "Indore", List.of(Product.LOANS));
            List<String> english = questions.stream().filter(q -> q.chars().noneMatch(c -> c >= 0x0900 && c <= 0x097F)).toList();
            int[] n = {0};
            double[] overhead = new double[N];
            double[] total = new double[N];
            double[] model = new double[N];
            int[] modelReplies = {0};
            Supplier<CoachRequest> next = () -> new CoachRequest(
                    new ConversationKey(Channel.WHATSAPP, "+9198" + String.format("%08d", n[0] % 1000)), profile, Language.EN,
                    english.get(n[0]++ % english.size()), 4096);
            for (int w = 0; w < WARM; w++) {
                coach.answer(next.get());
            }
            for (int r = 0; r < N; r++) {
                CoachRequest request = next.get();
                llm.last = 0;
                long t0 = System.nanoTime();
                CoachReply reply = coach.answer(request);
                total[r] = millis(t0);
                model[r] = llm.last / 1e6;
                overhead[r] = total[r] - model[r];
                modelReplies[0] += reply.mode() == CoachReply.Mode.MODEL ? 1 : 0;
            }
            Stats totalStats = new Stats(total);
            Stats modelStats = new Stats(model);
            Stats overheadStats = new Stats(overhead);
            System.out.println();
            System.out.println("coach overhead, stand-in Ollama answering at once (in-memory history; " + modelReplies[0] + "/" + N
                    + " replies by the model)" + load() + ":");
            System.out.println("  whole answer()                 " + totalStats);
            System.out.println("  of which the model call (HTTP) " + modelStats);
            System.out.println("  overhead excluding the model   " + overheadStats + "   target p95 <= 50 ms: " + pass(overheadStats.p95 <= 50));
        }
    }

    private static void hangingModel(SectionIndex index, KnowledgeBase kb) {
        try (OllamaStandIn ollama = new OllamaStandIn();
             OllamaChatLlm llm = new OllamaChatLlm(new OllamaChatLlm.Settings(ollama.baseUrl(), "shisha-coach",
                     Duration.ofMillis(HANG_TIMEOUT_MS)), 4)) {
            ollama.hangs((int) (HANG_TIMEOUT_MS * 3), "too late [loans.emi-explained]");
            InMemorySessions store = new InMemorySessions();
            KnowledgeBaseCoach coach = new KnowledgeBaseCoach(kb, index, llm, store, store,
                    KnowledgeBaseCoach.Settings.withTimeout(Duration.ofMillis(HANG_TIMEOUT_MS)), Clock.systemUTC());
            ConversationKey partner = new ConversationKey(Channel.WHATSAPP, "+919811111111");
            double[] replies = new double[HANG_N];
            int passages = 0;
            for (int r = 0; r < HANG_N; r++) {
                long t0 = System.nanoTime();
                CoachReply reply = coach.answer(new CoachRequest(partner, null, Language.EN,
                        "why does a longer tenure make each EMI smaller but cost more overall?", 4096));
                replies[r] = millis(t0);
                passages += reply.mode() == CoachReply.Mode.PASSAGES ? 1 : 0;
            }
            Stats stats = new Stats(replies);
            System.out.println();
            System.out.printf("reply time when Ollama hangs (timeout %d ms, stand-in answers after %d ms, %d requests, %d/%d from the passages)%s:%n",
                    HANG_TIMEOUT_MS, HANG_TIMEOUT_MS * 3, HANG_N, passages, HANG_N, load());
            System.out.println("  reply " + stats + "   target max <= timeout + 200 ms: " + pass(stats.max <= HANG_TIMEOUT_MS + 200));
            System.out.printf("  over the timeout: p50 %+.0f ms, max %+.0f ms%n", stats.p50 - HANG_TIMEOUT_MS, stats.max - HANG_TIMEOUT_MS);
        }
    }

    /** Records how long each model call took, so the coach's own time can be told apart from the model's. */
    private static final class TimedLlm implements ChatLlm {
        private final ChatLlm delegate;
        volatile long last;

        TimedLlm(ChatLlm delegate) {
            this.delegate = delegate;
        }

        @Override
        public String chat(LlmRequest request) {
            long t0 = System.nanoTime();
            try {
                return delegate.chat(request);
            } finally {
                last = System.nanoTime() - t0;
            }
        }
    }

    private interface Work {
        Object run(String question);
    }

    private static Stats measure(List<String> questions, Work work) {
        return measure(questions, work, WARM, N);
    }

    private static Stats measure(List<String> questions, Work work, int warm, int n) {
        for (int w = 0; w < warm; w++) {
            work.run(questions.get(w % questions.size()));
        }
        double[] samples = new double[n];
        for (int r = 0; r < n; r++) {
            long t0 = System.nanoTime();
            work.run(questions.get(r % questions.size()));
            samples[r] = millis(t0);
        }
        return new Stats(samples);
    }

    private record Stats(double p50, double p95, double max) {
        Stats(double[] samples) {
            this(percentile(samples, 50), percentile(samples, 95), Arrays.stream(samples).max().orElse(0));
        }

        @Override
        public String toString() {
            return String.format("p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms", p50, p95, max);
        }
    }

    private static double percentile(double[] samples, int p) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String pass(boolean ok) {
        return ok ? "PASS" : "FAIL";
    }
}
