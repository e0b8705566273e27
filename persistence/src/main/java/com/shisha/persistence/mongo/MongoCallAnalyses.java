package com.shisha.persistence.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.coach.CallAnalysis;
import com.shisha.core.coach.CallAnalysis.Scoring;
import com.shisha.core.coach.CallAnalysisStore;
import com.shisha.core.coach.CallReviews.Rubric;
import com.shisha.core.coach.CallReviews.Source;
import com.shisha.core.journey.Skill;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Call analyses in the collection call_records_analysis, one document per review, keyed by the review id.
 * Mapped by hand to plain BSON (lower-case item and skill names, dates as BSON dates) so the documents read well
 * in a Mongo shell and do not change shape when a Java class is renamed. Times are kept to the millisecond.
 */
public final class MongoCallAnalyses implements CallAnalysisStore {

    public static final String COLLECTION = "call_records_analysis";

    private final MongoCollection<Document> collection;

    public MongoCallAnalyses(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        // "recent for partner" is the only query besides the id
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("partner"), Indexes.descending("startedAt")));
    }

    @Override
    public void save(CallAnalysis a) {
        Document d = new Document("_id", a.id())
                .append("partner", a.partner())
                .append("language", a.language() == null ? null : a.language().code())
                .append("source", a.source() == null ? null : a.source().name())
                .append("transcriptChars", a.transcriptChars())
                .append("trimmed", a.trimmed())
                .append("transcript", a.transcript())
                .append("rubric", scoring(a.rubric()))
                .append("model", a.model() == null ? null : scoring(a.model()))
                .append("modelRaw", a.modelRaw())
                .append("modelRepaired", a.modelRepaired())
                .append("repairs", a.repairs())
                .append("modelFailure", a.modelFailure())
                .append("scores", scores(a.scores()))
                .append("disagreements", a.disagreements().stream().map(MongoCallAnalyses::key).toList())
                .append("byModel", a.byModel())
                .append("product", a.product() == null ? null : a.product().name())
                .append("tips", a.tips())
                .append("skillDeltas", deltas(a.skillDeltas()))
                .append("startedAt", a.startedAt() == null ? null : Date.from(a.startedAt()))
                .append("finishedAt", a.finishedAt() == null ? null : Date.from(a.finishedAt()));
        collection.replaceOne(Filters.eq("_id", a.id()), d, new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<CallAnalysis> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(MongoCallAnalyses::analysis);
    }

    @Override
    public List<CallAnalysis> recentFor(String partner, int limit) {
        List<CallAnalysis> recent = new ArrayList<>();
        collection.find(Filters.eq("partner", partner)).sort(Sorts.descending("startedAt")).limit(limit)
                .forEach(d -> recent.add(analysis(d)));
        return recent;
    }

    private static CallAnalysis analysis(Document d) {
        Document model = d.get("model", Document.class);
        String language = d.getString("language");
        String source = d.getString("source");
        String product = d.getString("product");
        Date started = d.getDate("startedAt");
        Date finished = d.getDate("finishedAt");
        return new CallAnalysis(d.getString("_id"), d.getString("partner"),
                language == null ? null : Language.fromCode(language), source == null ? null : Source.valueOf(source),
                d.getInteger("transcriptChars", 0), d.getBoolean("trimmed", false), d.getString("transcript"),
                scoring(d.get("rubric", Document.class)), model == null ? null : scoring(model), d.getString("modelRaw"),
                d.getString("modelRepaired"), d.getList("repairs", String.class, List.of()), d.getString("modelFailure"),
                scores(d.get("scores", Document.class)),
                d.getList("disagreements", String.class, List.of()).stream().map(MongoCallAnalyses::rubric).toList(),
                d.getBoolean("byModel", false), product == null ? null : Product.valueOf(product),
                d.getList("tips", String.class, List.of()), deltas(d.get("skillDeltas", Document.class)),
                started == null ? null : started.toInstant(), finished == null ? null : finished.toInstant());
    }

    private static Document scoring(Scoring s) {
        Document evidence = new Document();
        s.evidence().forEach((item, quotes) -> evidence.append(key(item), quotes));
        return new Document("scores", scores(s.scores())).append("evidence", evidence);
    }

    private static Scoring scoring(Document d) {
        Map<Rubric, List<String>> evidence = new EnumMap<>(Rubric.class);
        Document e = d.get("evidence", Document.class);
        if (e != null) {
            e.keySet().forEach(k -> evidence.put(rubric(k), e.getList(k, String.class, List.of())));
        }
        return new Scoring(scores(d.get("scores", Document.class)), evidence);
    }

    private static Document scores(Map<Rubric, Integer> scores) {
        Document d = new Document();
        // in rubric order, so documents list the items the way the rubric does
        for (Rubric item : Rubric.values()) {
            if (scores.containsKey(item)) {
                d.append(key(item), scores.get(item));
            }
        }
        return d;
    }

    private static Map<Rubric, Integer> scores(Document d) {
        Map<Rubric, Integer> scores = new EnumMap<>(Rubric.class);
        if (d != null) {
            d.keySet().forEach(k -> scores.put(rubric(k), d.getInteger(k)));
        }
        return scores;
    }

    private static Document deltas(Map<Skill, Integer> deltas) {
        Document d = new Document();
        for (Skill skill : Skill.values()) {
            if (deltas.containsKey(skill)) {
                d.append(skill.code(), deltas.get(skill));
            }
        }
        return d;
    }

    private static Map<Skill, Integer> deltas(Document d) {
        Map<Skill, Integer> deltas = new EnumMap<>(Skill.class);
        if (d != null) {
            d.keySet().forEach(k -> deltas.put(Skill.ofCode(k), d.getInteger(k)));
        }
        return deltas;
    }

    private static String key(Rubric item) {
        return item.name().toLowerCase(Locale.ROOT);
    }

    private static Rubric rubric(String key) {
        return Rubric.valueOf(key.toUpperCase(Locale.ROOT));
    }
}
