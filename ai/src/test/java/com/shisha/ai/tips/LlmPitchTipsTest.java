package com.shisha.ai.tips;

import com.shisha.ai.llm.OllamaChatLlm;
import com.shisha.ai.llm.OllamaStandIn;
import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.PitchTips.PitchTip;
import com.shisha.core.journey.Skill;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class LlmPitchTipsTest {

    private static final String GOOD_EN = "Ask what the loan is for first, then show the offers in the GroMo app: "
            + "a small loan repaid on time builds a CIBIL history.";
    private static final String GOOD_HI = "पहले पूछें कि लोन किस काम के लिए है, फिर ऑफ़र GroMo ऐप में दिखाएँ: "
            + "समय पर चुकाया छोटा लोन CIBIL हिस्ट्री बनाता है।";

    private static OllamaStandIn ollama;
    private static OllamaChatLlm llm;
    private final KnowledgeBasePitchTips baseline = new KnowledgeBasePitchTips();
    private final InMemoryPitchTipCache shared = new InMemoryPitchTipCache();
    private LlmPitchTips tips;

    @BeforeAll
    static void start() {
        ollama = new OllamaStandIn();
        llm = ollama.client();
    }

    @AfterAll
    static void stop() {
        llm.close();
        ollama.close();
    }

    @BeforeEach
    void reset() {
        ollama.server().resetAll();
        tips = new LlmPitchTips(llm, baseline, shared, LlmPitchTips.Settings.defaults().withDeadline(Duration.ofSeconds(3)));
    }

    @AfterEach
    void close() {
        tips.close();
    }

    @Test
    void a_miss_gives_the_baseline_at_once_and_the_generated_tip_afterwards() {
        ollama.answers(json(GOOD_EN, "loans.eligibility-cibil"));
        Lead lead = lead(101);

        Optional<PitchTip> first = tips.tip(lead, PARTNER, Language.EN);
        assertThat(first).isEqualTo(baseline.tip(lead, PARTNER, Language.EN));

        tips.prewarm(List.of(lead), PARTNER, Language.EN).orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(tips.tip(lead, PARTNER, Language.EN)).contains(new PitchTip(GOOD_EN, "loans.eligibility-cibil"));
        assertThat(shared.entries).containsValue(new PitchTip(GOOD_EN, "loans.eligibility-cibil"));
        // the tip() and the prewarm() were one generation, grounded in the section text, without the lead's name or phone
        ollama.server().verify(exactly(1), postRequestedFor(urlEqualTo("/api/chat")));
        ollama.server().verify(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(containing("loans.eligibility-cibil"))
                .withRequestBody(containing("300 to 900"))
                .withRequestBody(notContaining("Asha")).withRequestBody(notContaining("9800000000")));
    }

    @Test
    void tip_never_waits_for_the_model() {
        ollama.hangs(2500, json(GOOD_EN, "loans.eligibility-cibil"));
        List<Lead> leads = List.of(lead(201), lead(202), lead(203));
        tips.tip(lead(200), PARTNER, Language.EN); // class loading and the first scheduling are not what is measured

        long t0 = System.nanoTime();
        for (Lead lead : leads) {
            assertThat(tips.tip(lead, PARTNER, Language.EN)).isEqualTo(baseline.tip(lead, PARTNER, Language.EN));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;

        // the model takes 2.5 s to answer: a tip() that waited for it even once would take longer than this; the
        // bound is loose on purpose, it tells waiting from not waiting, not how fast (bench/ measures speed)
        assertThat(millis).isLessThan(2_000);
    }

    @Test
    void a_hit_serves_the_generated_tip_without_asking_the_model_again() {
        ollama.answers(json(GOOD_HI, "loans.eligibility-cibil"));
        Lead lead = lead(301);
        tips.prewarm(List.of(lead), PARTNER, Language.HI).orTimeout(5, TimeUnit.SECONDS).join();

        for (int i = 0; i < 5; i++) {
            assertThat(tips.tip(lead, PARTNER, Language.HI)).contains(new PitchTip(GOOD_HI, "loans.eligibility-cibil"));
        }
        tips.prewarm(List.of(lead), PARTNER, Language.HI).join();
        ollama.server().verify(exactly(1), postRequestedFor(urlEqualTo("/api/chat")));
        ollama.server().verify(postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(containing("Devanagari")));
    }

    @Test
    void an_invalid_generated_tip_leaves_the_baseline_and_is_not_retried_at_once() {
        Lead lead = lead(401);
        Optional<PitchTip> base = baseline.tip(lead, PARTNER, Language.EN);
        for (String bad : List.of(
                json("Tell them approval is guaranteed with GroMo, so they should apply today.", "loans.eligibility-cibil"),
                json("Offer the loan at 10.99% interest, the lowest rate in town right now.", "loans.eligibility-cibil"),
                json(GOOD_EN, "credit-cards.basics"),
                json(GOOD_HI, "loans.eligibility-cibil"),
                json("Hi", "loans.eligibility-cibil"),
                // another need than the note's: this lead asks whether they can get a loan at all, not about gold
                json("Ask if there is gold jewellery at home: a gold loan against ornaments is quick.", "loans.eligibility-cibil"),
                "Sure! Ask what the loan is for.")) {
            ollama.server().resetAll();
            ollama.answers(bad);
            LlmPitchTips fresh = new LlmPitchTips(llm, baseline, shared, LlmPitchTips.Settings.defaults());

            fresh.prewarm(List.of(lead), PARTNER, Language.EN).orTimeout(5, TimeUnit.SECONDS).join();

            assertThat(fresh.tip(lead, PARTNER, Language.EN)).as(bad).isEqualTo(base);
            fresh.prewarm(List.of(lead), PARTNER, Language.EN).join();
            ollama.server().verify(exactly(1), postRequestedFor(urlEqualTo("/api/chat")));
            fresh.close();
        }
        assertThat(shared.entries).isEmpty();
    }

    @Test
    void a_failed_key_is_tried_again_after_the_rest_period() {
        ollama.fails(500, "model crashed");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T06:00:00Z"));
        LlmPitchTips timed = new LlmPitchTips(llm, baseline, shared, LlmPitchTips.Settings.defaults(), clock);
        Lead lead = lead(501);
        timed.prewarm(List.of(lead), PARTNER, Language.EN).orTimeout(5, TimeUnit.SECONDS).join();
        ollama.server().resetAll();
        ollama.answers(json(GOOD_EN, "loans.eligibility-cibil"));

        clock.advance(Duration.ofMinutes(5));
        timed.prewarm(List.of(lead), PARTNER, Language.EN).join();
        ollama.server().verify(exactly(0), postRequestedFor(urlEqualTo("/api/chat")));
        clock.advance(Duration.ofMinutes(6));
        timed.prewarm(List.of(lead), PARTNER, Language.EN).orTimeout(5, TimeUnit.SECONDS).join();

        assertThat(timed.tip(lead, PARTNER, Language.EN)).contains(new PitchTip(GOOD_EN, "loans.eligibility-cibil"));
        timed.close();
    }

    @Test
    void a_held_tip_is_served_while_it_is_refreshed_and_kept_when_the_refresh_fails() {
        ollama.answers(json(GOOD_EN, "loans.eligibility-cibil"));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T06:00:00Z"));
        LlmPitchTips timed = new LlmPitchTips(llm, baseline, shared, LlmPitchTips.Settings.defaults(), clock);
        Lead lead = lead(551);
        timed.prewarm(List.of(lead), PARTNER, Language.EN).orTimeout(5, TimeUnit.SECONDS).join();
        shared.entries.clear(); // expired in Redis meanwhile
        ollama.server().resetAll();
        ollama.fails(500, "model crashed");

        clock.advance(Duration.ofMinutes(61));
        assertThat(timed.tip(lead, PARTNER, Language.EN)).contains(new PitchTip(GOOD_EN, "loans.eligibility-cibil"));
        timed.prewarm(List.of(lead), PARTNER, Language.EN).orTimeout(5, TimeUnit.SECONDS).join();

        ollama.server().verify(exactly(1), postRequestedFor(urlEqualTo("/api/chat")));
        assertThat(timed.tip(lead, PARTNER, Language.EN)).contains(new PitchTip(GOOD_EN, "loans.eligibility-cibil"));
        timed.close();
    }

    @Test
    void generation_is_bounded_by_the_deadline() {
        ollama.hangs(3000, json(GOOD_EN, "loans.eligibility-cibil"));
        LlmPitchTips impatient = new LlmPitchTips(llm, baseline, shared,
                LlmPitchTips.Settings.defaults().withDeadline(Duration.ofMillis(300)));
        Lead lead = lead(561);

        long t0 = System.nanoTime();
        impatient.prewarm(List.of(lead), PARTNER, Language.EN).orTimeout(5, TimeUnit.SECONDS).join();
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(millis).isLessThan(1500);
        assertThat(impatient.tip(lead, PARTNER, Language.EN)).isEqualTo(baseline.tip(lead, PARTNER, Language.EN));
        assertThat(shared.entries).isEmpty();
        impatient.close();
    }

    @Test
    void two_instances_over_one_shared_cache_generate_once() {
        ollama.answers(json(GOOD_EN, "loans.eligibility-cibil"));
        // a note no other test's lead has: a slow request of an earlier test may still reach the stand-in, and
        // only this lead's requests are counted below
        Lead lead = withNote(lead(601), "Runs a dairy stall near the bus stand, CIBIL score low, asks if a loan is possible");
        tips.prewarm(List.of(lead), PARTNER, Language.EN).orTimeout(5, TimeUnit.SECONDS).join();

        LlmPitchTips other = new LlmPitchTips(llm, baseline, shared, LlmPitchTips.Settings.defaults());
        // the other instance holds nothing in memory yet: baseline now, the shared tip once read in the background
        assertThat(other.tip(lead, PARTNER, Language.EN)).isEqualTo(baseline.tip(lead, PARTNER, Language.EN));
        other.prewarm(List.of(lead), PARTNER, Language.EN).orTimeout(5, TimeUnit.SECONDS).join();

        assertThat(other.tip(lead, PARTNER, Language.EN)).contains(new PitchTip(GOOD_EN, "loans.eligibility-cibil"));
        ollama.server().verify(exactly(1), postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("dairy stall")));
        other.close();
    }

    @Test
    void an_unreachable_model_is_not_asked_again_for_every_lead() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        try (OllamaChatLlm down = new OllamaChatLlm(new OllamaChatLlm.Settings(java.net.URI.create("http://127.0.0.1:" + port),
                "shisha-coach", Duration.ofSeconds(2)), 1)) {
            com.shisha.ai.llm.ChatLlm counting = request -> {
                asked.incrementAndGet();
                return down.chat(request);
            };
            LlmPitchTips offline = new LlmPitchTips(counting, baseline, shared, LlmPitchTips.Settings.defaults());
            offline.prewarm(List.of(lead(801)), PARTNER, Language.EN).orTimeout(5, TimeUnit.SECONDS).join();
            offline.prewarm(List.of(lead(802), lead(803)), PARTNER, Language.EN).orTimeout(5, TimeUnit.SECONDS).join();

            assertThat(asked).as("one connection refused is enough to know").hasValue(1);
            assertThat(offline.tip(lead(803), PARTNER, Language.EN)).isEqualTo(baseline.tip(lead(803), PARTNER, Language.EN));
            offline.close();
        }
    }

    @Test
    void tips_are_per_partner_and_language() {
        Lead lead = lead(701);
        PartnerContext other = new PartnerContext(8, "+919822222222", "Meena", Language.HI, "Kota", List.of(Product.LOANS),
                Map.of(), Map.of(), 0);

        assertThat(LlmPitchTips.key(lead, PARTNER, Language.EN)).isNotEqualTo(LlmPitchTips.key(lead, other, Language.EN))
                .isNotEqualTo(LlmPitchTips.key(lead, PARTNER, Language.HI)).doesNotContain("+91");
    }

    static final PartnerContext PARTNER = new PartnerContext(7, "+919811111111", "Ravi", Language.EN, "Jaipur",
            List.of(Product.LOANS), Map.of(Skill.OBJECTION_HANDLING, 30, Skill.CLOSING, 70),
            Map.of(Product.LOANS, new PartnerContext.Outcomes(4, 1)), 0);

    static Lead lead(long id) {
        return new Lead(id, "Asha Verma", "+919800000000", 'F', 25, "Jaipur", "जयपुर", "Rajasthan", 2, Product.LOANS,
                Lead.IncomeBand.LOW, Lead.CreditBand.NEW, "demo", "Tailor without salary slips, asks if a loan is possible",
                "सिलाई का काम करती हैं, बिना सैलरी स्लिप लोन मिल सकता है क्या पूछ रहीं हैं",
                Instant.parse("2026-11-20T10:00:00Z"), true, null);
    }

    static Lead withNote(Lead l, String noteEn) {
        return new Lead(l.id(), l.name(), l.phone(), l.gender(), l.age(), l.city(), l.cityHi(), l.state(), l.cityTier(),
                l.product(), l.income(), l.credit(), l.source(), noteEn, l.noteHi(), l.createdAt(), l.open(), l.assignedTo());
    }

    static String json(String tip, String source) {
        return "{\"tip\": \"" + tip.replace("\"", "\\\"") + "\", \"source\": \"" + source + "\"}";
    }

    static final class MutableClock extends java.time.Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
