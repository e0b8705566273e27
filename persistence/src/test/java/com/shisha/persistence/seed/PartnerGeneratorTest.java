package com.shisha.persistence.seed;

import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.dialog.ConversationState;
import com.shisha.persistence.jdbc.JdbcConversationStore;
import com.shisha.persistence.jdbc.Json;
import com.shisha.persistence.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerGeneratorTest {

    private final PartnerGenerator generator = PartnerGenerator.fromSeedFiles();
    private JdbcClient jdbc;

    @BeforeEach
    void freshDatabase() {
        jdbc = TestDatabase.fresh();
    }

    @Test
    void everyPartnerRestsAtTheMainMenuWithTheSlotsOnboardingLeaves() {
        assertThat(generator.insertPartners(jdbc, 3_000, 11)).isEqualTo(3_000);

        assertThat(count("select count(*) from partners where onboarded_at <= now() and onboarded_at > now() - interval '181 days'"))
                .isEqualTo(3_000);
        assertThat(count("""
                select count(*) from partners p join conversations c on c.address = p.phone
                where c.conversation_key = 'whatsapp:' || p.phone and c.channel = 'WHATSAPP' and c.step = 'MAIN_MENU'
                  and c.language = p.language and c.slots->>'language' = p.language
                  and c.slots->>'name' = p.name and c.slots->>'city' = p.city
                  and c.slots->>'products' = array_to_string(p.products, ',') and c.slots->>'confirmed' = 'true'
                  and (select count(*) from jsonb_object_keys(c.slots)) = 5""")).isEqualTo(3_000);

        // read back as the pipeline does: the dialog must find a confirmed profile in the partner's language
        String phone = jdbc.sql("select phone from partners where language = 'hi' order by id limit 1").query(String.class).single();
        ConversationState state = new JdbcConversationStore(jdbc, new Json(), null, java.time.Duration.ofSeconds(30)).load( // load needs no transactions
                ConversationKey.parse("whatsapp:" + phone));
        assertThat(state.step()).isEqualTo("MAIN_MENU");
        assertThat(state.language()).isEqualTo(Language.HI);
        assertThat(state.slots()).containsOnlyKeys("name", "language", "city", "products", "confirmed")
                .containsEntry("language", "hi").containsEntry("confirmed", "true");
    }

    @Test
    void phonesAreUniqueAndApartFromTheDemoPartners() {
        generator.insertPartners(jdbc, 3_000, 11);

        List<String> phones = jdbc.sql("select phone from partners").query(String.class).list();
        assertThat(phones).hasSize(3_000).doesNotHaveDuplicates()
                .allSatisfy(p -> assertThat(p).matches("\\+9197\\d{8}"));
    }

    @Test
    void productsAndLanguagesAreMixed() {
        generator.insertPartners(jdbc, 3_000, 11);

        List<String[]> products = jdbc.sql("select array_to_string(products, ',') from partners").query(String.class).list()
                .stream().map(s -> s.split(",")).toList();
        assertThat(products).allSatisfy(p -> assertThat(p.length).isBetween(1, 3));
        assertThat(products.stream().flatMap(Arrays::stream).distinct())
                .containsExactlyInAnyOrder("LOANS", "CREDIT_CARDS", "INSURANCE", "SAVINGS_ACCOUNTS", "DEMAT");
        assertThat(count("select count(*) from partners where language = 'hi'")).isBetween(750L, 1050L);
        assertThat(count("select count(*) from partners where language = 'en'")).isBetween(1950L, 2250L);
    }

    @Test
    void runningAgainAddsOnlyTheMissingPartners() {
        generator.insertPartners(jdbc, 1_000, 11);
        Map<String, Object> before = jdbc.sql("select max(updated_at) as p, (select max(updated_at) from conversations) as c from partners")
                .query().singleRow();

        assertThat(generator.insertPartners(jdbc, 1_000, 12)).isZero();
        assertThat(jdbc.sql("select max(updated_at) as p, (select max(updated_at) from conversations) as c from partners")
                .query().singleRow()).isEqualTo(before);
        assertThat(generator.insertPartners(jdbc, 2_500, 11)).isEqualTo(1_500);
        assertThat(count("select count(*) from partners")).isEqualTo(2_500);
        assertThat(count("select count(*) from conversations")).isEqualTo(2_500);
    }

    @Test
    void aNumberCaughtMidOnboardingIsCompleted() {
        jdbc.sql("""
                insert into conversations (conversation_key, channel, address, step, slots)
                values ('whatsapp:+919700000000', 'WHATSAPP', '+919700000000', 'ASK_CITY', '{"name": "X"}')""").update();

        generator.insertPartners(jdbc, 1, 11);

        assertThat(jdbc.sql("select step || ' ' || version from conversations where address = '+919700000000'")
                .query(String.class).single()).isEqualTo("MAIN_MENU 1");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
