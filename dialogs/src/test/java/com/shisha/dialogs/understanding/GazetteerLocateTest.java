package com.shisha.dialogs.understanding;

import com.shisha.core.journey.GeoPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The gazetteer as the place locator of seeded and imported leads. */
class GazetteerLocateTest {

    private final Gazetteer india = Gazetteer.india();

    @Test
    void locatesStoredCitiesWithTheirStateAndByTheirOtherNames() {
        GeoPoint indore = india.locate("Indore", "Madhya Pradesh").orElseThrow();
        GeoPoint ujjain = india.locate("Ujjain", null).orElseThrow();
        assertThat(indore.km(ujjain)).isBetween(40.0, 70.0);
        assertThat(india.locate("Aurangabad", "Bihar").orElseThrow().km(india.locate("Aurangabad", "Maharashtra").orElseThrow()))
                .as("two towns of one name").isGreaterThan(1000);
        assertThat(india.locate("Margao", "Goa")).isPresent();
        assertThat(india.locate("Atlantis", null)).isEmpty();
    }
}
