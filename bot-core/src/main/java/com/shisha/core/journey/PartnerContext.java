package com.shisha.core.journey;

import com.shisha.core.Language;
import com.shisha.core.Product;

import java.util.List;
import java.util.Map;

/**
 * What the journey knows about a partner when deciding for them: profile, skills and past outcomes per product.
 *
 * @param skills   current score (0-100) per assessed skill; a skill never assessed is absent
 * @param outcomes per product: leads contacted and sales closed so far
 * @param state    the state of the partner's city; null for profiles stored before places were kept
 * @param place    where the partner's city is; null when unknown
 */
public record PartnerContext(long id, String phone, String name, Language language, String city, List<Product> products,
                             Map<Skill, Integer> skills, Map<Product, Outcomes> outcomes, int points, String state,
                             GeoPoint place) {

    public PartnerContext(long id, String phone, String name, Language language, String city, List<Product> products,
                          Map<Skill, Integer> skills, Map<Product, Outcomes> outcomes, int points) {
        this(id, phone, name, language, city, products, skills, outcomes, points, null, null);
    }

    public record Outcomes(int contacted, int sold) {
    }

    public PartnerContext {
        products = List.copyOf(products);
        skills = Map.copyOf(skills);
        outcomes = Map.copyOf(outcomes);
    }
}
