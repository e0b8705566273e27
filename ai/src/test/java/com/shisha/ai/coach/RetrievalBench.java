package com.shisha.ai.coach;

import com.shisha.core.Language;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * bash bench/retrieval.sh: the coach's retrieval on the labelled partner questions (top-1 and top-3 per language,
 * with "none" questions right only when nothing clears the threshold), the old retrieval on the same questions as
 * the baseline, and the search latency over the knowledge base and over an index grown to 10,000 sections.
 */
public final class RetrievalBench {

    private static final int N = Integer.getInteger("bench.n", 500);
    private static final int WARM = Integer.getInteger("bench.warm", 200);
    private static final int SYNTHETIC = Integer.getInteger("bench.synthetic", 10_000);
    /** The old coach's decline threshold, for the baseline. */
    private static final double OLD_THRESHOLD = 0.35;

    public static void main(String[] args) {
        EmbeddingModel model = new MiniLmEmbeddings();
        KnowledgeBase kb = KnowledgeBase.load();
        SectionIndex fused = SectionIndex.build(kb, model);
        SectionIndex old = SectionIndex.build(kb, model, true, null);
        List<PartnerQuestions> questions = PartnerQuestions.load(PartnerQuestions.TUNING);
        List<PartnerQuestions> heldOut = PartnerQuestions.load(PartnerQuestions.HELD_OUT);
        System.out.printf("retrieval bench%s: %d sections, %d tuning, %d + %d + %d + %d held-out and %d + %d development questions%n", load(),
                kb.ids().size(), questions.size(), heldOut.size(), PartnerQuestions.load(PartnerQuestions.HELD_OUT_2).size(),
                PartnerQuestions.load(PartnerQuestions.HELD_OUT_3).size(), PartnerQuestions.load(PartnerQuestions.HELD_OUT_4).size(),
                PartnerQuestions.load(PartnerQuestions.DEV).size(), PartnerQuestions.load(PartnerQuestions.DEV_2).size());
        System.out.println("quality (a \"none\" question is right when nothing clears the threshold):");
        for (String resource : PartnerQuestions.ALL_SETS) {
            List<PartnerQuestions> set = PartnerQuestions.load(resource);
            Map<String, RetrievalEvaluation.Figures> now = RetrievalEvaluation.evaluate(set, q -> fused.search(q, 3), SectionIndex.ANSWERABLE);
            Map<String, RetrievalEvaluation.Figures> before = RetrievalEvaluation.evaluate(set, q -> old.search(q, 3), OLD_THRESHOLD);
            System.out.println("  " + resource + (resource.equals(PartnerQuestions.TUNING) ? " (weights chosen on it)"
                    : PartnerQuestions.NEVER_TUNED_ON.contains(resource) ? " (never tuned on)"
                    : PartnerQuestions.DEVELOPMENT.contains(resource) ? " (development: its misses are read)" : " (helped place the threshold)"));
            for (String language : PartnerQuestions.LANGUAGES) {
                if (now.get(language).questions() == 0) {
                    continue;
                }
                System.out.printf("    %-2s fused:    %s   target top-1 >= 90%%: %s, top-3 >= 97%%: %s%n", language, now.get(language),
                        pass(now.get(language).top1Share() >= 0.9), pass(now.get(language).top3Share() >= 0.97));
                System.out.printf("    %-2s baseline: %s   (cosine + 0.3 x best-scaled BM25, decline below %.2f)%n", language,
                        before.get(language), OLD_THRESHOLD);
            }
        }
        List<String> texts = java.util.stream.Stream.concat(questions.stream(), heldOut.stream()).map(PartnerQuestions::question).toList();
        System.out.println();
        System.out.println("latency over the knowledge base (" + kb.ids().size() + " sections), search top 4" + load() + ":");
        System.out.println("  fused (embedding(s) + BM25 + fusion) " + measure(fused, texts));
        System.out.println("  baseline                             " + measure(old, texts));
        SectionIndex big = synthetic(model, kb);
        System.out.println();
        System.out.printf("latency over %,d sections (%d real + synthetic, index built in %d ms), search top 4%s:%n",
                SYNTHETIC, kb.ids().size(), big.buildTime().toMillis(), load());
        Stats stats = measure(big, texts);
        System.out.println("  fused (embedding(s) + BM25 + fusion) " + stats + "   target p95 <= 15 ms: " + pass(stats.p95 <= 15)
                + (N > texts.size() ? "   (N > questions: some searches repeat one)" : ""));
        System.out.println("  the same questions again (cached)    " + measureAgain(big, texts));
        breakdown(big, texts);
    }

    /** Where the time goes, part by part, each timed in the same iteration so load drift hits all alike. */
    private static void breakdown(SectionIndex index, List<String> questions) {
        int n = Math.min(N, 300);
        double[] embed = new double[n];
        double[] reading = new double[n];
        double[] scan = new double[n];
        double[] words = new double[n];
        for (int r = 0; r < n; r++) {
            String q = questions.get(r % questions.size());
            long t0 = System.nanoTime();
            float[] v = index.model().embed(q).content().vector();
            long t1 = System.nanoTime();
            String english = index.glossary().english(q);
            if (english != null) {
                index.model().embed(english);
            }
            long t2 = System.nanoTime();
            index.vectors().bestPerOwner(v, index.sectionIds().size());
            long t3 = System.nanoTime();
            index.words().scores(q, english, index.sectionIds().size() + index.offTopicTexts().size(), SectionIndex.WORD_HITS);
            long t4 = System.nanoTime();
            embed[r] = (t1 - t0) / 1e6;
            reading[r] = (t2 - t1) / 1e6;
            scan[r] = (t3 - t2) / 1e6;
            words[r] = (t4 - t3) / 1e6;
        }
        System.out.println("  of which: question embedding         " + new Stats(embed));
        System.out.println("            English reading, embedded  " + new Stats(reading) + "   (Hindi and Hinglish only)");
        System.out.println("            vector scan (one)          " + new Stats(scan));
        System.out.println("            Lucene BM25                " + new Stats(words));
    }

    /** Each question is searched once after the query-vector cache is emptied: every search embeds. */
    private static Stats measure(SectionIndex index, List<String> questions) {
        for (int w = 0; w < WARM; w++) {
            index.search(questions.get(w % questions.size()), 4);
        }
        index.clearQueryCache();
        return measureAgain(index, questions);
    }

    /** The same questions again, without emptying the cache: what repeated questions cost. */
    private static Stats measureAgain(SectionIndex index, List<String> questions) {
        double[] samples = new double[N];
        for (int r = 0; r < N; r++) {
            long t0 = System.nanoTime();
            index.search(questions.get(r % questions.size()), 4);
            samples[r] = (System.nanoTime() - t0) / 1e6;
        }
        return new Stats(samples);
    }

    /**
     * Embedding 10,000 invented sections would take many minutes per run; mixing real chunk vectors with noise keeps
     * the vectors' distribution and the scan's cost, and sentences drawn from the guide in both languages keep the
     * word index's postings realistic.
     */
    private static SectionIndex synthetic(EmbeddingModel model, KnowledgeBase kb) {
        SectionIndex real = SectionIndex.build(kb, model);
        List<String> sentences = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        List<String> ids = new ArrayList<>(kb.ids());
        List<String> documents = new ArrayList<>();
        List<Integer> documentOwners = new ArrayList<>();
        List<List<String>> questions = new ArrayList<>();
        for (int owner = 0; owner < ids.size(); owner++) {
            for (Language language : Language.values()) {
                KbSection s = kb.section(ids.get(owner), language).orElseThrow();
                sentences.addAll(s.statements());
                documents.add(s.title() + "\n" + s.body());
                documentOwners.add(owner);
            }
            questions.add(kb.questions(ids.get(owner)));
            asked.addAll(kb.questions(ids.get(owner)));
        }
        // the guide's rows, and apart from them its Hinglish questions' rows (only a Hinglish question meets those)
        List<float[]> realRowsAll = real.vectors().rows();
        int[] realOwners = real.vectors().owners();
        boolean[] realAlike = real.vectors().alike();
        List<float[]> vectors = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<float[]> hinglish = new ArrayList<>();
        List<Integer> hinglishOwners = new ArrayList<>();
        for (int r = 0; r < realRowsAll.size(); r++) {
            boolean alike = realAlike != null && realAlike[r];
            (alike ? hinglish : vectors).add(realRowsAll.get(r));
            (alike ? hinglishOwners : owners).add(realOwners[r]);
        }
        int hinglishSectionRows = hinglish.size();
        Random random = new Random(42);
        int realRows = vectors.size();
        // as many vectors per invented section as a real one has, so the scan reads as much as it would
        int perSection = Math.round((float) realRows / ids.size());
        int hinglishPerSection = Math.round((float) hinglishSectionRows / ids.size());
        for (int s = ids.size(); s < SYNTHETIC; s++) {
            ids.add("synthetic.s" + s);
            for (int c = 0; c < perSection; c++) {
                float[] a = vectors.get(random.nextInt(realRows));
                float[] b = vectors.get(random.nextInt(realRows));
                float[] v = new float[a.length];
                for (int d = 0; d < v.length; d++) {
                    v[d] = a[d] + 0.5f * b[d] + (float) random.nextGaussian() * 0.02f;
                }
                vectors.add(v);
                owners.add(s);
            }
            for (int c = 0; c < hinglishPerSection; c++) {
                float[] a = hinglish.get(random.nextInt(hinglishSectionRows));
                float[] b = hinglish.get(random.nextInt(hinglishSectionRows));
                float[] v = new float[a.length];
                for (int d = 0; d < v.length; d++) {
                    v[d] = a[d] + 0.5f * b[d] + (float) random.nextGaussian() * 0.02f;
                }
                hinglish.add(v);
                hinglishOwners.add(s);
            }
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 6; k++) {
                text.append(sentences.get(random.nextInt(sentences.size()))).append('\n');
            }
            documents.add(text.toString());
            documentOwners.add(s);
            List<String> q = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                q.add(asked.get(random.nextInt(asked.size())));
            }
            questions.add(q);
        }
        for (float[] example : real.offTopicHinglishVectors()) {
            hinglish.add(example);
            hinglishOwners.add(ids.size());
        }
        return SectionIndex.ofVectors(model, ids, vectors, owners.stream().mapToInt(Integer::intValue).toArray(), hinglish,
                hinglishOwners.stream().mapToInt(Integer::intValue).toArray(), documents,
                documentOwners.stream().mapToInt(Integer::intValue).toArray(), questions, real.offTopicVectors(),
                real.offTopicTexts(), -1, System.nanoTime(), real.glossary());
    }

    private record Stats(double p50, double p95, double max) {
        Stats(double[] samples) {
            this(percentile(samples, 50), percentile(samples, 95), Arrays.stream(samples).max().orElse(0));
        }

        @Override
        public String toString() {
            return String.format("p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms", p50, p95, max);
        }
    }

    private static double percentile(double[] samples, int p) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static String load() {
        try {
            return " (load average " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0] + ")";
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    private static String pass(boolean ok) {
        return ok ? "PASS" : "FAIL";
    }
}
