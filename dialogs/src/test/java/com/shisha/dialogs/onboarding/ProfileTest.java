package com.shisha.dialogs.onboarding;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.dialogs.understanding.Gazetteer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The onboarding state guards its own moves and survives the slots' round trip. */
class ProfileTest {

    private static Profile complete() {
        return Profile.of(Map.of()).withName("Asha").withLanguage(Language.HI)
                .withCity(Gazetteer.india().byName("Bhopal").orElseThrow()).withProducts(List.of(Product.LOANS));
    }

    @Test
    void asksTheQuestionsInOrderAndConfirmsOnlyWhenComplete() {
        Profile empty = Profile.of(Map.of());
        assertThat(empty.missing()).contains(Profile.Field.NAME);
        assertThat(empty.withName("Asha").missing()).contains(Profile.Field.LANGUAGE);
        assertThatThrownBy(() -> empty.withName("Asha").confirm()).isInstanceOf(IllegalStateException.class);
        assertThat(complete().missing()).isEmpty();
        assertThat(complete().confirm().confirmed()).isTrue();
    }

    @Test
    void editingClearsTheFieldAndTheConfirmationAndNothingElse() {
        Profile edited = complete().startEditing().edit(Profile.Field.CITY);
        assertThat(edited.city()).isNull();
        assertThat(edited.state()).isNull();
        assertThat(edited.latitude()).isNull();
        assertThat(edited.name()).isEqualTo("Asha");
        assertThat(edited.editing()).isFalse();
        assertThat(edited.missing()).contains(Profile.Field.CITY);
        assertThatThrownBy(() -> complete().edit(Profile.Field.NAME)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> complete().confirm().startEditing()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> complete().withProducts(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void survivesTheSlotsWithTheCitysStateAndCoordinates() {
        Map<String, String> slots = new HashMap<>();
        complete().confirm().writeTo(slots);
        Profile back = Profile.of(slots);
        assertThat(back).isEqualTo(complete().confirm());
        assertThat(back.state()).isEqualTo("Madhya Pradesh");
        assertThat(back.latitude()).isBetween(23.0, 23.5);
    }
}
