package com.shisha.ai.tips;

import com.shisha.ai.llm.AnswerChecks;
import com.shisha.ai.llm.ChatLlm;
import com.shisha.ai.llm.LlmException;
import com.shisha.ai.llm.LlmRequest;
import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.PitchTipCache;
import com.shisha.core.journey.PitchTips;
import com.shisha.core.journey.Skill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Pitch tips written by the language model for one lead and one partner, grounded in the lead's product sections
 * of the knowledge base, with the hand-written {@link KnowledgeBasePitchTips} as the fallback.
 *
 * <p>{@link #tip} runs inside a dialog turn, for up to three leads, so it touches memory only: a tip this
 * instance already holds, or else the baseline tip at once. A miss schedules, in the background, a read of the
 * shared {@link PitchTipCache} (another instance may have generated the tip) and, if that misses too, one
 * generation by the model within its deadline. Background work runs on a small bounded pool, one task per key at
 * a time; when the pool is full the work is dropped and the next call for that key tries again. A generated tip
 * that fails {@link PitchTipCheck} is not used and not cached; the key is left alone for
 * {@link Settings#retryAfterFailure()} so a model that keeps failing is not asked on every turn.
 */
public final class LlmPitchTips implements PitchTips, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LlmPitchTips.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Bumped when the prompt changes, so old tips in the shared cache are not served as new ones. */
    static final String KEY_VERSION = "v2";
    private static final Set<Skill> SALES_SKILLS = Set.of(Skill.NEED_DISCOVERY, Skill.OBJECTION_HANDLING, Skill.CLOSING,
            Skill.COMPLIANCE);

    private final ChatLlm llm;
    private final PitchTips baseline;
    private final PitchTipCache shared;
    private final Settings settings;
    private final Clock clock;
    private final KbSections kb = new KbSections();
    private final NeedClassifier needs = NeedClassifier.fromClasspath();
    private final NeedClassifier tipNeeds = NeedClassifier.forTips();
    private final Map<String, Local> local;
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    /** Set when the model could not be reached at all: no lead gets a model tip before then. */
    private volatile Instant modelDownUntil;
    private final ThreadPoolExecutor workers;

    /**
     * @param deadline          the longest one generation may take (OLLAMA_TIMEOUT_MILLIS, default 8 s)
     * @param workers           generations at once (PITCH_TIPS_WORKERS, default 2; Ollama serves few at a time)
     * @param queue             waiting generations beyond which new ones are dropped (default 200)
     * @param retryAfterFailure how long a key whose generation failed keeps the baseline tip (default 10 min)
     * @param localEntries      tips held in this instance's memory (default 10 000, least recently used go first)
     * @param localMaxAge       after this a held tip is still served but re-read from the shared cache (default 1 h)
     */
    public record Settings(Duration deadline, int workers, int queue, Duration retryAfterFailure, int localEntries,
                           Duration localMaxAge) {
        public Settings {
            if (deadline == null || deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("OLLAMA_TIMEOUT_MILLIS must be positive, was " + deadline);
            }
            if (workers < 1 || queue < 1 || localEntries < 1) {
                throw new IllegalArgumentException("pitch tip workers, queue and local entries must be positive");
            }
            Objects.requireNonNull(retryAfterFailure, "retryAfterFailure");
            Objects.requireNonNull(localMaxAge, "localMaxAge");
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(8), 2, 200, Duration.ofMinutes(10), 10_000, Duration.ofHours(1));
        }

        public Settings withDeadline(Duration deadline) {
            return new Settings(deadline, workers, queue, retryAfterFailure, localEntries, localMaxAge);
        }
    }

    /** A tip held in memory, or the time its generation last failed. */
    private record Local(PitchTip tip, Instant at) {
    }

    public LlmPitchTips(ChatLlm llm, PitchTips baseline, PitchTipCache shared, Settings settings) {
        this(llm, baseline, shared, settings, Clock.systemUTC());
    }

    public LlmPitchTips(ChatLlm llm, PitchTips baseline, PitchTipCache shared, Settings settings, Clock clock) {
        this.llm = Objects.requireNonNull(llm, "llm");
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.shared = Objects.requireNonNull(shared, "shared");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        int max = settings.localEntries();
        this.local = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Local> eldest) {
                return size() > max;
            }
        });
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queue()), r -> {
            Thread t = new Thread(r, "pitch-tips");
            t.setDaemon(true);
            return t;
        });
        this.workers.allowCoreThreadTimeOut(true);
    }

    /** Never waits for Redis or the model: memory, else the baseline tip, with the rest scheduled. */
    @Override
    public Optional<PitchTip> tip(Lead lead, PartnerContext partner, Language language) {
        Optional<PitchTip> fallback = baseline.tip(lead, partner, language);
        if (fallback.isEmpty()) {
            return fallback; // nothing to ground a generated tip in either
        }
        String key = key(lead, partner, language);
        Local held = local.get(key);
        Instant now = clock.instant();
        if (held != null && held.tip() != null) {
            if (held.at().plus(settings.localMaxAge()).isBefore(now)) {
                schedule(key, lead, partner, language, fallback.get());
            }
            return Optional.of(held.tip());
        }
        if (held == null || held.at().plus(settings.retryAfterFailure()).isBefore(now)) {
            schedule(key, lead, partner, language, fallback.get());
        }
        return fallback;
    }

    /**
     * Gets tips ready for leads about to be shown (e.g. right after they were offered), without waiting.
     *
     * @return completes when every scheduled tip is generated, found, failed or dropped; never exceptionally
     */
    public CompletableFuture<Void> prewarm(List<Lead> leads, PartnerContext partner, Language language) {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        Instant now = clock.instant();
        for (Lead lead : leads) {
            Optional<PitchTip> fallback = baseline.tip(lead, partner, language);
            if (fallback.isEmpty()) {
                continue;
            }
            String key = key(lead, partner, language);
            Local held = local.get(key);
            boolean fresh = held != null && held.tip() != null && !held.at().plus(settings.localMaxAge()).isBefore(now);
            boolean resting = held != null && held.tip() == null && !held.at().plus(settings.retryAfterFailure()).isBefore(now);
            CompletableFuture<Void> running = inFlight.get(key);
            if (running != null) {
                pending.add(running);
            } else if (!fresh && !resting) {
                pending.add(schedule(key, lead, partner, language, fallback.get()));
            }
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
    }

    static String key(Lead lead, PartnerContext partner, Language language) {
        return KEY_VERSION + ":lead:" + lead.id() + ":partner:" + partner.id() + ":" + language.code();
    }

    private CompletableFuture<Void> schedule(String key, Lead lead, PartnerContext partner, Language language,
                                             PitchTip fallback) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        try {
            workers.execute(() -> {
                try {
                    load(key, lead, partner, language, fallback);
                } catch (RuntimeException e) {
                    log.warn("pitch tip for lead {} failed: {}", lead.id(), e.toString());
                } finally {
                    inFlight.remove(key, mine);
                    mine.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            // the pool is busy: the baseline serves, and the next call for this key schedules again
            inFlight.remove(key, mine);
            mine.complete(null);
        }
        return mine;
    }

    private void load(String key, Lead lead, PartnerContext partner, Language language, PitchTip fallback) {
        Optional<PitchTip> cached;
        try {
            cached = shared.get(key);
        } catch (RuntimeException e) {
            log.warn("pitch tip cache unreadable, generating lead {} anyway: {}", lead.id(), e.toString());
            cached = Optional.empty();
        }
        if (cached.isPresent()) {
            local.put(key, new Local(cached.get(), clock.instant()));
            return;
        }
        Optional<PitchTip> generated = generate(lead, partner, language, fallback);
        if (generated.isEmpty()) {
            // a tip that passed its checks before stays until the next refresh rather than falling back to the baseline
            Local held = local.get(key);
            local.put(key, new Local(held == null ? null : held.tip(), clock.instant()));
            return;
        }
        local.put(key, new Local(generated.get(), clock.instant()));
        try {
            shared.put(key, generated.get());
        } catch (RuntimeException e) {
            log.warn("pitch tip for lead {} not shared: {}", lead.id(), e.toString());
        }
    }

    private Optional<PitchTip> generate(Lead lead, PartnerContext partner, Language language, PitchTip fallback) {
        List<KbSections.Section> sections = sections(lead.product(), language, fallback.source());
        String sectionsText = sections.stream().map(s -> "## " + s.id() + " | " + s.title() + "\n" + s.text())
                .collect(Collectors.joining("\n\n"));
        Set<String> ids = sections.stream().map(KbSections.Section::id).collect(Collectors.toSet());
        String raw;
        Instant now = clock.instant();
        Instant down = modelDownUntil;
        if (down != null && now.isBefore(down)) {
            return Optional.empty(); // the model was unreachable a moment ago: asking again per lead only costs CPU
        }
        try {
            raw = llm.chat(new LlmRequest(system(language), List.of(), user(lead, partner, language, sectionsText),
                    true, settings.deadline()));
        } catch (LlmException e) {
            if (e.kind() == LlmException.Kind.UNREACHABLE) {
                modelDownUntil = now.plus(settings.retryAfterFailure());
                log.warn("pitch tips: the model is unreachable ({}); knowledge-base tips only until {}", e.getMessage(),
                        modelDownUntil);
            } else {
                log.info("pitch tip for lead {}: baseline kept, model {}", lead.id(), e.kind());
            }
            return Optional.empty();
        }
        Optional<String[]> parsed = parse(raw);
        if (parsed.isEmpty()) {
            log.info("pitch tip for lead {}: baseline kept, answer is not the JSON asked for", lead.id());
            return Optional.empty();
        }
        String text = parsed.get()[0];
        String source = parsed.get()[1];
        Optional<String> problem = PitchTipCheck.problem(text, source, ids, sectionsText, language);
        if (problem.isEmpty()) {
            problem = offNeed(lead, text);
        }
        if (problem.isPresent()) {
            log.info("pitch tip for lead {}: baseline kept, {}", lead.id(), problem.get());
            return Optional.empty();
        }
        return Optional.of(new PitchTip(text.strip(), source.strip()));
    }

    /**
     * A tip about another need than the note's (a gold-loan line for a lead buying an auto-rickshaw) is refused:
     * the tip is read by the same classifier as the note, among the product's families, and must land on the same.
     */
    private Optional<String> offNeed(Lead lead, String text) {
        TipFamily wanted = need(lead);
        NeedClassifier.Reading said = tipNeeds.classify(text, TipFamily.of(lead.product()));
        if (said.fromNote() && said.family() != wanted) {
            return Optional.of("tip is about " + said.family().code() + ", the lead needs " + wanted.code());
        }
        return Optional.empty();
    }

    private TipFamily need(Lead lead) {
        return needs.classify(lead.noteEn(), lead.noteHi(), lead.product()).family();
    }

    /** The section the baseline tip rests on, the product's objections, and what must never be promised. */
    private List<KbSections.Section> sections(Product product, Language language, String baselineSource) {
        List<KbSections.Section> sections = new ArrayList<>();
        List<KbSections.Section> forProduct = kb.forProduct(product, language);
        kb.byId(baselineSource, language).ifPresentOrElse(sections::add,
                () -> forProduct.stream().findFirst().ifPresent(sections::add));
        forProduct.stream().filter(s -> s.id().endsWith(".objections")).filter(s -> !sections.contains(s))
                .findFirst().ifPresent(sections::add);
        kb.byId("compliance.no-guarantees", language).ifPresent(sections::add);
        return sections;
    }

    private static String system(Language language) {
        String lang = language == Language.HI ? "Hindi in Devanagari script (GroMo, EMI, CIBIL, KYC may stay in English)" : "English";
        return """
                You write one opening tip for a GroMo partner about to call a lead: what to say or ask first, \
                fitted to this customer and to the need the lead's note states; never suggest another product or need. Use only facts from the knowledge-base sections given. Never add a rate, \
                an amount, a number or a promise that the sections do not state; never promise approval or returns.
                At most 250 characters, in %s.
                Answer with one JSON object and nothing else: {"tip": "...", "source": "<id of the section the tip rests on>"}"""
                .formatted(lang);
    }

    /** What the model needs to fit the tip; the lead's name and phone are not sent. */
    private String user(Lead lead, PartnerContext partner, Language language, String sectionsText) {
        String note = language == Language.HI ? lead.noteHi() : lead.noteEn();
        PartnerContext.Outcomes outcomes = partner.outcomes().get(lead.product());
        String weakest = partner.skills().entrySet().stream().filter(e -> SALES_SKILLS.contains(e.getKey()))
                .min(Map.Entry.comparingByValue()).map(e -> e.getKey().code()).orElse("not assessed yet");
        return """
                Lead: product %s; need %s; age %s; income %s; credit %s; city tier %d%s.
                Partner: has sold %d of %d %s leads contacted; weakest sales skill: %s.
                Knowledge-base sections:
                %s""".formatted(PitchTipsFile.code(lead.product()), need(lead).code().replace('_', ' '),
                KnowledgeBasePitchTips.ageBand(lead.age()),
                lead.income().name().toLowerCase(), lead.credit().name().toLowerCase(), lead.cityTier(),
                note == null || note.isBlank() ? "" : "; note: " + note,
                outcomes == null ? 0 : outcomes.sold(), outcomes == null ? 0 : outcomes.contacted(),
                PitchTipsFile.code(lead.product()), weakest, sectionsText);
    }

    /** {tip, source}; a source written as its heading ("## id | title") is cut to the id. */
    private static Optional<String[]> parse(String raw) {
        Optional<AnswerChecks.JsonObjectText> json = AnswerChecks.jsonObjectIn(raw);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(json.get().json());
            JsonNode tip = root.get("tip");
            JsonNode source = root.get("source");
            if (tip == null || !tip.isString() || source == null || !source.isString()) {
                return Optional.empty();
            }
            String id = source.stringValue().replaceFirst("^#+\\s*", "").split("\\|", 2)[0].strip();
            return Optional.of(new String[]{tip.stringValue(), id});
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
