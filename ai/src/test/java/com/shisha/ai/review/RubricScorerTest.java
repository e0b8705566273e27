package com.shisha.ai.review;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.coach.CallReviews.Rubric;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.shisha.core.coach.CallReviews.Rubric.CLOSING;
import static com.shisha.core.coach.CallReviews.Rubric.COMPLIANCE_DISCLOSURES;
import static com.shisha.core.coach.CallReviews.Rubric.NEED_DISCOVERY;
import static com.shisha.core.coach.CallReviews.Rubric.OBJECTION_HANDLING;
import static com.shisha.core.coach.CallReviews.Rubric.OPENING;
import static com.shisha.core.coach.CallReviews.Rubric.PRODUCT_EXPLANATION;
import static org.assertj.core.api.Assertions.assertThat;

class RubricScorerTest {

    private final RubricScorer scorer = new RubricScorer();

    @Test
    void a_good_call_scores_high_on_every_item_with_quotes_from_the_call() {
        RubricResult r = scorer.score(Transcripts.GOOD_EN);

        assertThat(r.scores().values()).allMatch(s -> s >= 80);
        assertThat(r.product()).isEqualTo(Product.LOANS);
        assertThat(r.violation()).isFalse();
        assertThat(r.evidence().get(OPENING)).contains("My name is Ravi and I am a GroMo partner.");
        assertThat(r.evidence().get(COMPLIANCE_DISCLOSURES))
                .contains("The rate is not guaranteed, it depends on the lender and your profile.");
        assertThat(r.evidence().get(OBJECTION_HANDLING))
                .contains("objection: It sounds too expensive, the interest will be high.");
        assertQuotesComeFrom(r, Transcripts.GOOD_EN);
    }

    @Test
    void a_poor_call_scores_low_and_its_promise_is_a_compliance_violation() {
        RubricResult poor = scorer.score(Transcripts.POOR_EN);
        RubricResult good = scorer.score(Transcripts.GOOD_EN);

        for (Rubric item : Rubric.values()) {
            assertThat(poor.scores().get(item)).as(item.name()).isLessThan(good.scores().get(item));
        }
        assertThat(poor.violation()).isTrue();
        assertThat(poor.scores().get(COMPLIANCE_DISCLOSURES)).isZero();
        assertThat(poor.evidence().get(COMPLIANCE_DISCLOSURES)).anyMatch(q -> q.startsWith("violation (promise)")
                && q.contains("approval guaranteed"));
        // two objections, neither answered
        assertThat(poor.scores().get(OBJECTION_HANDLING)).isZero();
        assertThat(poor.evidence().get(OBJECTION_HANDLING)).hasSize(2);
        assertThat(poor.product()).isEqualTo(Product.CREDIT_CARDS);
        // the violation's tip comes first, in the partner's language
        assertThat(poor.tips(Language.EN, 3)).hasSize(3).first().asString().startsWith("Never promise");
        assertThat(poor.tips(Language.HI, 3)).hasSize(3).first().asString().contains("वादा");
    }

    @Test
    void a_hinglish_call_is_read_as_well_as_an_english_one() {
        RubricResult r = scorer.score(Transcripts.HINGLISH);

        assertThat(r.product()).isEqualTo(Product.INSURANCE);
        assertThat(r.scores().get(OPENING)).isEqualTo(100);
        assertThat(r.scores().get(OBJECTION_HANDLING)).isEqualTo(100);
        assertThat(r.evidence().get(OBJECTION_HANDLING)).contains("objection: Premium mehenga hoga.");
        // she never asked what the cover is for and named no charges (the premium and the free look she did):
        // that shows, and becomes tips
        assertThat(r.scores().get(NEED_DISCOVERY)).isEqualTo(80);
        assertThat(r.scores().get(COMPLIANCE_DISCLOSURES)).isEqualTo(80);
        assertThat(r.tips(Language.HI, 3)).anyMatch(t -> t.contains("फ़ीस")).anyMatch(t -> t.contains("किस काम"));
        assertQuotesComeFrom(r, Transcripts.HINGLISH);
    }

    @Test
    void a_hindi_call_in_devanagari_is_scored_from_its_own_words() {
        RubricResult r = scorer.score(Transcripts.HINDI);

        assertThat(r.product()).isEqualTo(Product.LOANS);
        assertThat(r.scores().get(OPENING)).isEqualTo(100);
        assertThat(r.scores().get(CLOSING)).isEqualTo(100);
        assertThat(r.evidence().get(COMPLIANCE_DISCLOSURES)).contains("ब्याज दर लेंडर पर निर्भर है, मंज़ूरी की गारंटी नहीं है।");
        assertThat(r.scores().get(OBJECTION_HANDLING)).isEqualTo(100);
        // no question about family or existing loans
        assertThat(r.scores().get(NEED_DISCOVERY)).isEqualTo(60);
        assertThat(r.scores().get(NEED_DISCOVERY)).isLessThan(scorer.score(Transcripts.GOOD_EN).scores().get(NEED_DISCOVERY));
        assertQuotesComeFrom(r, Transcripts.HINDI);
    }

    @Test
    void unlabelled_speech_to_text_output_still_finds_the_evidence() {
        String vosk = "namaste ji mera naam ravi hai main gromo se bol raha hoon\n"
                + "aapki monthly income kitni hai\n"
                + "personal loan mein emi aur tenure aap chun sakte hain processing fee bhi lagegi\n"
                + "kal shaam paanch baje link bhej dunga dhanyavad";
        RubricResult r = scorer.score(vosk);

        assertThat(r.scores().get(OPENING)).isEqualTo(75);
        assertThat(r.scores().get(NEED_DISCOVERY)).isEqualTo(40);
        assertThat(r.product()).isEqualTo(Product.LOANS);
        assertThat(r.scores().get(COMPLIANCE_DISCLOSURES)).isEqualTo(20);
        // a clear ask (40), a time (20) and thanks (10); no follow-up or documents to keep ready
        assertThat(r.scores().get(CLOSING)).isEqualTo(70);
    }

    /**
     * Vosk output of a call with a clear needs question and a full disclosure. Read phrase by phrase, "किस लिए
     * चाहिए" without a question mark was no question, so need discovery scored 0 and took 5 off the skill.
     */
    @Test
    void a_needs_question_and_a_full_disclosure_are_heard_without_punctuation() {
        String vosk = "नमस्ते जी मैं ग्रोमो से बोल रहा हूँ आपको लोन किस लिए चाहिए\n"
                + "प्रोसेसिंग फीस दो प्रतिशत है ब्याज दर चौदह प्रतिशत सालाना है और तीन दिन में रद्द कर सकते हैं शर्तें ऐप में पढ़ लीजिए "
                + "केवाईसी के लिए पैन और आधार चाहिए\n"
                + "कल शाम पांच बजे लिंक भेज दूं";
        RubricResult r = scorer.score(vosk);

        assertThat(r.found()).contains("open question", "need or goal", "charges", "rate", "terms", "kyc", "ask");
        assertThat(r.scores().get(NEED_DISCOVERY)).isEqualTo(40);
        assertThat(r.scores().get(COMPLIANCE_DISCLOSURES)).isEqualTo(70);
        assertThat(SkillDeltas.of(r.scores(), r.notObserved(), r.product(), r.words(), r.violation()).values())
                .allMatch(d -> d >= 0);
    }

    @Test
    void without_speaker_labels_a_question_is_not_taken_for_an_objection() {
        RubricResult r = scorer.score("namaste main ravi gromo se\ndo you already have a loan?\nno i do not\n"
                + "it is too expensive for me\nI understand, but the EMI is only small because the tenure is long");

        assertThat(r.evidence().get(OBJECTION_HANDLING)).containsExactly("objection: it is too expensive for me",
                "answer: I understand, but the EMI is only small because the tenure is long");
        assertThat(r.scores().get(OBJECTION_HANDLING)).isEqualTo(100);
    }

    @Test
    void asking_for_two_minutes_is_part_of_the_opening_not_need_discovery() {
        RubricResult r = scorer.score("Partner: Namaste ji, kya do minute baat kar sakte hain?\nCustomer: Haan.");

        assertThat(r.scores().get(OPENING)).isEqualTo(50);
        assertThat(r.scores().get(NEED_DISCOVERY)).isZero();
    }

    @Test
    void a_call_without_objections_gets_the_neutral_score_and_is_marked_not_observed() {
        RubricResult r = scorer.score("Partner: Hello, I am Ravi from GroMo.\nCustomer: Okay.\nPartner: Shall I send the link? Thank you.");

        assertThat(r.notObserved()).containsExactly(OBJECTION_HANDLING);
        assertThat(r.scores().get(OBJECTION_HANDLING)).isEqualTo(50);
    }

    @Test
    void not_guaranteed_in_the_same_sentence_is_no_promise_but_asking_for_the_otp_is_a_violation() {
        RubricResult honest = scorer.score("Partner: Approval is not guaranteed, so no risk of false hopes.");
        RubricResult otp = scorer.score("Partner: The charges are shown in the app. Please tell me the OTP you received.");

        assertThat(honest.violation()).isFalse();
        assertThat(otp.violation()).isTrue();
        assertThat(otp.scores().get(COMPLIANCE_DISCLOSURES)).isZero();
        assertThat(otp.tips(Language.EN, 3).get(0)).contains("OTP");
    }

    @Test
    void the_customers_words_never_count_for_the_partner() {
        RubricResult r = scorer.score("Partner: Loan chahiye?\nCustomer: Namaste, my name is Asha, is this GroMo? What are the charges and terms?");

        assertThat(r.scores().get(OPENING)).isZero();
        assertThat(r.scores().get(COMPLIANCE_DISCLOSURES)).isZero();
    }

    @Test
    void the_three_tips_follow_the_weakest_items() {
        RubricResult r = scorer.score(Transcripts.HINDI);
        List<String> tips = r.tips(Language.EN, 3);

        // need discovery (60) and product explanation (65) are the weakest; their missing pieces come first
        assertThat(tips).hasSize(3).doesNotHaveDuplicates();
        assertThat(tips.get(0)).contains("depends on them");
        assertThat(tips.get(1)).contains("benefit");
    }

    private static void assertQuotesComeFrom(RubricResult r, String transcript) {
        r.evidence().values().stream().flatMap(List::stream)
                .map(q -> q.replaceFirst("^(objection|answer|violation \\([a-z ]+\\)): ", ""))
                .forEach(q -> assertThat(transcript).contains(q));
    }
}
