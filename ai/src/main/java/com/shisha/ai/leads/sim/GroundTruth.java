package com.shisha.ai.leads.sim;

import com.shisha.core.Product;
import com.shisha.core.journey.Lead;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The hidden chance that a simulated contact converts. It is invented, not measured: a plausible story of how
 * GroMo leads behave, written to be unlike the baseline's weighted sum so a learned model has something to find.
 *
 * <pre>
 * logit = base(product) + sells(+0.7 / -0.9) + credit(band, product) + income(band, product)
 *       + skillSlope(product) * (trueSkill - 50) / 50      (insurance 1.6 ... savings 0.3; below 40 insurance loses 0.4 more)
 *       + 0.4 * (trueClosing - 50) / 50 + 0.35 * talent
 *       - 1.3 * (1 - exp(-ageDays / tau)) - 0.025 * ageDays   (tau 4 days, 1.5 for missed-call leads)
 *       + sameCity(tier 1 +0.15, tier 2 +0.5, tier 3 +1.1) or +0.25 for another city of the partner's state
 *       + source(referral +0.9 ... missed call -0.6) + age(product)
 * p = 1 / (1 + exp(-logit))
 * </pre>
 *
 * The credit table is the main interaction: a poor credit band almost never gets a card, and hurts a loan less,
 * while it does not matter for insurance or savings. The partner's state and true skills are not visible to any
 * scorer, so even a perfect model of the visible features cannot reach the AUC of this probability.
 */
final class GroundTruth {

    private static final Map<Product, Double> BASE = Map.of(Product.LOANS, -2.1, Product.CREDIT_CARDS, -2.0,
            Product.INSURANCE, -2.4, Product.SAVINGS_ACCOUNTS, -1.2, Product.DEMAT, -1.9);
    private static final Map<Product, Double> SKILL_SLOPE = Map.of(Product.LOANS, 0.5, Product.CREDIT_CARDS, 0.5,
            Product.INSURANCE, 1.6, Product.SAVINGS_ACCOUNTS, 0.3, Product.DEMAT, 0.9);
    private static final Map<String, Double> SOURCE = Map.of("customer_referral", 0.9, "own_contact", 0.7,
            "walk_in", 0.6, "community_camp", 0.2, "gromo_app", 0.0, "social_ad", -0.4, "missed_call", -0.6);
    private static final double SECONDS_PER_DAY = 86_400;

    private GroundTruth() {
    }

    static double probability(SimulatedPartner partner, Lead lead, Instant at) {
        Product product = lead.product();
        double logit = BASE.get(product);
        logit += partner.sells(product) ? 0.7 : -0.9;
        logit += credit(lead.credit(), product);
        logit += income(lead.income(), product);
        double skill = partner.trueSkill().get(product);
        logit += SKILL_SLOPE.get(product) * (skill - 50) / 50;
        if (product == Product.INSURANCE && skill < 40) {
            logit -= 0.4;
        }
        logit += 0.4 * (partner.trueClosing() - 50) / 50 + 0.35 * partner.talent();
        double ageDays = Math.max(0, Duration.between(lead.createdAt(), at).getSeconds() / SECONDS_PER_DAY);
        double tau = "missed_call".equals(lead.source()) ? 1.5 : 4;
        logit += -1.3 * (1 - Math.exp(-ageDays / tau)) - 0.025 * ageDays;
        logit += place(partner.city(), lead);
        logit += SOURCE.getOrDefault(lead.source(), 0.0);
        logit += age(lead.age(), product);
        return 1 / (1 + Math.exp(-logit));
    }

    private static double credit(Lead.CreditBand band, Product product) {
        return switch (product) {
            case CREDIT_CARDS -> switch (band) {
                case POOR -> -2.4;
                case NEW -> -1.0;
                case FAIR -> -0.2;
                case GOOD -> 0.4;
                case EXCELLENT -> 0.7;
            };
            case LOANS -> switch (band) {
                case POOR -> -1.2;
                case NEW -> -0.5;
                case FAIR -> 0.0;
                case GOOD -> 0.4;
                case EXCELLENT -> 0.5;
            };
            case SAVINGS_ACCOUNTS -> band == Lead.CreditBand.NEW ? 0.2 : 0.0;
            case INSURANCE, DEMAT -> 0.0;
        };
    }

    private static double income(Lead.IncomeBand band, Product product) {
        return switch (product) {
            case DEMAT -> band == Lead.IncomeBand.HIGH ? 0.8 : band == Lead.IncomeBand.LOW ? -0.7 : 0.0;
            case CREDIT_CARDS -> band == Lead.IncomeBand.HIGH ? 0.5 : band == Lead.IncomeBand.LOW ? -0.4 : 0.0;
            case INSURANCE -> band == Lead.IncomeBand.LOW ? 0.0 : 0.3;
            case SAVINGS_ACCOUNTS -> band == Lead.IncomeBand.LOW ? 0.2 : 0.0;
            case LOANS -> 0.0;
        };
    }

    private static double place(SimCities.City home, Lead lead) {
        if (home.name().equals(lead.city())) {
            return switch (lead.cityTier()) {
                case 1 -> 0.15;
                case 2 -> 0.5;
                default -> 1.1;
            };
        }
        return home.state().equals(lead.state()) ? 0.25 : 0.0;
    }

    private static double age(int age, Product product) {
        return switch (product) {
            case INSURANCE -> age >= 25 && age <= 45 ? 0.3 : age > 55 ? -0.3 : 0.0;
            case CREDIT_CARDS -> age < 25 ? -0.3 : 0.0;
            case DEMAT -> age < 35 ? 0.3 : 0.0;
            case LOANS, SAVINGS_ACCOUNTS -> 0.0;
        };
    }
}
