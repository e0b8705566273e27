package com.shisha.ai.leads;

import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.LeadScorer;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Skill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A transparent baseline for "which lead should this partner call next": a weighted sum of five factors, each in
 * [0, 1], so every score can be explained to the partner in a few words and re-computed by hand.
 *
 * <pre>
 * score = credit * (0.30 * fit + 0.20 * skill + 0.20 * city + 0.20 * fresh + 0.10 * history)   (default {@link Weights})
 *
 * fit     = 1 if the partner sells the lead's product, else 0.2
 * skill   = the partner's score in that product's skill / 100, or 0.5 if never assessed
 * city    = 1 if the lead is in the partner's city (trimmed, ignoring case, English or Hindi name), else 0.3
 * fresh   = exp(-ageDays * ln 2 / 7): half-life of 7 days, ageDays = max(0, now - createdAt)
 * history = (sold + 1) / (contacted + 5) on that product: the mean of a Beta(1, 4) prior updated with the
 *           partner's outcomes, i.e. 0.2 with no history, tending to 1 as a partner converts every lead
 * credit  = for loans and credit cards only: 0.85 for POOR, 0.95 for NEW, else 1
 * </pre>
 *
 * Not selling the product still leaves 0.2 of the fit because partners add products as they learn them, and a
 * strong local lead is worth showing. Another city still earns 0.3 because we know only the partner's city, not
 * their state, and a lead in a nearby town may be reachable. The prior on past outcomes keeps one lucky or unlucky
 * call from dominating the ranking. The credit multiplier is mild on purpose: a lender decides, not us, and a
 * NEW-to-credit customer is not a bad one.
 *
 * <p>Inputs the database forbids but the records allow (skill scores outside 0-100, negative counts, more sales
 * than contacts, leads created in the future) are clamped rather than rejected, so ranking a partner's leads
 * never fails on one odd row.
 */
public final class BaselineLeadScorer implements LeadScorer {

    private static final double NOT_SOLD_FIT = 0.2;
    private static final double UNASSESSED_SKILL = 0.5;
    private static final double OTHER_CITY = 0.3;
    private static final double HALF_LIFE_DAYS = 7;
    private static final double PRIOR_SALES = 1;
    private static final double PRIOR_NON_SALES = 4;
    private static final double POOR_CREDIT = 0.85;
    private static final double NEW_TO_CREDIT = 0.95;
    private static final double SECONDS_PER_DAY = 86_400;

    private final Weights weights;

    public BaselineLeadScorer() {
        this(Weights.DEFAULT);
    }

    public BaselineLeadScorer(Weights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    @Override
    public Score score(PartnerContext partner, Lead lead, Instant now) {
        Product product = lead.product();
        Factor fit = productFit(partner, product);
        Factor skill = skill(partner, product);
        Factor city = city(partner, lead);
        Factor fresh = freshness(lead, now);
        Factor history = history(partner, product);
        Factor credit = credit(lead);
        double weighted = weights.productFit() * fit.value() + weights.skill() * skill.value()
                + weights.city() * city.value() + weights.freshness() * fresh.value()
                + weights.outcomes() * history.value();
        List<String> reasons = new ArrayList<>(List.of(fit.reason(), skill.reason(), city.reason(), fresh.reason(),
                history.reason()));
        if (credit.reason() != null) {
            reasons.add(credit.reason());
        }
        // the weights sum to 1 only within rounding, so the sum may overshoot 1 by an ulp
        return new Score(clamp(weighted * credit.value()), reasons);
    }

    /** The leads scored for this partner, best first (see {@link Scored#BEST_FIRST}). */
    public List<Scored> rank(PartnerContext partner, Collection<Lead> leads, Instant now) {
        return leads.stream().map(lead -> new Scored(lead, score(partner, lead, now))).sorted(Scored.BEST_FIRST).toList();
    }

    private static Factor productFit(PartnerContext partner, Product product) {
        return partner.products().contains(product)
                ? new Factor(1, "sells " + label(product))
                : new Factor(NOT_SOLD_FIT, "does not sell " + label(product) + " yet");
    }

    private static Factor skill(PartnerContext partner, Product product) {
        Integer score = partner.skills().get(Skill.of(product));
        if (score == null) {
            return new Factor(UNASSESSED_SKILL, label(product) + " skill not assessed yet");
        }
        int bounded = Math.max(0, Math.min(100, score));
        return new Factor(bounded / 100.0, "your " + label(product) + " skill " + bounded);
    }

    private static Factor city(PartnerContext partner, Lead lead) {
        String home = normalise(partner.city());
        if (home.isEmpty()) {
            return new Factor(OTHER_CITY, "your city is not set");
        }
        // partners may type their city in Hindi during onboarding; leads carry both names
        boolean same = home.equalsIgnoreCase(normalise(lead.city())) || home.equalsIgnoreCase(normalise(lead.cityHi()));
        return same ? new Factor(1, "same city") : new Factor(OTHER_CITY, "other city");
    }

    private static Factor freshness(Lead lead, Instant now) {
        Duration age = Duration.between(lead.createdAt(), now);
        // seconds rather than millis: Duration.toMillis overflows for instants far apart
        double days = age.isNegative() ? 0 : (age.getSeconds() + age.getNano() / 1e9) / SECONDS_PER_DAY;
        double value = Math.exp(-days * Math.log(2) / HALF_LIFE_DAYS);
        long wholeDays = (long) days;
        String reason = wholeDays == 0 ? "new today" : wholeDays == 1 ? "1 day old" : wholeDays + " days old";
        return new Factor(value, reason);
    }

    private static Factor history(PartnerContext partner, Product product) {
        PartnerContext.Outcomes outcomes = partner.outcomes().get(product);
        long sold = outcomes == null ? 0 : Math.max(0, outcomes.sold());
        // a sale implies a contact, so an inconsistent row counts at least as many contacts as sales
        long contacted = outcomes == null ? 0 : Math.max(sold, outcomes.contacted());
        double value = (sold + PRIOR_SALES) / (contacted + PRIOR_SALES + PRIOR_NON_SALES);
        String reason = contacted == 0
                ? "no " + label(product) + " leads worked yet"
                : "sold " + sold + " of " + contacted + " " + label(product) + " leads";
        return new Factor(clamp(value), reason);
    }

    private static Factor credit(Lead lead) {
        boolean lending = lead.product() == Product.LOANS || lead.product() == Product.CREDIT_CARDS;
        if (lending && lead.credit() == Lead.CreditBand.POOR) {
            return new Factor(POOR_CREDIT, "poor credit, harder to approve");
        }
        if (lending && lead.credit() == Lead.CreditBand.NEW) {
            return new Factor(NEW_TO_CREDIT, "new to credit");
        }
        return new Factor(1, null);
    }

    /** "credit cards", "savings": the skill names partners see in the quiz. */
    private static String label(Product product) {
        return Skill.of(product).code().replace('_', ' ');
    }

    private static String normalise(String city) {
        return city == null ? "" : city.trim();
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    /** One factor's value in [0, 1] and the phrase that explains it; a null reason means "nothing to say". */
    private record Factor(double value, String reason) {
    }
}
