package com.shisha.persistence.jdbc;

import com.shisha.core.Product;
import com.shisha.core.journey.GeoPoint;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.LeadMatcher;
import com.shisha.core.journey.LeadScorer;
import com.shisha.core.journey.Nearness;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.PlaceLocator;
import com.shisha.persistence.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Leads near the partner first, against real PostgreSQL: the partner's town, then the towns around, then far. */
class NearLeadsTest {

    private static final Map<String, GeoPoint> TOWNS = Map.of(
            "Indore", new GeoPoint(22.7196, 75.8577), "Ujjain", new GeoPoint(23.1765, 75.7885),
            "Surat", new GeoPoint(21.1702, 72.8311), "Delhi", new GeoPoint(28.6517, 77.2219),
            "Kolkata", new GeoPoint(22.5697, 88.3697));
    private static final PlaceLocator LOCATOR = (city, state) -> Optional.ofNullable(TOWNS.get(city));

    private JdbcClient jdbc;

    @BeforeEach
    void freshDatabase() {
        jdbc = JdbcClient.create(TestDatabase.freshDataSource());
    }

    private void lead(String city, String product, int hoursOld) {
        jdbc.sql("""
                        insert into leads (name, phone, gender, age, city, state, city_tier, product, income_band, credit_band,
                                           source, note_en, created_at)
                        values ('Test Lead', '+919000000000', 'F', 30, :city, 'State of ' || :city, 2, :product, 'MID', 'GOOD',
                                'walk_in', 'note', now() - make_interval(hours => :h))""")
                .param("city", city).param("product", product).param("h", hoursOld).update();
    }

    private long partner(String city) {
        return jdbc.sql("""
                        insert into partners (phone, name, language, city, products, onboarded_at)
                        values ('+919700000301', 'P', 'en', :city, string_to_array('LOANS,CREDIT_CARDS', ','), now()) returning id""")
                .param("city", city).query(Long.class).single();
    }

    @Test
    void thePartnersTownThenTheTownsAroundThenFarCardsThenFarLoans() {
        // the far leads are the freshest and a newest-first scorer likes them best: nearness must still win
        lead("Delhi", "LOANS", 0);
        lead("Kolkata", "CREDIT_CARDS", 0);
        lead("Surat", "LOANS", 1);
        lead("Ujjain", "LOANS", 5);
        lead("Indore", "LOANS", 30);
        long id = partner("Indore");
        PlaceBackfill.Filled filled = PlaceBackfill.fill(jdbc, LOCATOR);
        assertThat(filled.leads()).isEqualTo(5);
        assertThat(filled.partners()).isEqualTo(1);

        JdbcJourney journey = new JdbcJourney(jdbc);
        PartnerContext p = journey.partner("+919700000301").orElseThrow();
        assertThat(p.place()).isEqualTo(TOWNS.get("Indore"));
        LeadScorer newestFirst = (partner, lead, now) -> new LeadScorer.Score(
                1.0 / (1 + (now.getEpochSecond() - lead.createdAt().getEpochSecond()) / 3600.0), List.of("newest"));
        List<LeadMatcher.Ranked> offered = new LeadMatcher(journey, newestFirst, Clock.systemUTC()).offer(p, 4);

        // a card sells over the phone from anywhere; a loan 300 km (Surat) or 650 km (Delhi) away comes last
        assertThat(offered).extracting(r -> r.lead().city()).containsExactly("Indore", "Ujjain", "Kolkata", "Delhi");
        assertThat(offered).extracting(LeadMatcher.Ranked::nearness)
                .containsExactly(Nearness.SAME_CITY, Nearness.NEAR, Nearness.REMOTE_SALE, Nearness.FAR);
        assertThat(offered.get(1).lead().place()).isEqualTo(TOWNS.get("Ujjain"));
    }

    @Test
    void theListOnScreenIsReadBackInItsOwnOrderWithoutTheLeadsNoLongerHeld() {
        for (int i = 0; i < 3; i++) {
            lead("Indore", "LOANS", i);
        }
        long id = partner("Indore");
        JdbcJourney journey = new JdbcJourney(jdbc);
        List<Long> ids = jdbc.sql("select id from leads order by id").query(Long.class).list();
        journey.reserve(id, ids, java.time.Duration.ofHours(1));
        jdbc.sql("update leads set reserved_until = now() - interval '1 minute' where id = :id").param("id", ids.get(1)).update();
        PartnerContext p = journey.partner("+919700000301").orElseThrow();
        LeadScorer flat = (partner, lead, now) -> new LeadScorer.Score(0.5, List.of());

        List<Long> shown = List.of(ids.get(2), ids.get(1), ids.get(0));
        List<Lead> listed = new LeadMatcher(journey, flat, Clock.systemUTC()).listed(p, shown).stream()
                .map(LeadMatcher.Ranked::lead).toList();

        assertThat(listed).extracting(Lead::id).containsExactly(ids.get(2), ids.get(0));
        assertThat(listed).allMatch(l -> l.createdAt().isBefore(Instant.now()) && l.product() == Product.LOANS);
    }
}
