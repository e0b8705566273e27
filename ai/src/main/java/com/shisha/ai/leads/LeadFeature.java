package com.shisha.ai.leads;

import java.util.List;

/**
 * The inputs of the learned lead model, in the order of its coefficient vector. Every value is in [-1, 1] so one
 * learning rate suits all of them. The model file names each feature by {@link #key()}; a file whose names differ
 * from this list is refused, so renaming or reordering here forces a retrain.
 *
 * <p>{@code nonNegative} features must have a weight of at least zero: they are the ones where "more" must never
 * lower a score (fresher, same city, sells the product, a higher quiz score). Each of them rises with its input
 * and appears in no other feature with a sign that could undo it, so a model that respects the signs is monotone
 * in those inputs.
 */
public enum LeadFeature {
    /** One per product: how easily its leads convert at all. */
    PRODUCT_LOANS(Factor.PRODUCT, false),
    PRODUCT_CREDIT_CARDS(Factor.PRODUCT, false),
    PRODUCT_INSURANCE(Factor.PRODUCT, false),
    PRODUCT_SAVINGS(Factor.PRODUCT, false),
    PRODUCT_DEMAT(Factor.PRODUCT, false),
    /** 1 if the partner sells the lead's product. */
    SELLS(Factor.SELLS, true),
    /** (quiz score - 50) / 50 in the lead's product, 0 if not assessed; one per product because skill matters more for some. */
    SKILL_LOANS(Factor.SKILL, true),
    SKILL_CREDIT_CARDS(Factor.SKILL, true),
    SKILL_INSURANCE(Factor.SKILL, true),
    SKILL_SAVINGS(Factor.SKILL, true),
    SKILL_DEMAT(Factor.SKILL, true),
    /** 1 if the partner never took the quiz of the lead's product. */
    SKILL_UNASSESSED(Factor.SKILL, false),
    /** (closing quiz score - 50) / 50, 0 if not assessed. */
    CLOSING(Factor.CLOSING, true),
    CLOSING_UNASSESSED(Factor.CLOSING, false),
    /** Credit band by lending product; FAIR is the reference, and credit is not asked for other products. */
    CARD_CREDIT_POOR(Factor.CREDIT, false),
    CARD_CREDIT_NEW(Factor.CREDIT, false),
    CARD_CREDIT_GOOD(Factor.CREDIT, false),
    CARD_CREDIT_EXCELLENT(Factor.CREDIT, false),
    LOAN_CREDIT_POOR(Factor.CREDIT, false),
    LOAN_CREDIT_NEW(Factor.CREDIT, false),
    LOAN_CREDIT_GOOD(Factor.CREDIT, false),
    LOAN_CREDIT_EXCELLENT(Factor.CREDIT, false),
    SAVINGS_CREDIT_NEW(Factor.CREDIT, false),
    /** Income band by product, MID the reference. */
    DEMAT_INCOME_HIGH(Factor.INCOME, false),
    DEMAT_INCOME_LOW(Factor.INCOME, false),
    CARD_INCOME_HIGH(Factor.INCOME, false),
    CARD_INCOME_LOW(Factor.INCOME, false),
    INSURANCE_INCOME_LOW(Factor.INCOME, false),
    SAVINGS_INCOME_LOW(Factor.INCOME, false),
    LOAN_INCOME_HIGH(Factor.INCOME, false),
    LOAN_INCOME_LOW(Factor.INCOME, false),
    /** exp(-age / 2 days) and exp(-age / 14 days): a fast and a slow decay, mixed by their weights. */
    FRESH_FAST(Factor.FRESHNESS, true),
    FRESH_SLOW(Factor.FRESHNESS, true),
    /** 1 if the lead is in the partner's city, by the city's tier: small towns trust a local face more. */
    SAME_CITY_TIER1(Factor.CITY, true),
    SAME_CITY_TIER2(Factor.CITY, true),
    SAME_CITY_TIER3(Factor.CITY, true),
    /** One per lead source; an unknown source has none. */
    SOURCE_GROMO_APP(Factor.SOURCE, false),
    SOURCE_CUSTOMER_REFERRAL(Factor.SOURCE, false),
    SOURCE_WALK_IN(Factor.SOURCE, false),
    SOURCE_SOCIAL_AD(Factor.SOURCE, false),
    SOURCE_MISSED_CALL(Factor.SOURCE, false),
    SOURCE_COMMUNITY_CAMP(Factor.SOURCE, false),
    SOURCE_OWN_CONTACT(Factor.SOURCE, false),
    /** (sold + 1) / (contacted + 5) in the lead's product, and over all products: the baseline's Beta(1, 4) prior. */
    HISTORY_PRODUCT(Factor.HISTORY, false),
    HISTORY_ALL(Factor.HISTORY, false),
    /** Life stage by product: insurance suits 25-45, demat the under-35s, cards are hard below 25. */
    INSURANCE_AGE_25_45(Factor.AGE, false),
    INSURANCE_AGE_OVER_55(Factor.AGE, false),
    DEMAT_AGE_UNDER_35(Factor.AGE, false),
    CARD_AGE_UNDER_25(Factor.AGE, false);

    public static final List<LeadFeature> ALL = List.of(values());
    public static final int COUNT = ALL.size();

    private final Factor factor;
    private final boolean nonNegative;

    LeadFeature(Factor factor, boolean nonNegative) {
        this.factor = factor;
        this.nonNegative = nonNegative;
    }

    public Factor factor() {
        return factor;
    }

    public boolean nonNegative() {
        return nonNegative;
    }

    /** The name in the model file: "fresh_fast". */
    public String key() {
        return name().toLowerCase();
    }
}
