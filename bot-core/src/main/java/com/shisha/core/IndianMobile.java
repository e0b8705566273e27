package com.shisha.core;

/**
 * A mobile number as Indians type it (98123 45678, 09812345678, 91-98123-45678, +91 98123 45678) in E.164 (+919812345678).
 * Anything else is returned as typed, for validation to refuse.
 */
public final class IndianMobile {

    private IndianMobile() {
    }

    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = typed.strip().replaceAll("[\\s\\-().]", "");
        boolean plus = digits.startsWith("+");
        String rest = plus ? digits.substring(1) : digits;
        if (!rest.matches("[0-9]+")) {
            return typed;
        }
        if (!plus && rest.length() == 10) {
            return "+91" + rest;
        }
        if (!plus && rest.length() == 11 && rest.startsWith("0")) {
            return "+91" + rest.substring(1);
        }
        if (rest.length() == 12 && rest.startsWith("91")) {
            return "+" + rest;
        }
        if (!plus && rest.length() == 13 && rest.startsWith("091")) {
            return "+" + rest.substring(1);
        }
        return typed;
    }
}
