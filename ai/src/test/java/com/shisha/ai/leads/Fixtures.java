package com.shisha.ai.leads;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Skill;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Leads and partners for the tests; only the fields the scorer reads vary. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    private Fixtures() {
    }

    static Lead lead(long id, Product product, String city, Lead.CreditBand credit, Instant createdAt) {
        return new Lead(id, "Asha Verma", "+919800000000", 'F', 34, city, null, "Rajasthan", 2, product,
                Lead.IncomeBand.MID, credit, "demo", null, null, createdAt, true, null);
    }

    static Lead withProduct(Lead l, Product product) {
        return new Lead(l.id(), l.name(), l.phone(), l.gender(), l.age(), l.city(), l.cityHi(), l.state(), l.cityTier(),
                product, l.income(), l.credit(), l.source(), l.noteEn(), l.noteHi(), l.createdAt(), l.open(), l.assignedTo());
    }

    static Lead withCity(Lead l, String city) {
        return new Lead(l.id(), l.name(), l.phone(), l.gender(), l.age(), city, l.cityHi(), l.state(), l.cityTier(),
                l.product(), l.income(), l.credit(), l.source(), l.noteEn(), l.noteHi(), l.createdAt(), l.open(), l.assignedTo());
    }

    static Lead withCreatedAt(Lead l, Instant createdAt) {
        return new Lead(l.id(), l.name(), l.phone(), l.gender(), l.age(), l.city(), l.cityHi(), l.state(), l.cityTier(),
                l.product(), l.income(), l.credit(), l.source(), l.noteEn(), l.noteHi(), createdAt, l.open(), l.assignedTo());
    }

    static Lead withCredit(Lead l, Lead.CreditBand credit) {
        return new Lead(l.id(), l.name(), l.phone(), l.gender(), l.age(), l.city(), l.cityHi(), l.state(), l.cityTier(),
                l.product(), l.income(), credit, l.source(), l.noteEn(), l.noteHi(), l.createdAt(), l.open(), l.assignedTo());
    }

    static PartnerContext partner(String city, List<Product> products, Map<Skill, Integer> skills,
                                  Map<Product, PartnerContext.Outcomes> outcomes) {
        return new PartnerContext(7, "+919811111111", "Ravi", Language.EN, city, products, skills, outcomes, 0);
    }

    static PartnerContext withProducts(PartnerContext p, List<Product> products) {
        return new PartnerContext(p.id(), p.phone(), p.name(), p.language(), p.city(), products, p.skills(), p.outcomes(),
                p.points());
    }
}
