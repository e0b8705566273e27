package com.shisha.ai.tips;

import com.shisha.core.Language;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PitchTipCheckTest {

    private static final Set<String> IDS = Set.of("insurance.free-look-period");
    private static final String SECTION = "The free-look period is 15 days from receiving the policy (30 days for some).";

    @Test
    void a_grounded_tip_in_the_right_language_passes() {
        assertThat(PitchTipCheck.problem("Tell them they can return the policy within 15 days if it does not suit them.",
                "insurance.free-look-period", IDS, SECTION, Language.EN)).isEmpty();
        assertThat(PitchTipCheck.problem("बताएँ कि पॉलिसी पसंद न आए तो १५ दिन में लौटा सकते हैं।",
                " insurance.free-look-period ", IDS, SECTION, Language.HI)).isEmpty();
    }

    @Test
    void a_number_no_section_states_is_refused() {
        assertThat(PitchTipCheck.problem("Tell them they can return the policy within 45 days, no questions asked.",
                "insurance.free-look-period", IDS, SECTION, Language.EN)).get().asString().contains("45");
        // 5 is inside 15 but is not a number the section states
        assertThat(PitchTipCheck.problem("Tell them they can return the policy within 5 days if it does not suit.",
                "insurance.free-look-period", IDS, SECTION, Language.EN)).isPresent();
    }

    @Test
    void promises_are_refused_unless_negated() {
        assertThat(PitchTipCheck.problem("Say the claim is guaranteed to be paid, so they lose nothing by buying.",
                "insurance.free-look-period", IDS, SECTION, Language.EN)).get().asString().startsWith("tip promises");
        assertThat(PitchTipCheck.problem("Returns are not guaranteed; explain the free-look period instead.",
                "insurance.free-look-period", IDS, SECTION, Language.EN)).isEmpty();
        assertThat(PitchTipCheck.problem("Tell them there is no risk at all in buying this policy today.",
                "insurance.free-look-period", IDS, SECTION, Language.EN)).isPresent();
        assertThat(PitchTipCheck.problem("कहें कि क्लेम पक्का मिलेगा, इसलिए आज ही पॉलिसी लें।",
                "insurance.free-look-period", IDS, SECTION, Language.HI)).isPresent();
    }

    @Test
    void an_unknown_source_a_wrong_language_and_bad_lengths_are_refused() {
        String fine = "Tell them they can return the policy if it does not suit them.";
        assertThat(PitchTipCheck.problem(fine, "insurance.health", IDS, SECTION, Language.EN)).isPresent();
        assertThat(PitchTipCheck.problem(fine, null, IDS, SECTION, Language.EN)).isPresent();
        assertThat(PitchTipCheck.problem(fine, "insurance.free-look-period", IDS, SECTION, Language.HI)).isPresent();
        assertThat(PitchTipCheck.problem("  ", "insurance.free-look-period", IDS, SECTION, Language.EN)).isPresent();
        assertThat(PitchTipCheck.problem("x".repeat(301), "insurance.free-look-period", IDS, SECTION, Language.EN)).isPresent();
    }
}
