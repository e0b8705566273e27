package com.shisha.ai.leads.sim;

import com.shisha.core.Product;
import com.shisha.core.journey.PartnerContext;

import java.util.Map;

/**
 * A simulated partner: what the bot would know ({@link #context}) and what it cannot ({@code talent}, the true
 * skills). The ground truth reads the hidden traits; a scorer sees only the context, where skills are noisy quiz
 * scores or missing, as they are in production.
 *
 * @param talent       the partner's general selling ability, standard normal
 * @param trueSkill    per product, the skill (0-100) the partner really has, assessed or not
 * @param trueClosing  the closing skill (0-100) the partner really has
 */
record SimulatedPartner(PartnerContext context, SimCities.City city, double talent, Map<Product, Double> trueSkill,
                        double trueClosing) {

    boolean sells(Product product) {
        return context.products().contains(product);
    }
}
