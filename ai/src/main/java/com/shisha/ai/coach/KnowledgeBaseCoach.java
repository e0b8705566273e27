package com.shisha.ai.coach;

import com.shisha.ai.llm.ChatLlm;
import com.shisha.ai.llm.LlmException;
import com.shisha.ai.llm.LlmRequest;
import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.coach.Coach;
import com.shisha.core.coach.CoachEscalations;
import com.shisha.core.coach.CoachGuide;
import com.shisha.core.coach.CoachReply;
import com.shisha.core.coach.CoachRequest;
import com.shisha.core.coach.CoachSessions;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The coach: guardrails, then retrieval from the knowledge base, then the language model grounded in the
 * retrieved sections, then a check of its answer. Whenever the model is down, slow, or answers something the check
 * rejects, the partner gets the retrieved passages instead, said plainly. The whole reply arrives within the
 * configured timeout plus a few milliseconds, because the model's deadline is what is left of it after retrieval.
 */
public final class KnowledgeBaseCoach implements Coach, CoachGuide {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseCoach.class);
    /** A history turn longer than this is shortened in the prompt: old answers matter less than the passages. */
    private static final int HISTORY_TURN_CHARS = 600;

    private final LiveGuide guide;
    private final ChatLlm llm;
    private final CoachSessions sessions;
    private final CoachEscalations escalations;
    private final Settings settings;
    private final Clock clock;
    private final Guardrails guardrails = new Guardrails();

    /**
     * @param timeout      the longest the model may take (OLLAMA_TIMEOUT_MILLIS, default 8000 ms); the reply comes
     *                     within this plus ~200 ms whatever the model does
     * @param topK         sections retrieved and given to the model (3-5)
     * @param historyTurns earlier turns (questions and answers) sent to the model
     * @param minScore     a question whose best section scores below this is treated as outside the coach's topics
     */
    public record Settings(Duration timeout, int topK, int historyTurns, double minScore) {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(8_000);

        public Settings {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("OLLAMA_TIMEOUT_MILLIS must be positive, was " + timeout);
            }
            if (topK < 1 || topK > 10) {
                throw new IllegalArgumentException("topK must be 1-10, was " + topK);
            }
            if (historyTurns < 0) {
                throw new IllegalArgumentException("historyTurns must not be negative, was " + historyTurns);
            }
        }

        public static Settings withTimeout(Duration timeout) {
            return new Settings(timeout, 4, 6, SectionIndex.ANSWERABLE);
        }

        public static Settings defaults() {
            return withTimeout(DEFAULT_TIMEOUT);
        }
    }

    public KnowledgeBaseCoach(KnowledgeBase kb, SectionIndex index, ChatLlm llm, CoachSessions sessions,
                              CoachEscalations escalations, Settings settings, Clock clock) {
        this(new LiveGuide(kb, index, index.model(), null), llm, sessions, escalations, settings, clock);
    }

    public KnowledgeBaseCoach(LiveGuide guide, ChatLlm llm, CoachSessions sessions, CoachEscalations escalations,
                              Settings settings, Clock clock) {
        this.guide = guide;
        this.llm = llm;
        this.sessions = sessions;
        this.escalations = escalations;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Loads the shipped knowledge base and embeds it with the in-process all-MiniLM-L6-v2 (quantized) model
     * ({@link MiniLmEmbeddings}): a
     * few seconds at start-up without a cache, milliseconds with one, logged. Start the JVM with -Djava.io.tmpdir
     * and -DDJL_CACHE_DIR pointing at a writable folder when the default temp folder is not: the model's native
     * libraries unpack there.
     *
     * @param embeddingCache file for chunk embeddings kept between starts (e.g. data/coach-embeddings.bin), or null
     */
    public static KnowledgeBaseCoach create(ChatLlm llm, CoachSessions sessions, CoachEscalations escalations,
                                            Settings settings, java.nio.file.Path embeddingCache) {
        Optional<java.nio.file.Path> key = Optional.ofNullable(embeddingCache);
        java.util.concurrent.CompletableFuture<Shipped> preparing = prepare(key);
        Shipped shipped;
        try {
            shipped = preparing.join();
        } catch (java.util.concurrent.CompletionException e) {
            SHIPPED.remove(key, preparing); // the next context tries again
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return new KnowledgeBaseCoach(new LiveGuide(shipped.kb(), shipped.index(), shipped.model(), embeddingCache),
                llm, sessions, escalations, settings, Clock.systemUTC());
    }

    /** The shipped guide, the model and their index: immutable, and the model is safe to share between threads. */
    private record Shipped(KnowledgeBase kb, EmbeddingModel model, SectionIndex index) {
    }

    /**
     * Loaded and indexed once per JVM: a JVM with several application contexts (the tests', or instances started side
     * by side) would otherwise load the model and index the same guide for each. Edits from the console make a new
     * index in their coach's {@link LiveGuide} and never touch this one.
     */
    private static final java.util.concurrent.ConcurrentHashMap<Optional<java.nio.file.Path>,
            java.util.concurrent.CompletableFuture<Shipped>> SHIPPED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Starts loading the model and indexing the shipped guide on a thread of its own, the longest piece of a start:
     * called early, it runs beside the rest of the start and {@link #create} only waits for what is left.
     */
    public static java.util.concurrent.CompletableFuture<?> prepare(java.nio.file.Path embeddingCache) {
        return prepare(Optional.ofNullable(embeddingCache));
    }

    private static java.util.concurrent.CompletableFuture<Shipped> prepare(Optional<java.nio.file.Path> embeddingCache) {
        return SHIPPED.computeIfAbsent(embeddingCache, cache -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            KnowledgeBase kb = KnowledgeBase.load();
            EmbeddingModel model = new MiniLmEmbeddings();
            return new Shipped(kb, model, SectionIndex.build(kb, model, cache.orElse(null)));
        }, task -> {
            Thread thread = new Thread(task, "coach-index");
            thread.setDaemon(true);
            thread.start();
        }));
    }

    @Override
    public CoachReply answer(CoachRequest request) {
        long start = System.nanoTime();
        if (request.maxChars() < 1) {
            throw new IllegalArgumentException("maxChars must be positive, was " + request.maxChars());
        }
        String question = request.question() == null ? "" : request.question().strip();
        Language language = languageOf(request, question);
        CoachReply reply = guardrails.check(question)
                .map(verdict -> guarded(request, language, question, verdict))
                .orElseGet(() -> grounded(guide.snapshot(), request, language, question, history(request.partner()), start));
        remember(request.partner(), question, reply);
        return reply;
    }

    private CoachReply guarded(CoachRequest request, Language language, String question, Guardrails.Verdict verdict) {
        String text = switch (verdict.kind()) {
            case ESCALATE -> CoachMessages.escalated(language, escalate(request, verdict.reason(), language, question));
            case INJECTION -> {
                log.info("coach refused a role change from {}", request.partner().masked());
                yield CoachMessages.roleChangeRefused(language);
            }
            case OUT_OF_SCOPE -> CoachMessages.outOfScope(language);
        };
        return new CoachReply(answerId(request), null, text, List.of(), CoachReply.Mode.GUARDRAIL, CoachReply.ModelState.NOT_ASKED, language);
    }

    /** The WARN line is what an operator sees even if Mongo is down; the stored record is what they work from. */
    private String escalate(CoachRequest request, CoachEscalations.Reason reason, Language language, String question) {
        ConversationKey partner = request.partner();
        try {
            String reference = escalations.record(partner, reason, language, question, clock.instant(), request.messageId());
            log.warn("coach escalation {}: {} reported by {}, routed to support", reference, reason, partner.masked());
            return reference;
        } catch (RuntimeException e) {
            log.error("coach escalation NOT STORED: {} reported by {} ({}); the partner was told support will contact them",
                    reason, partner.masked(), e.toString());
            return null;
        }
    }

    private CoachReply grounded(LiveGuide.Snapshot live, CoachRequest request, Language language, String question,
                                List<CoachSessions.Turn> history, long start) {
        KnowledgeBase kb = live.kb();
        List<SectionIndex.Hit> hits = question.isEmpty() ? List.of() : live.index().search(question, settings.topK(), lastTopic(history));
        if (hits.isEmpty() || hits.get(0).score() < settings.minScore()) {
            log.debug("coach: no section near enough (best {}), declined", hits.isEmpty() ? "none" : hits.get(0));
            return new CoachReply(answerId(request), null, CoachMessages.noPassage(language), List.of(),
                    CoachReply.Mode.GUARDRAIL, CoachReply.ModelState.NOT_ASKED, language);
        }
        List<KbSection> sections = hits.stream().map(h -> kb.section(h.sectionId(), language).orElseThrow()).toList();
        List<String> ids = sections.stream().map(KbSection::id).toList();
        Duration left = settings.timeout().minusNanos(System.nanoTime() - start);
        if (left.isNegative() || left.isZero()) {
            return passages(request, language, question, sections, CoachReply.ModelState.SLOW, "no time left after retrieval");
        }
        String answer;
        try {
            answer = llm.chat(new LlmRequest(CoachPrompt.system(language, request.maxChars()), toLlm(history),
                    CoachPrompt.user(request.profile(), sections, question), false, left));
        } catch (LlmException e) {
            return passages(request, language, question, sections, stateOf(e.kind()), e.kind() + ": " + e.getMessage());
        }
        AnswerCheck.Result checked = AnswerCheck.check(answer, CoachPrompt.passages(sections), ids);
        if (!checked.ok()) {
            return passages(request, language, question, sections, CoachReply.ModelState.REJECTED, "answer rejected: " + checked.problem());
        }
        String body = PlainText.of(checked.text());
        if (body.isEmpty()) {
            return passages(request, language, question, sections, CoachReply.ModelState.REJECTED, "answer was only citations or markup");
        }
        // an answer that cites nothing still rests on what it was given: name the two best sections
        List<String> named = checked.cited().isEmpty() ? ids.subList(0, Math.min(2, ids.size())) : checked.cited();
        return new CoachReply(answerId(request), null, body, sources(named, language), CoachReply.Mode.MODEL,
                CoachReply.ModelState.ANSWERED, language);
    }

    private static CoachReply.ModelState stateOf(LlmException.Kind kind) {
        return switch (kind) {
            case NOT_INSTALLED -> CoachReply.ModelState.NOT_INSTALLED;
            case BUSY -> CoachReply.ModelState.BUSY;
            case TIMEOUT -> CoachReply.ModelState.SLOW;
            case UNREACHABLE, BAD_ANSWER -> CoachReply.ModelState.UNAVAILABLE;
        };
    }

    /** Room on a first page for the notice, the sources line and a MORE hint, besides the key sentences. */
    private static final int PAGE_FURNITURE_CHARS = 120;

    private CoachReply passages(CoachRequest request, Language language, String question, List<KbSection> sections,
                                CoachReply.ModelState state, String why) {
        log.info("coach answered from the passages for {}: {}", request.partner().masked(), why);
        String notice = CoachMessages.notice(state, language);
        int keyRoom = Math.max(120, request.maxChars() - notice.length() - PAGE_FURNITURE_CHARS);
        PassagesAnswer.Composed composed = PassagesAnswer.compose(language, question, sections, keyRoom);
        List<CoachReply.Source> sources = composed.sources().stream().map(s -> new CoachReply.Source(s.id(), s.title())).toList();
        return new CoachReply(answerId(request), notice, composed.body(), sources, CoachReply.Mode.PASSAGES, state, language);
    }

    @Override
    public List<CoachReply.Source> sources(List<String> ids, Language language) {
        List<CoachReply.Source> out = new ArrayList<>();
        for (String id : ids) {
            guide.snapshot().kb().section(id, language == null ? Language.EN : language)
                    .ifPresent(s -> out.add(new CoachReply.Source(s.id(), s.title())));
        }
        return out;
    }

    @Override
    public List<CoachGuide.Section> shipped() {
        return guide.shipped();
    }

    @Override
    public List<CoachGuide.Section> live() {
        return guide.live();
    }

    @Override
    public List<CoachGuide.Problem> check(CoachGuide.Section section) {
        return LiveGuide.check(section);
    }

    @Override
    public Duration apply(List<CoachGuide.Section> edited, java.util.Set<String> retired) {
        return guide.apply(edited, retired);
    }

    /** What {@link #answer} would do up to the model, from the same snapshot, storing and escalating nothing. */
    @Override
    public CoachGuide.Trial trial(String asked, Language asKnown) {
        String question = asked == null ? "" : asked.strip();
        Language language = languageOf(asKnown, question);
        Optional<Guardrails.Verdict> verdict = guardrails.check(question);
        if (verdict.isPresent()) {
            return new CoachGuide.Trial(CoachGuide.Outcome.GUARDRAIL, verdict.get().kind().name().toLowerCase().replace('_', ' ')
                            + (verdict.get().reason() == null ? "" : ": " + verdict.get().reason().name().toLowerCase().replace('_', ' ')),
                    List.of(), settings.minScore(), null, List.of(), language);
        }
        LiveGuide.Snapshot live = guide.snapshot();
        List<SectionIndex.Hit> hits = question.isEmpty() ? List.of() : live.index().search(question, settings.topK(), null);
        List<CoachGuide.Hit> shown = hits.stream().map(h -> new CoachGuide.Hit(h.sectionId(),
                live.kb().section(h.sectionId(), language).map(KbSection::title).orElse(h.sectionId()), h.score())).toList();
        if (hits.isEmpty() || hits.get(0).score() < settings.minScore()) {
            return new CoachGuide.Trial(CoachGuide.Outcome.NO_PASSAGE, null, shown, settings.minScore(),
                    CoachMessages.noPassage(language), List.of(), language);
        }
        List<KbSection> sections = hits.stream().map(h -> live.kb().section(h.sectionId(), language).orElseThrow()).toList();
        PassagesAnswer.Composed composed = PassagesAnswer.compose(language, question, sections, 600 - PAGE_FURNITURE_CHARS);
        return new CoachGuide.Trial(CoachGuide.Outcome.ANSWERED, null, shown, settings.minScore(), composed.body(),
                composed.sources().stream().map(s -> new CoachReply.Source(s.id(), s.title())).toList(), language);
    }

    /** The section the conversation's last grounded answer rested on: what a follow-up is about. */
    static String lastTopic(List<CoachSessions.Turn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            CoachSessions.Turn turn = history.get(i);
            if (turn.role() == CoachSessions.Role.COACH && !turn.sources().isEmpty()) {
                return turn.sources().get(0);
            }
        }
        return null;
    }

    /** The chat history is helpful, not essential: a Mongo hiccup must not cost the partner the answer. */
    private List<CoachSessions.Turn> history(ConversationKey partner) {
        if (settings.historyTurns() == 0) {
            return List.of();
        }
        try {
            return sessions.recent(partner, settings.historyTurns());
        } catch (RuntimeException e) {
            log.warn("coach history unavailable for {}: {}", partner.masked(), e.toString());
            return List.of();
        }
    }

    private void remember(ConversationKey partner, String question, CoachReply reply) {
        try {
            sessions.append(partner, List.of(CoachSessions.Turn.partner(question, clock.instant()),
                    CoachSessions.Turn.coach(reply, clock.instant())));
        } catch (RuntimeException e) {
            log.warn("coach history not stored for {} (answer {}): {}", partner.masked(), reply.answerId(), e.toString());
        }
    }

    private static List<LlmRequest.Turn> toLlm(List<CoachSessions.Turn> history) {
        List<LlmRequest.Turn> turns = new ArrayList<>();
        for (CoachSessions.Turn t : history) {
            if (t.role() == CoachSessions.Role.COACH && t.mode() == CoachReply.Mode.GUARDRAIL) {
                continue; // a refusal teaches the model nothing about the topic and may echo an injection attempt
            }
            String text = Fit.words(t.text(), HISTORY_TURN_CHARS);
            turns.add(new LlmRequest.Turn(t.role() == CoachSessions.Role.PARTNER ? LlmRequest.Role.USER : LlmRequest.Role.ASSISTANT, text));
        }
        return turns;
    }

    /** A question typed in Devanagari is answered in Hindi whatever the partner's setting; otherwise the setting. */
    static Language languageOf(CoachRequest request, String question) {
        return languageOf(request.language(), question);
    }

    private static Language languageOf(Language setting, String question) {
        boolean devanagari = question.codePoints().anyMatch(c -> c >= 0x0900 && c <= 0x097F);
        if (devanagari) {
            return Language.HI;
        }
        return Optional.ofNullable(setting).orElse(Language.EN);
    }

    @Override
    public boolean feedback(ConversationKey partner, String answerId, boolean helpful) {
        boolean stored = sessions.feedback(partner, answerId, helpful);
        if (!stored) {
            log.info("coach feedback for an unknown answer {} from {}", answerId, partner.masked());
        }
        return stored;
    }

    @Override
    public java.util.List<CoachSessions.Turn> history(ConversationKey partner, int limit) {
        return sessions.recent(partner, limit);
    }

    /** From the message asked, where there is one: a turn run again for it answers (and stores) as the first run did. */
    private static String answerId(CoachRequest request) {
        return request.messageId() == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("coach-answer:" + request.messageId()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
