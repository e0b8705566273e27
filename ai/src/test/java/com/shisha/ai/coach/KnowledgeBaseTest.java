package com.shisha.ai.coach;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.Skill;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeBaseTest {

    private static final String GOOD = """
            ## loans.emi | EMI explained
            products: loans
            skills: loans, need_discovery
            An EMI is the fixed amount paid every month until the loan is closed.
            - A longer tenure lowers the EMI but raises the total interest.

            ## sales.opening | Opening a call
            products: none
            skills: closing
            Say who you are and why you call, then ask whether now is a good time to talk.
            """;

    @Test
    void loadsBothShippedLanguagesWithTheSameFiftySections() {
        KnowledgeBase kb = KnowledgeBase.load();

        assertThat(kb.ids()).hasSize(55);
        assertThat(kb.sections(Language.EN)).hasSize(55);
        assertThat(kb.sections(Language.HI)).hasSize(55);
        KbSection hi = kb.section("loans.gold-loan", Language.HI).orElseThrow();
        assertThat(hi.title()).contains("गोल्ड");
        assertThat(hi.products()).containsExactly(Product.LOANS);
        assertThat(kb.section("sales.listening", Language.EN).orElseThrow().products()).isEmpty();
    }

    @Test
    void parsesHeaderFieldsAndBody() {
        List<KbSection> sections = KnowledgeBase.parse("test.md", GOOD, Language.EN);

        assertThat(sections).extracting(KbSection::id).containsExactly("loans.emi", "sales.opening");
        KbSection emi = sections.get(0);
        assertThat(emi.title()).isEqualTo("EMI explained");
        assertThat(emi.skills()).containsExactlyInAnyOrder(Skill.LOANS, Skill.NEED_DISCOVERY);
        assertThat(emi.statements()).containsExactly("An EMI is the fixed amount paid every month until the loan is closed.",
                "A longer tenure lowers the EMI but raises the total interest.");
    }

    @Test
    void aMissingProductsLineNamesTheSection() {
        String bad = GOOD.replace("products: none\n", "");
        assertThatThrownBy(() -> KnowledgeBase.parse("kb.en.md", bad, Language.EN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kb.en.md").hasMessageContaining("sales.opening")
                .hasMessageContaining("products:");
    }

    @Test
    void anUnknownProductOrSkillNamesTheSection() {
        assertThatThrownBy(() -> KnowledgeBase.parse("kb.en.md", GOOD.replace("products: loans", "products: loans, crypto"), Language.EN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("loans.emi").hasMessageContaining("crypto");
        assertThatThrownBy(() -> KnowledgeBase.parse("kb.en.md", GOOD.replace("skills: closing", "skills: juggling"), Language.EN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sales.opening").hasMessageContaining("juggling");
    }

    @Test
    void aBrokenHeaderADuplicateIdAndAnEmptyTextAreRefused() {
        assertThatThrownBy(() -> KnowledgeBase.parse("kb.en.md", GOOD.replace("## sales.opening | Opening a call", "## sales.opening Opening a call"), Language.EN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'## id | title'").hasMessageContaining("loans.emi");
        assertThatThrownBy(() -> KnowledgeBase.parse("kb.en.md", GOOD.replace("sales.opening", "loans.emi"), Language.EN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("loans.emi").hasMessageContaining("twice");
        String empty = GOOD.substring(0, GOOD.indexOf("## sales.opening")) + "## sales.opening | Opening\nproducts: none\nskills: closing\n\n";
        assertThatThrownBy(() -> KnowledgeBase.parse("kb.en.md", empty, Language.EN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sales.opening").hasMessageContaining("text");
    }

    @Test
    void languagesMustHoldTheSameIds() {
        List<KbSection> en = KnowledgeBase.parse("en", GOOD, Language.EN);
        List<KbSection> hi = KnowledgeBase.parse("hi", GOOD.replace("sales.opening", "sales.other"), Language.HI);
        assertThatThrownBy(() -> KnowledgeBase.of(en, hi)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sales.opening").hasMessageContaining("sales.other");
    }

    @Test
    void questionsNameSectionsOfTheGuide() {
        KnowledgeBase kb = KnowledgeBase.load();
        assertThat(kb.ids()).allSatisfy(id -> assertThat(kb.questions(id)).as(id).isNotEmpty());
        assertThat(kb.offTopic()).isNotEmpty();
        assertThat(KnowledgeBase.parseQuestions("q.tsv", "section\tquestion\nloans.emi\tHow is EMI worked out?\n",
                java.util.Set.of("loans.emi"))).containsEntry("loans.emi", List.of("How is EMI worked out?"));
        assertThatThrownBy(() -> KnowledgeBase.parseQuestions("q.tsv", "loans.nothing\tWhat is it?\n", java.util.Set.of("loans.emi")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("q.tsv line 1").hasMessageContaining("loans.nothing");
    }
}
