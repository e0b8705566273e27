package com.shisha.persistence.seed;

import com.shisha.core.Product;
import com.shisha.core.journey.Lead.CreditBand;
import com.shisha.core.journey.Lead.IncomeBand;
import com.shisha.persistence.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LeadGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final LeadGenerator generator = LeadGenerator.fromSeedFiles();
    private static List<GeneratedLead> many;

    @BeforeAll
    static void generateMany() {
        many = generator.generate(100_000, 7, NOW);
    }

    @Test
    void theSameSeedGivesTheSameLeads() {
        assertThat(generator.generate(2_000, 42, NOW)).isEqualTo(generator.generate(2_000, 42, NOW));
        assertThat(generator.generate(2_000, 43, NOW)).isNotEqualTo(generator.generate(2_000, 42, NOW));
        assertThat(generator.generate(500, 7, NOW)).isEqualTo(many.subList(0, 500));
    }

    @Test
    void phonesAreIndianMobileNumbersUniqueAcrossAHundredThousand() {
        Set<String> phones = new HashSet<>();
        for (GeneratedLead lead : many) {
            assertThat(lead.phone()).matches("\\+91[6-9]\\d{9}");
            phones.add(lead.phone().substring(4)); // unique even ignoring the first digit
        }
        assertThat(phones).hasSize(many.size());
    }

    @Test
    void theMixLooksLikeIndia() {
        assertThat(many.stream().map(GeneratedLead::cityTier).collect(Collectors.toSet())).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(share(l -> l.cityTier() == 2)).isBetween(0.42, 0.48);
        assertThat(many.stream().map(GeneratedLead::product).collect(Collectors.toSet())).isEqualTo(EnumSet.allOf(Product.class));
        assertThat(share(l -> l.product() == Product.LOANS)).isGreaterThan(share(l -> l.product() == Product.DEMAT));
        assertThat(share(l -> l.product() == Product.INSURANCE)).isGreaterThan(share(l -> l.product() == Product.SAVINGS_ACCOUNTS));

        assertThat(many).allSatisfy(l -> assertThat(l.age()).isBetween(21, 65));
        assertThat(share(l -> l.age() >= 25 && l.age() <= 45)).isGreaterThan(0.6);

        assertThat(share(l -> l.income() == IncomeBand.LOW)).isBetween(0.42, 0.48);
        assertThat(share(l -> l.income() == IncomeBand.HIGH)).isBetween(0.12, 0.18);
        assertThat(shareWithin(l -> l.cityTier() == 1, l -> l.income() == IncomeBand.HIGH))
                .isGreaterThan(2 * shareWithin(l -> l.cityTier() == 3, l -> l.income() == IncomeBand.HIGH));

        assertThat(many.stream().map(GeneratedLead::credit).collect(Collectors.toSet())).isEqualTo(EnumSet.allOf(CreditBand.class));
        assertThat(shareWithin(l -> l.age() < 25, l -> l.credit() == CreditBand.NEW))
                .isGreaterThan(2 * shareWithin(l -> l.age() > 35, l -> l.credit() == CreditBand.NEW));

        assertThat(many.stream().map(GeneratedLead::source).collect(Collectors.toSet()))
                .contains("gromo_app", "walk_in", "customer_referral");
        assertThat(many.stream().map(GeneratedLead::gender).collect(Collectors.toSet())).containsExactlyInAnyOrder('F', 'M');
        assertThat(many).allSatisfy(l -> {
            assertThat(l.createdAt()).isBetween(NOW.minus(Duration.ofDays(30)), NOW);
            assertThat(l.name()).matches("\\S+ \\S+.*");
            assertThat(l.noteEn()).isNotBlank();
            assertThat(l.noteHi()).isNotBlank();
            assertThat(l.cityHi()).isNotBlank();
        });
    }

    @Test
    void namesComeFromTheCitysRegion() {
        People people = People.load();
        Map<String, String> regionOfCity = people.cities().stream()
                .collect(Collectors.toMap(People.City::name, People.City::region));
        assertThat(many.subList(0, 5_000)).allSatisfy(l -> {
            People.Names names = people.names().get(regionOfCity.get(l.city()));
            String first = l.name().substring(0, l.name().indexOf(' '));
            assertThat(l.gender() == 'F' ? names.female() : names.male()).contains(first);
            assertThat(names.surnames()).contains(l.name().substring(first.length() + 1));
        });
    }

    @Test
    void insertsAHundredThousandLeads() {
        JdbcClient jdbc = TestDatabase.fresh();

        long t0 = System.nanoTime();
        int inserted = generator.insertLeads(jdbc, 100_000, 7, NOW);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("inserting 100,000 leads took %d ms%n", millis);

        assertThat(inserted).isEqualTo(100_000);
        assertThat(jdbc.sql("select count(*) from leads").query(Long.class).single()).isEqualTo(100_000L);
        assertThat(jdbc.sql("select count(distinct phone) from leads").query(Long.class).single()).isEqualTo(100_000L);
        GeneratedLead sample = many.get(12_345);
        GeneratedLead stored = jdbc.sql("""
                        select name, phone, gender, age, city, city_hi, state, city_tier, product, income_band,
                               credit_band, source, note_en, note_hi, created_at, status, assigned_to
                        from leads where phone = :phone""")
                .param("phone", sample.phone())
                .query((rs, n) -> {
                    assertThat(rs.getString("status")).isEqualTo("OPEN");
                    assertThat(rs.getObject("assigned_to")).isNull();
                    return new GeneratedLead(rs.getString("name"), rs.getString("phone"), rs.getString("gender").charAt(0),
                            rs.getInt("age"), rs.getString("city"), rs.getString("city_hi"), rs.getString("state"),
                            rs.getInt("city_tier"), Product.valueOf(rs.getString("product")),
                            IncomeBand.valueOf(rs.getString("income_band")), CreditBand.valueOf(rs.getString("credit_band")),
                            rs.getString("source"), rs.getString("note_en"), rs.getString("note_hi"),
                            rs.getTimestamp("created_at").toInstant());
                })
                .single();
        assertThat(stored).isEqualTo(sample);
    }

    private static double share(Predicate<GeneratedLead> p) {
        return many.stream().filter(p).count() / (double) many.size();
    }

    private static double shareWithin(Predicate<GeneratedLead> group, Predicate<GeneratedLead> p) {
        List<GeneratedLead> members = many.stream().filter(group).toList();
        return members.stream().filter(p).count() / (double) members.size();
    }
}
