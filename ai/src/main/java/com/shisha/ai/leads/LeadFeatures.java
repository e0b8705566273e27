package com.shisha.ai.leads;

import com.shisha.core.Product;
import com.shisha.core.journey.Lead;
import com.shisha.core.journey.PartnerContext;
import com.shisha.core.journey.Skill;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static com.shisha.ai.leads.LeadFeature.*;

/**
 * Turns (partner, lead, now) into the values of {@link LeadFeature}, for training and for scoring alike: one
 * extraction, so the model is always fed what it learned from. Odd rows are read the way the baseline reads them:
 * quiz scores clamped to 0-100, negative counts as 0, more sales than contacts as that many contacts, a lead dated
 * in the future as new.
 */
public final class LeadFeatures {

    static final double SECONDS_PER_DAY = 86_400;
    private static final double FAST_DAYS = 2;
    private static final double SLOW_DAYS = 14;
    private static final double PRIOR_SALES = 1;
    private static final double PRIOR_NON_SALES = 4;

    private LeadFeatures() {
    }

    /** A new array of {@link LeadFeature#COUNT} values. */
    public static double[] extract(PartnerContext partner, Lead lead, Instant now) {
        double[] x = new double[LeadFeature.COUNT];
        extract(partner, lead, now, x);
        return x;
    }

    /** Writes every value into {@code x} (length {@link LeadFeature#COUNT}), so a caller may reuse one array. */
    public static void extract(PartnerContext partner, Lead lead, Instant now, double[] x) {
        Arrays.fill(x, 0);
        Product product = lead.product();
        x[productFeature(product).ordinal()] = 1;
        x[SELLS.ordinal()] = partner.products().contains(product) ? 1 : 0;

        Integer skill = partner.skills().get(Skill.of(product));
        if (skill == null) {
            x[SKILL_UNASSESSED.ordinal()] = 1;
        } else {
            x[skillFeature(product).ordinal()] = centred(skill);
        }
        Integer closing = partner.skills().get(Skill.CLOSING);
        if (closing == null) {
            x[CLOSING_UNASSESSED.ordinal()] = 1;
        } else {
            x[CLOSING.ordinal()] = centred(closing);
        }

        credit(product, lead.credit(), x);
        income(product, lead.income(), x);

        double days = ageDays(lead, now);
        x[FRESH_FAST.ordinal()] = Math.exp(-days / FAST_DAYS);
        x[FRESH_SLOW.ordinal()] = Math.exp(-days / SLOW_DAYS);
        LeadFeature source = sourceFeature(lead.source());
        if (source != null) {
            x[source.ordinal()] = 1;
        }

        if (sameCity(partner, lead)) {
            x[(lead.cityTier() <= 1 ? SAME_CITY_TIER1 : lead.cityTier() == 2 ? SAME_CITY_TIER2 : SAME_CITY_TIER3)
                    .ordinal()] = 1;
        }

        x[HISTORY_PRODUCT.ordinal()] = historyRate(partner.outcomes().get(product));
        long sold = 0;
        long contacted = 0;
        for (PartnerContext.Outcomes o : partner.outcomes().values()) {
            long s = Math.max(0, o.sold());
            sold += s;
            contacted += Math.max(s, o.contacted());
        }
        x[HISTORY_ALL.ordinal()] = (sold + PRIOR_SALES) / (contacted + PRIOR_SALES + PRIOR_NON_SALES);

        int age = lead.age();
        switch (product) {
            case INSURANCE -> {
                x[INSURANCE_AGE_25_45.ordinal()] = age >= 25 && age <= 45 ? 1 : 0;
                x[INSURANCE_AGE_OVER_55.ordinal()] = age > 55 ? 1 : 0;
            }
            case DEMAT -> x[DEMAT_AGE_UNDER_35.ordinal()] = age < 35 ? 1 : 0;
            case CREDIT_CARDS -> x[CARD_AGE_UNDER_25.ordinal()] = age < 25 ? 1 : 0;
            case LOANS, SAVINGS_ACCOUNTS -> {
            }
        }
    }

    /** Days since the lead was created, 0 for a lead dated in the future. */
    static double ageDays(Lead lead, Instant now) {
        Duration age = Duration.between(lead.createdAt(), now);
        // seconds rather than millis: Duration.toMillis overflows for instants far apart
        return age.isNegative() ? 0 : (age.getSeconds() + age.getNano() / 1e9) / SECONDS_PER_DAY;
    }

    /** Same city by its English or Hindi name, trimmed and ignoring case: partners may type either at onboarding. */
    static boolean sameCity(PartnerContext partner, Lead lead) {
        String home = partner.city() == null ? "" : partner.city().trim();
        return !home.isEmpty() && (home.equalsIgnoreCase(trim(lead.city())) || home.equalsIgnoreCase(trim(lead.cityHi())));
    }

    /** (sold + 1) / (contacted + 5): 0.2 with no history. */
    static double historyRate(PartnerContext.Outcomes outcomes) {
        long sold = outcomes == null ? 0 : Math.max(0, outcomes.sold());
        long contacted = outcomes == null ? 0 : Math.max(sold, outcomes.contacted());
        return (sold + PRIOR_SALES) / (contacted + PRIOR_SALES + PRIOR_NON_SALES);
    }

    /** The source feature of a lead source code, null for a code the model does not know. */
    static LeadFeature sourceFeature(String source) {
        if (source == null) {
            return null;
        }
        return switch (source) {
            case "gromo_app" -> SOURCE_GROMO_APP;
            case "customer_referral" -> SOURCE_CUSTOMER_REFERRAL;
            case "walk_in" -> SOURCE_WALK_IN;
            case "social_ad" -> SOURCE_SOCIAL_AD;
            case "missed_call" -> SOURCE_MISSED_CALL;
            case "community_camp" -> SOURCE_COMMUNITY_CAMP;
            case "own_contact" -> SOURCE_OWN_CONTACT;
            default -> null;
        };
    }

    private static void credit(Product product, Lead.CreditBand band, double[] x) {
        LeadFeature f = switch (product) {
            case CREDIT_CARDS -> switch (band) {
                case POOR -> CARD_CREDIT_POOR;
                case NEW -> CARD_CREDIT_NEW;
                case GOOD -> CARD_CREDIT_GOOD;
                case EXCELLENT -> CARD_CREDIT_EXCELLENT;
                case FAIR -> null;
            };
            case LOANS -> switch (band) {
                case POOR -> LOAN_CREDIT_POOR;
                case NEW -> LOAN_CREDIT_NEW;
                case GOOD -> LOAN_CREDIT_GOOD;
                case EXCELLENT -> LOAN_CREDIT_EXCELLENT;
                case FAIR -> null;
            };
            case SAVINGS_ACCOUNTS -> band == Lead.CreditBand.NEW ? SAVINGS_CREDIT_NEW : null;
            case INSURANCE, DEMAT -> null;
        };
        if (f != null) {
            x[f.ordinal()] = 1;
        }
    }

    private static void income(Product product, Lead.IncomeBand band, double[] x) {
        LeadFeature f = switch (product) {
            case DEMAT -> band == Lead.IncomeBand.HIGH ? DEMAT_INCOME_HIGH : band == Lead.IncomeBand.LOW ? DEMAT_INCOME_LOW : null;
            case CREDIT_CARDS -> band == Lead.IncomeBand.HIGH ? CARD_INCOME_HIGH : band == Lead.IncomeBand.LOW ? CARD_INCOME_LOW : null;
            case INSURANCE -> band == Lead.IncomeBand.LOW ? INSURANCE_INCOME_LOW : null;
            case SAVINGS_ACCOUNTS -> band == Lead.IncomeBand.LOW ? SAVINGS_INCOME_LOW : null;
            case LOANS -> band == Lead.IncomeBand.HIGH ? LOAN_INCOME_HIGH : band == Lead.IncomeBand.LOW ? LOAN_INCOME_LOW : null;
        };
        if (f != null) {
            x[f.ordinal()] = 1;
        }
    }

    static LeadFeature productFeature(Product product) {
        return switch (product) {
            case LOANS -> PRODUCT_LOANS;
            case CREDIT_CARDS -> PRODUCT_CREDIT_CARDS;
            case INSURANCE -> PRODUCT_INSURANCE;
            case SAVINGS_ACCOUNTS -> PRODUCT_SAVINGS;
            case DEMAT -> PRODUCT_DEMAT;
        };
    }

    private static LeadFeature skillFeature(Product product) {
        return switch (product) {
            case LOANS -> SKILL_LOANS;
            case CREDIT_CARDS -> SKILL_CREDIT_CARDS;
            case INSURANCE -> SKILL_INSURANCE;
            case SAVINGS_ACCOUNTS -> SKILL_SAVINGS;
            case DEMAT -> SKILL_DEMAT;
        };
    }

    /** A quiz score as (score - 50) / 50, clamped to 0-100 first. */
    static double centred(int score) {
        return (Math.max(0, Math.min(100, score)) - 50) / 50.0;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
