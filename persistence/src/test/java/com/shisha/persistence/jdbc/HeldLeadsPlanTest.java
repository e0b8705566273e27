package com.shisha.persistence.jdbc;

import com.shisha.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's own holds are found through their index whatever the statistics say. With statistics taken before any
 * lead was held (a fresh import: autoanalyze waits for a tenth of the rows to change), the planner once read them
 * from the expired-holds index and went through every held lead on every LEADS turn.
 */
class HeldLeadsPlanTest {

    /** The held part of {@link JdbcJourney#candidates} and of {@link JdbcJourney#heldLeads(long)}. */
    private static final String HELD = "select id from leads where status = 'OPEN' and assigned_to = :p"
            + " and reserved_until > now() order by created_at desc limit 40";

    private static List<String> planOfHeld(JdbcClient jdbc, long partner) {
        return jdbc.sql("explain " + HELD.replace(":p", Long.toString(partner))).query(String.class).list();
    }

    private static long seedWithStatisticsFromBeforeAnyHold(JdbcClient jdbc) {
        jdbc.sql("""
                        insert into partners (phone, name, language, city, products, onboarded_at)
                        select '+9197000' || lpad(i::text, 5, '0'), 'P' || i, 'en', 'Indore', '{LOANS}', now()
                        from generate_series(1, 200) i""").update();
        jdbc.sql("""
                        insert into leads (name, phone, gender, age, city, state, city_tier, product, income_band,
                                           credit_band, source, created_at)
                        select 'Lead', '+919000000000', 'F', 30, 'Indore', 'Madhya Pradesh', 2,
                               (array['LOANS','INSURANCE','CREDIT_CARDS'])[1 + i % 3], 'MID', 'GOOD', 'walk_in',
                               now() - make_interval(mins => i)
                        from generate_series(1, 20000) i""").update();
        jdbc.sql("analyze leads").update();
        // then partners take leads: 200 partners, 15 each, none of it in the statistics yet
        jdbc.sql("""
                        update leads set assigned_to = (select min(id) from partners) + (leads.id % 200),
                                         reserved_until = now() + interval '72 hours'
                        where leads.id % 20000 < 3000""").update();
        return jdbc.sql("select min(id) from partners").query(Long.class).single();
    }

    @Test
    void aPartnersHoldsAreReadThroughTheirOwnIndexWithStaleStatistics() {
        JdbcClient jdbc = TestDatabase.fresh();
        long partner = seedWithStatisticsFromBeforeAnyHold(jdbc);

        assertThat(String.join("\n", planOfHeld(jdbc, partner))).contains("leads_by_assignee");
    }

    @Test
    void theExpiredHoldsStillHaveTheirIndex() {
        JdbcClient jdbc = TestDatabase.fresh();
        seedWithStatisticsFromBeforeAnyHold(jdbc);
        jdbc.sql("update leads set reserved_until = now() - interval '1 hour' where assigned_to is not null and id % 2 = 0")
                .update();
        jdbc.sql("analyze leads").update();

        List<String> plan = jdbc.sql("explain select id from leads where product = 'LOANS' and status = 'OPEN'"
                + " and assigned_to is not null and reserved_until < now() order by reserved_until desc limit 40")
                .query(String.class).list();
        assertThat(String.join("\n", plan)).contains("leads_expired_by_product");
    }
}
