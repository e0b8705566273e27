package com.shisha.ai.leads;

/**
 * What a {@link LeadFeature} is about, in the partner's terms. The learned scorer adds up its features' pulls per
 * factor and explains the strongest factors, so "fresh" and "very fresh" read as one reason, not two.
 */
public enum Factor {
    PRODUCT, SELLS, SKILL, CLOSING, CREDIT, INCOME, FRESHNESS, CITY, SOURCE, HISTORY, AGE
}
