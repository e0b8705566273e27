package com.shisha.ai.review;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.coach.CallReviews.Rubric;
import org.junit.jupiter.api.Test;

import static com.shisha.core.coach.CallReviews.Rubric.CLOSING;
import static com.shisha.core.coach.CallReviews.Rubric.NEED_DISCOVERY;
import static com.shisha.core.coach.CallReviews.Rubric.OBJECTION_HANDLING;
import static com.shisha.core.coach.CallReviews.Rubric.OPENING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelAnswerRepairTest {

    private final RubricResult rubric = new RubricScorer().score(Transcripts.GOOD_EN);

    @Test
    void item_names_are_matched_loosely_but_not_ambiguously() {
        assertThat(ModelAnswerRepair.item("Need Discovery")).contains(NEED_DISCOVERY);
        assertThat(ModelAnswerRepair.item("needDiscovery")).contains(NEED_DISCOVERY);
        assertThat(ModelAnswerRepair.item("objection")).contains(OBJECTION_HANDLING);
        assertThat(ModelAnswerRepair.item("close")).isEmpty();
        assertThat(ModelAnswerRepair.item("tone")).isEmpty();
    }

    @Test
    void nested_scores_with_their_own_evidence_and_items_at_the_top_level_are_read() throws Exception {
        ModelAnswer a = ModelAnswerRepair.repair("""
                {"Opening": {"score": "8/10", "evidence": ["My name is Ravi and I am a GroMo partner."]},
                 "need-discovery": 7.5, "product_explanation": "60", "objection handling": 70,
                 "compliance_disclosures": 65, "closing": 90, "tone": 40,
                 "tips": ["Ask about existing EMIs first, before the pitch."], "product": "Gold Loan"}""",
                rubric, Language.EN, Transcripts.GOOD_EN);

        assertThat(a.scores()).containsEntry(OPENING, 80).containsEntry(NEED_DISCOVERY, 8).containsEntry(CLOSING, 90);
        assertThat(a.evidence().get(OPENING)).containsExactly("My name is Ravi and I am a GroMo partner.");
        assertThat(a.product()).isEqualTo(Product.LOANS);
        assertThat(a.repairs()).contains("no \"scores\" object: item scores read from the top level");
    }

    @Test
    void quotes_that_are_not_in_the_transcript_are_dropped() throws Exception {
        ModelAnswer a = ModelAnswerRepair.repair("""
                {"scores": {"opening": 90, "need_discovery": 90, "product_explanation": 90, "objection_handling": 90,
                 "compliance_disclosures": 90, "closing": 90},
                 "evidence": {"opening": ["\\"Hello, good morning sir.\\"", "Hi, I am from HDFC Bank."]},
                 "tips": [], "product": "spaceships"}""", rubric, Language.EN, Transcripts.GOOD_EN);

        assertThat(a.evidence().get(OPENING)).containsExactly("\"Hello, good morning sir.\"");
        assertThat(a.repairs()).contains("1 evidence quote(s) not found in the transcript dropped",
                "unknown product 'spaceships' treated as none", "3 tip(s) filled from the rubric scorer");
        assertThat(a.product()).isNull();
        assertThat(a.tips()).hasSize(3);
    }

    @Test
    void what_cannot_be_repaired_says_why() {
        assertThatThrownBy(() -> ModelAnswerRepair.repair("{\"scores\": {\"opening\": 80,", rubric, Language.EN, ""))
                .hasMessage("no JSON object in the answer");
        assertThatThrownBy(() -> ModelAnswerRepair.repair("{\"scores\": {\"opening\": 80 90}}", rubric, Language.EN, ""))
                .hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> ModelAnswerRepair.repair("{\"scores\": {\"opening\": [1], \"closing\": true, "
                + "\"need_discovery\": \"n/a\", \"product_explanation\": 50}}", rubric, Language.EN, ""))
                .hasMessage("only 1 of 6 items scored");
    }

    @Test
    void the_repaired_answer_is_valid_json_with_every_item() throws Exception {
        ModelAnswer a = ModelAnswerRepair.repair("```{\"scores\":{\"opening\":\"85%\",\"closing\":1,\"need_discovery\":2,"
                + "\"product_explanation\":3}}```", rubric, Language.EN, Transcripts.GOOD_EN);

        for (Rubric item : Rubric.values()) {
            assertThat(a.json()).contains("\"" + ModelAnswerRepair.key(item) + "\":" + a.scores().get(item));
        }
        assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(a.json()).get("tips").size()).isEqualTo(3);
    }
}
