package com.shisha.ai.coach;

import com.shisha.core.Language;
import com.shisha.core.coach.CoachGuide;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The guide the coach answers from and its search index, swapped together as one snapshot: a question is searched
 * and answered from the same sections even while staff edits are being indexed. Edits lie over the shipped guide,
 * so taking them all away gives back exactly what the jar holds.
 */
public final class LiveGuide {

    private static final Logger log = LoggerFactory.getLogger(LiveGuide.class);
    private static final Pattern ID = Pattern.compile(CoachGuide.ID_PATTERN);
    static final int MAX_TITLE = 120;
    static final int MAX_BODY = 3_000;
    static final int MAX_QUESTIONS = 200;
    static final int MAX_QUESTION = 300;

    /** The sections and the index built over them: never one without the other. */
    public record Snapshot(KnowledgeBase kb, SectionIndex index) {
    }

    private final KnowledgeBase shipped;
    private final SectionIndex shippedIndex;
    private final EmbeddingModel model;
    private final Path cacheFile;
    private volatile Snapshot snapshot;

    /** @param cacheFile the embedding cache, shared with the start-up build; null for none */
    public LiveGuide(KnowledgeBase shipped, SectionIndex index, EmbeddingModel model, Path cacheFile) {
        this.shipped = shipped;
        this.shippedIndex = index;
        this.model = model;
        this.cacheFile = cacheFile;
        this.snapshot = new Snapshot(shipped, index);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public List<CoachGuide.Section> shipped() {
        return sections(shipped);
    }

    public List<CoachGuide.Section> live() {
        return sections(snapshot.kb());
    }

    static List<CoachGuide.Section> sections(KnowledgeBase kb) {
        List<CoachGuide.Section> out = new ArrayList<>();
        for (String id : kb.ids()) {
            KbSection en = kb.section(id, Language.EN).orElseThrow();
            KbSection hi = kb.section(id, Language.HI).orElseThrow();
            out.add(new CoachGuide.Section(id, en.products(), en.skills(), new CoachGuide.Text(en.title(), en.body()),
                    new CoachGuide.Text(hi.title(), hi.body()), kb.questions(id)));
        }
        return out;
    }

    /** The same rules the shipped files are held to, said per field of the edit form. */
    public static List<CoachGuide.Problem> check(CoachGuide.Section section) {
        List<CoachGuide.Problem> problems = new ArrayList<>();
        if (!ID.matcher(section.id()).matches() || section.id().length() > 80) {
            problems.add(new CoachGuide.Problem("id", "An id is a topic, a dot and a name in lower-case letters, digits and "
                    + "hyphens, at most 80 characters, e.g. loans.gold-basics."));
        }
        if (section.skills().isEmpty()) {
            problems.add(new CoachGuide.Problem("skills", "Choose at least one skill the section teaches."));
        }
        for (Language language : List.of(Language.EN, Language.HI)) {
            String prefix = language == Language.HI ? "hindi." : "english.";
            CoachGuide.Text text = section.text(language);
            String title = text == null || text.title() == null ? "" : text.title().strip();
            String body = text == null || text.body() == null ? "" : text.body().replace("\r\n", "\n").strip();
            if (title.isEmpty()) {
                problems.add(new CoachGuide.Problem(prefix + "title", "A title is needed."));
            } else if (title.length() > MAX_TITLE || title.contains("\n") || title.contains("|")) {
                problems.add(new CoachGuide.Problem(prefix + "title", "A title is one line of at most " + MAX_TITLE
                        + " characters without '|'."));
            }
            if (body.length() < 40) {
                problems.add(new CoachGuide.Problem(prefix + "body", "The text needs at least 40 characters: an intro, then one '- ' line per point."));
            } else if (body.length() > MAX_BODY) {
                problems.add(new CoachGuide.Problem(prefix + "body", "The text may have at most " + MAX_BODY
                        + " characters (it has " + body.length() + "): split it into two sections."));
            } else if (body.lines().anyMatch(l -> l.startsWith("#"))) {
                problems.add(new CoachGuide.Problem(prefix + "body", "A line may not start with '#': headings are not part of a section's text."));
            }
        }
        if (section.questions().size() > MAX_QUESTIONS) {
            problems.add(new CoachGuide.Problem("questions", "At most " + MAX_QUESTIONS + " questions."));
        }
        for (String q : section.questions()) {
            if (q.isBlank() || q.length() > MAX_QUESTION || q.contains("\n") || q.contains("\t")) {
                problems.add(new CoachGuide.Problem("questions", "Each question is one line of 1-" + MAX_QUESTION + " characters."));
                break;
            }
        }
        if (problems.isEmpty()) {
            // the parser is the last word: whatever it refuses would stop the next start
            try {
                KnowledgeBase.parse("the edit", markdown(section, Language.EN), Language.EN);
                KnowledgeBase.parse("the edit", markdown(section, Language.HI), Language.HI);
            } catch (IllegalStateException e) {
                problems.add(new CoachGuide.Problem("section", e.getMessage()));
            }
        }
        return problems;
    }

    /** The section as the guide's files write it. */
    static String markdown(CoachGuide.Section section, Language language) {
        CoachGuide.Text text = section.text(language);
        String products = section.products().isEmpty() ? "none" : String.join(", ",
                section.products().stream().map(KnowledgeBase::productCode).sorted().toList());
        String skills = String.join(", ", section.skills().stream().map(s -> s.code()).sorted().toList());
        return "## " + section.id() + " | " + text.title().strip() + "\nproducts: " + products + "\nskills: " + skills
                + "\n" + text.body().replace("\r\n", "\n").strip() + "\n";
    }

    /**
     * Indexes of guide versions built lately in this JVM. Every instance rebuilds on each edit; instances side by side
     * in one JVM (the tests' application contexts) would each build the same index again, several seconds apiece.
     */
    private static final Map<List<Object>, SectionIndex> BUILT = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, SectionIndex> eldest) {
            return size() > 3;
        }
    };

    private SectionIndex indexFor(KnowledgeBase kb) {
        Object contents = kb.contents();
        if (contents.equals(shipped.contents())) {
            return shippedIndex;
        }
        List<Object> key = List.of(contents, model);
        // one build at a time in the JVM: the instances told of one edit at once wait for the first, then share it
        synchronized (BUILT) {
            return BUILT.computeIfAbsent(key, k -> SectionIndex.build(kb, model, cacheFile));
        }
    }

    /**
     * Builds the index for the shipped guide with these edits and swaps it in; one rebuild at a time, the coach
     * answering from the previous snapshot meanwhile.
     *
     * @throws IllegalArgumentException naming the first section that does not pass {@link #check}
     */
    public synchronized Duration apply(List<CoachGuide.Section> edited, Set<String> retired) {
        long start = System.nanoTime();
        Map<String, KbSection> en = new LinkedHashMap<>();
        Map<String, KbSection> hi = new LinkedHashMap<>();
        Map<String, List<String>> questions = new LinkedHashMap<>();
        for (String id : shipped.ids()) {
            en.put(id, shipped.section(id, Language.EN).orElseThrow());
            hi.put(id, shipped.section(id, Language.HI).orElseThrow());
            questions.put(id, shipped.questions(id));
        }
        for (CoachGuide.Section section : edited) {
            List<CoachGuide.Problem> problems = check(section);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("section " + section.id() + ": " + problems.get(0).field() + ": "
                        + problems.get(0).message());
            }
            en.put(section.id(), KnowledgeBase.parse("the edit", markdown(section, Language.EN), Language.EN).get(0));
            hi.put(section.id(), KnowledgeBase.parse("the edit", markdown(section, Language.HI), Language.HI).get(0));
            questions.put(section.id(), section.questions());
        }
        retired.forEach(id -> {
            en.remove(id);
            hi.remove(id);
            questions.remove(id);
        });
        if (en.isEmpty()) {
            throw new IllegalArgumentException("the guide would have no sections left");
        }
        KnowledgeBase kb = KnowledgeBase.of(List.copyOf(en.values()), List.copyOf(hi.values()))
                .withQuestions(questions, shipped.offTopic());
        SectionIndex index = indexFor(kb);
        snapshot = new Snapshot(kb, index);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("coach guide re-indexed: {} sections ({} edited, {} retired) in {} ms", en.size(), edited.size(),
                retired.size(), took.toMillis());
        return took;
    }
}
