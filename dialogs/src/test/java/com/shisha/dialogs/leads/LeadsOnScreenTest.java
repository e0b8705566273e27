package com.shisha.dialogs.leads;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A number opens the lead at that place of the list on screen, and only a lead of that list. */
class LeadsOnScreenTest {

    @Test
    void aNumberIsAPlaceOnTheListShown() {
        LeadsOnScreen screen = LeadsOnScreen.listing(List.of(41L, 7L, 19L));
        assertThat(screen.at(2)).contains(7L);
        assertThat(screen.at(0)).isEmpty();
        assertThat(screen.at(4)).isEmpty();
        assertThat(screen.open(19L).opened()).isEqualTo(19L);
        assertThatThrownBy(() -> screen.open(99L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void survivesTheSlotsAndDropsAnOpenedLeadThatIsNotListed() {
        Map<String, String> slots = new HashMap<>();
        LeadsOnScreen.listing(List.of(3L, 4L)).open(4L).writeTo(slots);
        assertThat(LeadsOnScreen.of(slots)).isEqualTo(new LeadsOnScreen(List.of(3L, 4L), 4L));
        slots.put("lead.id", "5");
        assertThat(LeadsOnScreen.of(slots).opened()).isNull();
    }
}
