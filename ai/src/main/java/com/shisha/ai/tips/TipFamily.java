package com.shisha.ai.tips;

import com.shisha.core.Product;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a lead actually wants, finer than the product: a vehicle loan and a gold loan are both LOANS, but the
 * opening line for one is wrong for the other. Each family belongs to one product; the product's general family
 * stands when the note says nothing more specific.
 */
public enum TipFamily {
    PERSONAL_LOAN(Product.LOANS, true),
    VEHICLE_LOAN(Product.LOANS, false),
    HOME_LOAN(Product.LOANS, false),
    BUSINESS_LOAN(Product.LOANS, false),
    GOLD_LOAN(Product.LOANS, false),
    EDUCATION_LOAN(Product.LOANS, false),
    MEDICAL_LOAN(Product.LOANS, false),
    /** Rejected before, no salary slip, low CIBIL: the question is whether they can get a loan at all. */
    LOAN_ELIGIBILITY(Product.LOANS, false),
    CREDIT_CARD(Product.CREDIT_CARDS, true),
    INSURANCE_GENERAL(Product.INSURANCE, true),
    HEALTH_INSURANCE(Product.INSURANCE, false),
    LIFE_INSURANCE(Product.INSURANCE, false),
    MOTOR_INSURANCE(Product.INSURANCE, false),
    SHOP_INSURANCE(Product.INSURANCE, false),
    SAVINGS(Product.SAVINGS_ACCOUNTS, true),
    INVESTING(Product.DEMAT, true);

    private final Product product;
    private final boolean general;

    TipFamily(Product product, boolean general) {
        this.product = product;
        this.general = general;
    }

    public Product product() {
        return product;
    }

    /** The product's catch-all: what a lead of that product gets when the note names no narrower need. */
    public boolean general() {
        return general;
    }

    public static List<TipFamily> of(Product product) {
        return Arrays.stream(values()).filter(f -> f.product == product).toList();
    }

    public static TipFamily generalOf(Product product) {
        return Arrays.stream(values()).filter(f -> f.product == product && f.general).findFirst().orElseThrow();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TipFamily ofCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
