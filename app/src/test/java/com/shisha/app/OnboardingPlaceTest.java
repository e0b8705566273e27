package com.shisha.app;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A city typed in a sentence is stored as the gazetteer's place: the canonical name, its state and its
 * coordinates, in the partners table the lead ranking reads.
 */
class OnboardingPlaceTest extends AbstractPipelineTest {

    @Test
    void theConfirmedProfileStoresTheCanonicalCityWithStateAndCoordinates() {
        String phone = freshPhone();
        sayAndAwaitReply(phone, "namaste");
        sayAndAwaitReply(phone, "mera naam Gita Rao hai");
        sayAndAwaitReply(phone, "1");
        assertThat(sayAndAwaitReply(phone, "main toh Lukhnow UP se hoon").body()).contains("Which products");
        sayAndAwaitReply(phone, "2,3");
        assertThat(sayAndAwaitReply(phone, "haan sahi hai").body()).contains("You are all set, Gita Rao!");

        Map<String, Object> row = jdbc.sql("select name, city, state, latitude, longitude from partners where phone = :p")
                .param("p", phone).query().singleRow();
        assertThat(row).containsEntry("name", "Gita Rao").containsEntry("city", "Lucknow").containsEntry("state", "Uttar Pradesh");
        assertThat((Double) row.get("latitude")).isBetween(26.7, 27.0);
        assertThat((Double) row.get("longitude")).isBetween(80.8, 81.1);
    }
}
