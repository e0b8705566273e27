package com.shisha.core.journey;

import com.shisha.core.Product;

import java.util.Arrays;
import java.util.Optional;

/** The skills of the SHISHA strand, in display order. The codes match the skills table and the quiz bank. */
public enum Skill {
    LOANS(Product.LOANS),
    CREDIT_CARDS(Product.CREDIT_CARDS),
    INSURANCE(Product.INSURANCE),
    SAVINGS(Product.SAVINGS_ACCOUNTS),
    DEMAT(Product.DEMAT),
    NEED_DISCOVERY(null),
    OBJECTION_HANDLING(null),
    CLOSING(null),
    COMPLIANCE(null);

    private final Product product;

    Skill(Product product) {
        this.product = product;
    }

    public String code() {
        return name().toLowerCase();
    }

    /** The product this skill is knowledge of; empty for sales and compliance skills. */
    public Optional<Product> product() {
        return Optional.ofNullable(product);
    }

    public static Skill ofCode(String code) {
        return valueOf(code.toUpperCase());
    }

    public static Skill of(Product product) {
        return Arrays.stream(values()).filter(s -> s.product == product).findFirst().orElseThrow();
    }

    /** Level 1-5 from a 0-100 score: 0-19 -> 1, ..., 80-100 -> 5. */
    public static int level(int score) {
        return Math.min(5, score / 20 + 1);
    }
}
