package com.shisha.persistence.seed;

import com.shisha.persistence.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JourneySeederTest {

    private final JourneySeeder seeder = JourneySeeder.fromSeedFiles();
    private JdbcClient jdbc;

    @BeforeEach
    void freshDatabase() {
        jdbc = TestDatabase.fresh();
    }

    @Test
    void seedingTwiceLeavesTheSameRowsUntouched() {
        long t0 = System.nanoTime();
        seeder.seedContent(jdbc);
        long t1 = System.nanoTime();
        Map<String, Long> first = counts();
        String firstWrites = lastWrites();

        long t2 = System.nanoTime();
        seeder.seedContent(jdbc);
        System.out.printf("seeding took %d ms into an empty database, %d ms again%n",
                (t1 - t0) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);

        assertThat(first).isEqualTo(Map.of("quiz_questions", 45L, "partners", 8L, "community_tips", 24L));
        assertThat(counts()).isEqualTo(first);
        assertThat(lastWrites()).as("unchanged rows are not rewritten").isEqualTo(firstWrites);
    }

    @Test
    void questionsAreStoredWithTheirAnswerLetterAndBothLanguages() {
        seeder.seedContent(jdbc);

        Map<String, Object> row = jdbc.sql("""
                        select skill, topic, difficulty, answer, en->>'q' as q_en, en->'options'->>1 as b_en,
                               jsonb_array_length(hi->'options') as options_hi, hi->>'explain' as explain_hi
                        from quiz_questions where id = 'loans-01'""")
                .query().singleRow();
        assertThat(row).containsEntry("skill", "loans").containsEntry("topic", "eligibility")
                .containsEntry("difficulty", 1).containsEntry("answer", "B")
                .containsEntry("b_en", "CIBIL credit score").containsEntry("options_hi", 4);
        assertThat((String) row.get("q_en")).startsWith("Before approving a personal loan");
        assertThat((String) row.get("explain_hi")).startsWith("बैंक CIBIL स्कोर");
    }

    @Test
    void topPartnersGetProductNamesAndTheirTips() {
        seeder.seedContent(jdbc);

        Map<String, Object> sunita = jdbc.sql("""
                        select name, city, language, array_to_string(products, ',') as products, points,
                               onboarded_at is not null as onboarded
                        from partners where phone = '+919800100001'""")
                .query().singleRow();
        assertThat(sunita).containsEntry("name", "Sunita Verma").containsEntry("city", "Indore")
                .containsEntry("language", "en").containsEntry("products", "INSURANCE,SAVINGS_ACCOUNTS")
                .containsEntry("points", 1840).containsEntry("onboarded", true);
        List<String> tips = jdbc.sql("""
                        select t.id || ':' || t.skill || ':' || coalesce(t.product, '-') from community_tips t
                        join partners p on p.id = t.partner_id
                        where t.id in ('tip-01', 'tip-20') order by t.id""")
                .query(String.class).list();
        assertThat(tips).containsExactly("tip-01:objection_handling:INSURANCE", "tip-20:compliance:-");
        assertThat(jdbc.sql("select count(distinct partner_id) from community_tips").query(Long.class).single()).isEqualTo(8);
    }

    @Test
    void pointsEarnedBeyondTheFileAreKeptAndLowerOnesRaised() {
        seeder.seedContent(jdbc);
        jdbc.sql("update partners set points = 5000 where phone = '+919800100002'").update();
        jdbc.sql("update partners set points = 10 where phone = '+919800100003'").update();

        seeder.seedContent(jdbc);

        assertThat(points("+919800100002")).isEqualTo(5000);
        assertThat(points("+919800100003")).isEqualTo(1520);
    }

    @Test
    void aPartnersOwnLanguageAndOnboardingDateSurviveReseeding() {
        seeder.seedContent(jdbc);
        jdbc.sql("update partners set language = 'hi', onboarded_at = '2025-01-01T00:00:00Z' where phone = '+919800100004'").update();

        seeder.seedContent(jdbc);

        assertThat(jdbc.sql("select language || ' ' || to_char(onboarded_at at time zone 'UTC', 'YYYY-MM-DD') from partners where phone = '+919800100004'")
                .query(String.class).single()).isEqualTo("hi 2025-01-01");
    }

    private int points(String phone) {
        return jdbc.sql("select points from partners where phone = :phone").param("phone", phone).query(Integer.class).single();
    }

    private Map<String, Long> counts() {
        return Map.of(
                "quiz_questions", count("quiz_questions"),
                "partners", count("partners"),
                "community_tips", count("community_tips"));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Transaction ids of the rows' last writes: a rewrite changes them even when the values are equal. */
    private String lastWrites() {
        return jdbc.sql("""
                        select (select string_agg(xmin::text, ',' order by id) from quiz_questions) || '|' ||
                               (select string_agg(xmin::text, ',' order by id) from partners) || '|' ||
                               (select string_agg(xmin::text, ',' order by id) from community_tips)""")
                .query(String.class).single();
    }
}
