package com.shisha.ai.review;

import com.shisha.ai.llm.OllamaChatLlm;
import com.shisha.ai.llm.OllamaStandIn;
import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.PartnerProfile;
import com.shisha.core.Product;
import com.shisha.core.coach.CallAnalysis;
import com.shisha.core.coach.CallReviews.CallReview;
import com.shisha.core.coach.CallReviews.Request;
import com.shisha.core.coach.CallReviews.Source;
import com.shisha.core.journey.Skill;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.shisha.core.coach.CallReviews.Rubric.CLOSING;
import static com.shisha.core.coach.CallReviews.Rubric.COMPLIANCE_DISCLOSURES;
import static com.shisha.core.coach.CallReviews.Rubric.NEED_DISCOVERY;
import static com.shisha.core.coach.CallReviews.Rubric.OBJECTION_HANDLING;
import static com.shisha.core.coach.CallReviews.Rubric.OPENING;
import static com.shisha.core.coach.CallReviews.Rubric.PRODUCT_EXPLANATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole review against a WireMock speaking Ollama's /api/chat, through the real Ollama client. */
class LlmCallReviewsTest {

    /** generous: the first exchange of a test JVM pays for class loading on both ends */
    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final ConversationKey PARTNER = new ConversationKey(Channel.WHATSAPP, "+919812345678");

    private static OllamaStandIn ollama;
    private static OllamaChatLlm llm;
    private final InMemoryCallAnalyses store = new InMemoryCallAnalyses();
    private final LlmCallReviews reviews = new LlmCallReviews(llm, store, new LlmCallReviews.Settings(DEADLINE, 6000));

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
    }

    static final String VALID = """
            {"scores": {"opening": 95, "need_discovery": 90, "product_explanation": 85, "objection_handling": 88,
             "compliance_disclosures": 92, "closing": 90},
             "evidence": {"opening": ["My name is Ravi and I am a GroMo partner."],
                          "closing": ["shall I send you the application link now?"]},
             "tips": ["Quote the EMI for two tenures so the customer can compare.",
                      "Ask which lender they bank with before comparing offers.",
                      "Confirm the callback time by message after the call."],
             "product": "loans"}""";

    /** A turn run again for the same message (after a crash) reviews under the same id: one analysis, not two. */
    @Test
    void a_call_reviewed_again_for_the_same_message_is_stored_once() {
        ollama.answers(VALID);
        Request request = request(Transcripts.GOOD_EN, Language.EN);
        Request fromMessage = new Request(request.partner(), request.profile(), request.language(),
                request.transcript(), request.source(), "SM00000000000000000000000000000042");
        CallReview first = reviews.review(fromMessage);
        CallReview again = reviews.review(fromMessage);
        assertThat(again.reviewId()).isEqualTo(first.reviewId());
        assertThat(store.recentFor(PARTNER.value(), 10)).hasSize(1);
        assertThat(reviews.review(request).reviewId()).isNotEqualTo(first.reviewId());
    }

    @Test
    void a_valid_answer_is_used_as_it_came_and_stored_with_both_scorings() {
        ollama.answers(VALID);

        CallReview review = reviews.review(request(Transcripts.GOOD_EN, Language.EN));

        assertThat(review.byModel()).isTrue();
        assertThat(review.scores()).containsEntry(OPENING, 95).containsEntry(PRODUCT_EXPLANATION, 85);
        assertThat(review.tips()).containsExactly("Quote the EMI for two tenures so the customer can compare.",
                "Ask which lender they bank with before comparing offers.",
                "Confirm the callback time by message after the call.");
        // 85-95 on every item: +3 or +4, the product skill for the loan explained
        assertThat(review.skillDeltas()).containsEntry(Skill.NEED_DISCOVERY, 4).containsEntry(Skill.LOANS, 3)
                .containsEntry(Skill.COMPLIANCE, 4).containsEntry(Skill.CLOSING, 4)
                .containsEntry(Skill.OBJECTION_HANDLING, 3).hasSize(5);

        CallAnalysis stored = store.find(review.reviewId()).orElseThrow();
        assertThat(stored.partner()).isEqualTo("whatsapp:+919812345678");
        assertThat(stored.modelRaw()).isEqualTo(VALID);
        assertThat(stored.repairs()).isEmpty();
        assertThat(stored.modelFailure()).isNull();
        assertThat(stored.rubric().scores()).isEqualTo(new RubricScorer().score(Transcripts.GOOD_EN).scores());
        assertThat(stored.model().evidence().get(OPENING)).containsExactly("My name is Ravi and I am a GroMo partner.");
        assertThat(stored.product()).isEqualTo(Product.LOANS);
        assertThat(stored.transcriptChars()).isEqualTo(Transcripts.GOOD_EN.length());
        assertThat(stored.finishedAt()).isAfterOrEqualTo(stored.startedAt());
        ollama.server().verify(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(containing("\"format\"")).withRequestBody(containing("need_discovery")));
    }

    @Test
    void json_in_code_fences_with_percent_strings_is_repaired() {
        ollama.answers("""
                Sure! Here is the review:
                ```json
                {"scores": {"opening": "85%", "need_discovery": "70", "product_explanation": 80.6,
                 "objection_handling": "9/10", "compliance_disclosures": 130, "closing": {"score": "75"}},
                 "evidence": {}, "tips": ["Ask about existing EMIs first.", "Name the processing fee early.",
                 "Fix the callback time.", "Ask for a referral at the end."], "product": "Personal Loan"}
                ```
                Hope this helps.""");

        CallReview review = reviews.review(request(Transcripts.GOOD_EN, Language.EN));
        CallAnalysis stored = store.find(review.reviewId()).orElseThrow();

        assertThat(review.byModel()).isTrue();
        assertThat(stored.model().scores()).containsEntry(OPENING, 85).containsEntry(NEED_DISCOVERY, 70)
                .containsEntry(PRODUCT_EXPLANATION, 81).containsEntry(OBJECTION_HANDLING, 90)
                .containsEntry(COMPLIANCE_DISCLOSURES, 100).containsEntry(CLOSING, 75);
        assertThat(review.tips()).containsExactly("Ask about existing EMIs first.", "Name the processing fee early.",
                "Fix the callback time.");
        assertThat(stored.repairs()).contains("code fence removed", "text before the JSON object removed",
                "text after the JSON object removed", "opening: score \"85%\" read as a number",
                "compliance_disclosures: score 130 clamped to 100", "1 tip(s) beyond three cut");
        assertThat(stored.modelRepaired()).contains("\"opening\":85").contains("\"product\":\"loans\"");
    }

    @Test
    void missing_items_and_tips_are_filled_from_the_rubric_scorer() {
        ollama.answers("""
                {"scores": {"opening": 90, "need_discovery": 85, "product_explanation": 80, "closing": 85},
                 "tips": ["Say the fee before the customer asks."], "product": "loans"}""");

        CallReview review = reviews.review(request(Transcripts.GOOD_EN, Language.EN));
        CallAnalysis stored = store.find(review.reviewId()).orElseThrow();
        RubricResult rubric = new RubricScorer().score(Transcripts.GOOD_EN);

        assertThat(review.byModel()).isTrue();
        assertThat(stored.model().scores()).containsEntry(OBJECTION_HANDLING, rubric.scores().get(OBJECTION_HANDLING))
                .containsEntry(COMPLIANCE_DISCLOSURES, rubric.scores().get(COMPLIANCE_DISCLOSURES));
        assertThat(review.tips()).hasSize(3).first().isEqualTo("Say the fee before the customer asks.");
        assertThat(review.tips().subList(1, 3)).allMatch(t -> rubric.tips(Language.EN, 6).contains(t));
        assertThat(stored.repairs()).anyMatch(r -> r.startsWith("objection_handling missing"))
                .contains("2 tip(s) filled from the rubric scorer");
        // no quotes came from the model: the rubric's stand in
        assertThat(stored.model().evidence().get(OPENING)).isEqualTo(rubric.evidence().get(OPENING));
    }

    @Test
    void garbage_falls_back_to_the_rubric_scorer() {
        ollama.answers("I think the partner did quite well overall, maybe 8 out of 10.");

        CallReview review = reviews.review(request(Transcripts.HINGLISH, Language.HI));
        CallAnalysis stored = store.find(review.reviewId()).orElseThrow();
        RubricResult rubric = new RubricScorer().score(Transcripts.HINGLISH);

        assertThat(review.byModel()).isFalse();
        assertThat(review.scores()).isEqualTo(rubric.scores());
        assertThat(review.tips()).isEqualTo(rubric.tips(Language.HI, 3)).allMatch(t -> t.matches(".*[\\u0900-\\u097F].*"));
        assertThat(stored.modelFailure()).startsWith("unrepairable answer: no JSON object");
        assertThat(stored.modelRaw()).startsWith("I think the partner");
        assertThat(stored.model()).isNull();
    }

    @Test
    void too_few_scored_items_is_unrepairable() {
        ollama.answers("{\"scores\": {\"opening\": 80, \"closing\": \"good\"}, \"tips\": []}");

        CallReview review = reviews.review(request(Transcripts.GOOD_EN, Language.EN));

        assertThat(review.byModel()).isFalse();
        assertThat(store.find(review.reviewId()).orElseThrow().modelFailure()).contains("only 1 of 6 items scored");
    }

    @Test
    void a_server_error_falls_back_to_the_rubric_scorer() {
        ollama.fails(500, "model crashed");

        CallReview review = reviews.review(request(Transcripts.GOOD_EN, Language.EN));

        assertThat(review.byModel()).isFalse();
        assertThat(review.scores()).isEqualTo(new RubricScorer().score(Transcripts.GOOD_EN).scores());
        assertThat(store.find(review.reviewId()).orElseThrow().modelFailure()).startsWith("model bad_answer");
    }

    @Test
    void a_model_slower_than_the_deadline_falls_back_within_the_deadline() {
        ollama.answers(VALID);
        reviews.review(request(Transcripts.GOOD_EN, Language.EN)); // class loading is not what is measured here
        ollama.hangs(4000, VALID);
        Duration deadline = Duration.ofMillis(500);
        LlmCallReviews impatient = new LlmCallReviews(llm, store, new LlmCallReviews.Settings(deadline, 6000));

        long t0 = System.nanoTime();
        CallReview review = impatient.review(request(Transcripts.GOOD_EN, Language.EN));
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(review.byModel()).isFalse();
        assertThat(millis).isGreaterThanOrEqualTo(deadline.toMillis()).isLessThan(deadline.toMillis() + 400);
        assertThat(store.find(review.reviewId()).orElseThrow().modelFailure()).startsWith("model timeout");
    }

    @Test
    void the_rubric_keeps_a_promise_violation_from_being_scored_up_and_big_gaps_are_averaged() {
        ollama.answers("""
                {"scores": {"opening": 80, "need_discovery": 10, "product_explanation": 30, "objection_handling": 10,
                 "compliance_disclosures": 90, "closing": 10}, "tips": ["a", "b", "c"], "product": "credit_cards"}""");

        CallReview review = reviews.review(request(Transcripts.POOR_EN, Language.EN));
        CallAnalysis stored = store.find(review.reviewId()).orElseThrow();

        assertThat(review.scores()).containsEntry(COMPLIANCE_DISCLOSURES, 0) // min(90, rubric 0): a violation
                .containsEntry(OPENING, 40)                                  // |80 - 0| > 25: averaged
                .containsEntry(NEED_DISCOVERY, 10)                           // within 25: the model's
                .containsEntry(PRODUCT_EXPLANATION, 30);
        assertThat(stored.disagreements()).containsExactlyInAnyOrder(OPENING, COMPLIANCE_DISCLOSURES);
        // the rubric's violation tip comes first; one-letter tips are dropped and the rubric's fill in
        assertThat(review.tips()).hasSize(3).first().asString().startsWith("Never promise");
        assertThat(review.tips()).doesNotContain("a", "b", "c");
    }

    @Test
    void a_hindi_partner_gets_hindi_tips_even_when_the_model_writes_english() {
        ollama.answers("""
                {"scores": {"opening": 95, "need_discovery": 75, "product_explanation": 90, "objection_handling": 95,
                 "compliance_disclosures": 70, "closing": 85},
                 "tips": ["फ़ीस और चार्ज कॉल में ही साफ़ बताएँ।", "Ask what the cover is for.", "Mention the charges."],
                 "product": "insurance"}""");

        CallReview review = reviews.review(request(Transcripts.HINGLISH, Language.HI));
        CallAnalysis stored = store.find(review.reviewId()).orElseThrow();

        assertThat(review.tips()).hasSize(3).first().isEqualTo("फ़ीस और चार्ज कॉल में ही साफ़ बताएँ।");
        assertThat(review.tips()).allMatch(t -> t.matches(".*[\\u0900-\\u097F].*"));
        assertThat(stored.repairs()).contains("a tip not in hi dropped");
        assertThat(review.skillDeltas()).containsEntry(Skill.INSURANCE, 4);
    }

    @Test
    void a_long_transcript_reaches_the_model_trimmed_with_a_note_and_is_stored_whole() {
        ollama.answers(VALID);
        String longCall = Transcripts.GOOD_EN + "\nCustomer: Tell me more.\n".repeat(400) + Transcripts.GOOD_EN;
        LlmCallReviews small = new LlmCallReviews(llm, store, new LlmCallReviews.Settings(DEADLINE, 2000));

        CallReview review = small.review(request(longCall, Language.EN));
        CallAnalysis stored = store.find(review.reviewId()).orElseThrow();

        assertThat(stored.trimmed()).isTrue();
        assertThat(stored.transcript()).isEqualTo(longCall.strip());
        ollama.server().verify(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(containing("characters of the middle of the call left out")));
        String sent = LlmCallReviews.trimmed(longCall, 2000);
        assertThat(sent.length()).isLessThan(2200);
        assertThat(sent).startsWith("Partner: Hello, good morning sir.").endsWith("Thank you!");
    }

    @Test
    void recent_reviews_of_a_partner_come_back_newest_first() {
        ollama.fails(503, "loading");
        CallReview first = reviews.review(request(Transcripts.POOR_EN, Language.EN));
        CallReview second = reviews.review(request(Transcripts.GOOD_EN, Language.EN));

        assertThat(store.recentFor(PARTNER.value(), 5)).extracting(CallAnalysis::id)
                .containsExactly(second.reviewId(), first.reviewId());
    }

    @Test
    void without_a_language_the_profiles_is_used_and_a_blank_transcript_is_refused() {
        ollama.fails(503, "loading");
        PartnerProfile hindi = new PartnerProfile("+919812345678", "Sunita", Language.HI, "Kota", List.of(Product.INSURANCE));

        CallReview review = reviews.review(new Request(PARTNER, hindi, null, Transcripts.POOR_EN, Source.VOICE_NOTE));

        assertThat(review.tips()).hasSize(3).allMatch(t -> t.matches(".*[\\u0900-\\u097F].*"));
        assertThatThrownBy(() -> reviews.review(request("  \n ", Language.EN))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Request request(String transcript, Language language) {
        return new Request(PARTNER, null, language, transcript, Source.PASTED_TRANSCRIPT);
    }
}
