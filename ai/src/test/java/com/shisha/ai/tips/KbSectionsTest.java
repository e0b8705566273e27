package com.shisha.ai.tips;

import com.shisha.core.Language;
import com.shisha.core.Product;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KbSectionsTest {

    private final KbSections kb = new KbSections();

    @Test
    void every_product_has_sections_with_the_same_ids_in_both_languages() {
        for (Product product : Product.values()) {
            var en = kb.forProduct(product, Language.EN);
            var hi = kb.forProduct(product, Language.HI);
            assertThat(en).as(product.name()).isNotEmpty();
            assertThat(hi.stream().map(KbSections.Section::id)).containsExactlyElementsOf(en.stream().map(KbSections.Section::id).toList());
        }
    }

    @Test
    void a_section_holds_its_title_and_text_without_the_metadata_lines() {
        var section = kb.byId("loans.eligibility-cibil", Language.EN).orElseThrow();

        assertThat(section.title()).isEqualTo("Loan eligibility and the CIBIL score");
        assertThat(section.products()).containsExactly("loans");
        assertThat(section.text()).startsWith("Lenders decide eligibility").contains("300 to 900")
                .doesNotContain("skills:").doesNotContain("## ");
        assertThat(kb.byId("loans.eligibility-cibil", Language.HI).orElseThrow().text()).contains("CIBIL");
        assertThat(kb.byId("no.such-section", Language.EN)).isEmpty();
    }
}
