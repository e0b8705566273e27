package com.shisha.core;

/** The financial products GroMo partners sell, in the order the onboarding menu lists them. */
public enum Product {
    LOANS,
    CREDIT_CARDS,
    INSURANCE,
    SAVINGS_ACCOUNTS,
    DEMAT
}
