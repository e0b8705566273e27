package com.shisha.ai.coach;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BM25 (Lucene) over each section's words in four fields: its English text through the English analyzer (stems,
 * stop words), its Hindi text through Lucene's HindiAnalyzer (normalises spelling variants, light stemming), both
 * texts romanised to phonetic keys without their Hindi endings ({@link Romaniser#stems}), which is where Hinglish
 * questions meet Hindi sections and Devanagari questions meet English product words, and both titles romanised, because a title names what the
 * section is for ("objections", "eligibility") better than any bullet. A question is analysed for all three fields at once: each
 * analyzer keeps only what its script can match.
 */
final class WordIndex {

    private static final String OWNER = "owner";
    private static final String EN = "en";
    private static final String HI = "hi";
    private static final String ROMAN = "roman";
    private static final String TITLE = "title";
    private static final String ASKED_EN = "asked_en";
    private static final String ASKED_HI = "asked_hi";
    private static final String ASKED_ROMAN = "asked_roman";
    /**
     * The Hinglish questions as written, grammar words too, matched by Hinglish questions only: "customer bolta hai"
     * or "kya hota hai" tell an objection or a definition apart in Hinglish, but an English or Hindi question would meet
     * any Hinglish one sharing "loan", "car" or "plan".
     */
    private static final String ASKED_HG = "asked_hg";
    /** Their stems, as {@link #ASKED_ROMAN} has the other questions'. */
    private static final String ASKED_HG_ROMAN = "asked_hg_roman";
    /**
     * The questions a section answers ({@link KnowledgeBase#questions}) are kept in fields of their own: a partner's
     * question shares its verbs and its way of asking with them ("can he close early", "कितना मिलेगा"), which the
     * guide's statements do not have.
     */
    static final float ASKED_BOOST = 1f;
    /** A title names what the section is for ("objections", "eligibility"); a word there says more than one in a bullet. */
    private static final float TITLE_BOOST = 1f;
    /** Romanised keys are fuzzier than analysed words, so one of them counts for less. */
    private static final float ROMAN_BOOST = 0.7f;

    private final Analyzer english = new EnglishAnalyzer();
    private final Analyzer hindi = new HindiAnalyzer();
    private final IndexSearcher searcher;
    private final int[] ownerOfDoc;

    /** @param texts per owner, its texts (any script); an owner is one Lucene document */
    WordIndex(List<List<String>> texts) {
        this(texts, texts.stream().map(t -> List.<String>of()).toList(), texts.size());
    }

    /**
     * @param questions per owner, the questions it answers (any script)
     * @param sections  how many of the owners, the first ones, are sections; the rest (requests to decline) are matched
     *                  by every question, a Hinglish one too
     */
    WordIndex(List<List<String>> texts, List<List<String>> questions, int sections) {
        Analyzer perField = new PerFieldAnalyzerWrapper(new WhitespaceAnalyzer(),
                Map.of(EN, english, HI, hindi, ASKED_EN, english, ASKED_HI, hindi, ASKED_HG, english));
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(perField).setSimilarity(new BM25Similarity()))) {
            for (int owner = 0; owner < texts.size(); owner++) {
                StringBuilder en = new StringBuilder();
                StringBuilder hi = new StringBuilder();
                StringBuilder roman = new StringBuilder();
                StringBuilder title = new StringBuilder();
                for (String text : texts.get(owner)) {
                    title.append(String.join(" ", Romaniser.stems(text.lines().findFirst().orElse("")))).append('\n');
                    (Romaniser.hasDevanagari(text) ? hi : en).append(text).append('\n');
                    roman.append(String.join(" ", Romaniser.stems(text))).append('\n');
                }
                StringBuilder askedEn = new StringBuilder();
                StringBuilder askedHi = new StringBuilder();
                StringBuilder askedRoman = new StringBuilder();
                StringBuilder askedHg = new StringBuilder();
                StringBuilder askedHgRoman = new StringBuilder();
                for (String question : questions.get(owner)) {
                    boolean hinglish = owner < sections && Romaniser.isClearlyHinglish(question);
                    (hinglish ? askedHg : Romaniser.hasDevanagari(question) ? askedHi : askedEn).append(question).append('\n');
                    (hinglish ? askedHgRoman : askedRoman).append(String.join(" ", Romaniser.stems(question))).append('\n');
                }
                Document doc = new Document();
                doc.add(new StoredField(OWNER, owner));
                doc.add(new TextField(EN, en.toString(), Field.Store.NO));
                doc.add(new TextField(HI, hi.toString(), Field.Store.NO));
                doc.add(new TextField(ROMAN, roman.toString(), Field.Store.NO));
                doc.add(new TextField(TITLE, title.toString(), Field.Store.NO));
                doc.add(new TextField(ASKED_EN, askedEn.toString(), Field.Store.NO));
                doc.add(new TextField(ASKED_HI, askedHi.toString(), Field.Store.NO));
                doc.add(new TextField(ASKED_ROMAN, askedRoman.toString(), Field.Store.NO));
                doc.add(new TextField(ASKED_HG, askedHg.toString(), Field.Store.NO));
                doc.add(new TextField(ASKED_HG_ROMAN, askedHgRoman.toString(), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            DirectoryReader reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            this.ownerOfDoc = new int[reader.maxDoc()];
            for (int d = 0; d < reader.maxDoc(); d++) {
                ownerOfDoc[d] = reader.storedFields().document(d).getField(OWNER).numericValue().intValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Raw BM25 per owner (summed over the three fields); owners sharing no word with the question score 0.
     *
     * @param inEnglish the question read in English ({@link Glossary}), or null
     */
    double[] scores(String question, String inEnglish, int ownerCount, int limit) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        Set<String> englishTerms = terms(english, EN, inEnglish == null ? question : question + " " + inEnglish);
        Set<String> hindiTerms = terms(hindi, HI, question);
        Set<String> romanTerms = new LinkedHashSet<>(Romaniser.stems(question));
        clauses += addTerms(query, EN, englishTerms, 1f);
        clauses += addTerms(query, HI, hindiTerms, 1f);
        clauses += addTerms(query, ROMAN, romanTerms, ROMAN_BOOST);
        clauses += addTerms(query, ASKED_EN, englishTerms, ASKED_BOOST);
        clauses += addTerms(query, ASKED_HI, hindiTerms, ASKED_BOOST);
        clauses += addTerms(query, ASKED_ROMAN, romanTerms, ASKED_BOOST * ROMAN_BOOST);
        if (Romaniser.isHinglish(question)) {
            clauses += addTerms(query, ASKED_HG, terms(english, ASKED_HG, question), ASKED_BOOST);
            clauses += addTerms(query, ASKED_HG_ROMAN, romanTerms, ASKED_BOOST * ROMAN_BOOST);
        }
        Set<String> titleTerms = new LinkedHashSet<>(Romaniser.stems(question));
        if (inEnglish != null) {
            titleTerms.addAll(Romaniser.stems(inEnglish));
        }
        clauses += addTerms(query, TITLE, titleTerms, TITLE_BOOST);
        double[] scores = new double[ownerCount];
        if (clauses == 0) {
            return scores;
        }
        try {
            int n = Math.max(1, Math.min(limit, ownerOfDoc.length));
            // counting every hit is not needed, only the best: Lucene may then skip blocks that cannot reach them
            TopDocs top = searcher.search(query.build(), new TopScoreDocCollectorManager(n, null, n));
            for (ScoreDoc hit : top.scoreDocs) {
                scores[ownerOfDoc[hit.doc]] = hit.score;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scores;
    }

    private static int addTerms(BooleanQuery.Builder query, String field, Set<String> terms, float boost) {
        int added = 0;
        for (String term : terms) {
            if (added >= 200) {
                break; // BooleanQuery's clause limit is far above any real question; a pasted essay is cut here
            }
            TermQuery tq = new TermQuery(new Term(field, term));
            query.add(boost == 1f ? tq : new BoostQuery(tq, boost), BooleanClause.Occur.SHOULD);
            added++;
        }
        return added;
    }

    private static Set<String> terms(Analyzer analyzer, String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    int size() {
        return ownerOfDoc.length;
    }

    static List<List<String>> byOwner(List<String> documents, int[] owners, int ownerCount) {
        List<List<String>> texts = new ArrayList<>();
        for (int i = 0; i < ownerCount; i++) {
            texts.add(new ArrayList<>());
        }
        for (int d = 0; d < documents.size(); d++) {
            texts.get(owners[d]).add(documents.get(d));
        }
        return texts;
    }
}
