package com.shisha.dialogs;

import com.shisha.core.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Counts read right: "1 day", not "1 days". */
class CataloguePluralsTest {

    private final Catalogue catalogue = new Catalogue();

    @Test
    void englishCountsTakeTheSingularForOne() {
        assertThat(catalogue.text(Language.EN, "leads.fresh_days", 1)).isEqualTo("1 day old");
        assertThat(catalogue.text(Language.EN, "leads.fresh_days", 3)).isEqualTo("3 days old");
        assertThat(catalogue.text(Language.EN, "leads.fresh_days", 0)).isEqualTo("0 days old");
        assertThat(catalogue.text(Language.EN, "progress.points", 5, 1, 2, 3, 4)).contains("Streak: 1 day ·");
        assertThat(catalogue.text(Language.EN, "progress.points", 5, 2, 2, 3, 4)).contains("Streak: 2 days ·");
        assertThat(catalogue.text(Language.EN, "award.badge", "First sale", 1)).endsWith("(+1 point)");
        assertThat(catalogue.text(Language.EN, "award.badge", "First sale", 1500)).endsWith("(+1,500 points)");
    }

    @Test
    void hindiKeepsItsOwnWords() {
        assertThat(catalogue.text(Language.HI, "leads.fresh_days", 1)).isEqualTo("1 दिन पुरानी");
        assertThat(catalogue.text(Language.HI, "progress.points", 5, 1, 2, 3, 4)).contains("लगातार: 1 दिन");
    }
}
