package com.shisha.ai.leads;

import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Skill;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.shisha.ai.leads.Fixtures.NOW;

/**
 * Partners and leads for the scorers' properties, including rows the database would refuse (skill scores outside
 * 0-100, negative or inconsistent counts) and leads dated far in the past or in the future.
 */
final class LeadArbitraries {

    static final long DAY = 86_400;
    static final List<String> CITIES = List.of("Jaipur", "Pune", "Lucknow", "Indore");
    static final List<String> SOURCES = List.of("gromo_app", "customer_referral", "walk_in", "social_ad", "missed_call",
            "community_camp", "own_contact", "demo");

    private LeadArbitraries() {
    }

    static Arbitrary<PartnerContext> partners() {
        Arbitrary<List<Product>> products = Arbitraries.subsetOf(Product.values()).map(List::copyOf);
        Arbitrary<Map<Skill, Integer>> skills = Arbitraries.maps(Arbitraries.of(Skill.class), Arbitraries.integers());
        Arbitrary<Map<Product, PartnerContext.Outcomes>> outcomes =
                Arbitraries.maps(Arbitraries.of(Product.class), outcomes());
        return Combinators.combine(cities(), products, skills, outcomes).as(Fixtures::partner);
    }

    static Arbitrary<Lead> leads() {
        Arbitrary<Instant> recent = Arbitraries.longs().between(-30 * DAY, 3650 * DAY).map(NOW::minusSeconds);
        Arbitrary<Instant> extreme = Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH);
        return leads(Arbitraries.frequencyOf(Tuple.of(20, recent), Tuple.of(1, extreme)), Arbitraries.of(Product.class));
    }

    static Arbitrary<Lead> leads(Arbitrary<Instant> createdAt, Arbitrary<Product> products) {
        Arbitrary<Long> ids = Arbitraries.longs().between(1, 10_000);
        Arbitrary<Integer> ages = Arbitraries.integers().between(18, 100);
        Arbitrary<String> cities = Arbitraries.oneOf(Arbitraries.of(CITIES), Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> hindiCities = Arbitraries.of("जयपुर", "पुणे").injectNull(0.5);
        Arbitrary<Integer> tiers = Arbitraries.integers().between(1, 3);
        Arbitrary<String> sources = Arbitraries.of(SOURCES).injectNull(0.05);
        Arbitrary<Lead> base = Combinators.combine(ids, ages, cities, hindiCities, products,
                        Arbitraries.of(Lead.IncomeBand.class), Arbitraries.of(Lead.CreditBand.class), createdAt)
                .as((id, age, city, cityHi, product, income, credit, created) -> new Lead(id, "Asha Verma",
                        "+919800000000", 'F', age, city, cityHi, "Rajasthan", 2, product, income, credit, "demo", null,
                        null, created, true, null));
        return Combinators.combine(base, tiers, sources).as((l, tier, source) -> new Lead(l.id(), l.name(), l.phone(),
                l.gender(), l.age(), l.city(), l.cityHi(), l.state(), tier, l.product(), l.income(), l.credit(), source,
                l.noteEn(), l.noteHi(), l.createdAt(), l.open(), l.assignedTo()));
    }

    /** Any counts at all: negative ones and more sales than contacts must not break the score either. */
    static Arbitrary<PartnerContext.Outcomes> outcomes() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers()).as(PartnerContext.Outcomes::new);
    }

    /** Partner cities as onboarding may store them, including unset ones. */
    static Arbitrary<String> cities() {
        return Arbitraries.oneOf(Arbitraries.of(CITIES), Arbitraries.of(" jaipur ", "JAIPUR", "जयपुर", "", "  "),
                Arbitraries.strings().ofMaxLength(12)).injectNull(0.1);
    }
}
