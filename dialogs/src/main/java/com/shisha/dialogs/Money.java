package com.shisha.dialogs;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rupees the Indian way: 1,50,000 (lakh grouping), paise only when there are any. */
public final class Money {

    private Money() {
    }

    public static String format(BigDecimal amount) {
        BigDecimal value = amount.setScale(2, RoundingMode.HALF_UP);
        boolean negative = value.signum() < 0;
        String plain = value.abs().toPlainString();
        String whole = plain.substring(0, plain.indexOf('.'));
        String paise = plain.substring(plain.indexOf('.') + 1);
        StringBuilder out = new StringBuilder();
        int n = whole.length();
        for (int i = 0; i < n; i++) {
            out.append(whole.charAt(i));
            int left = n - 1 - i;
            if (left > 0 && (left == 3 || left > 3 && (left - 3) % 2 == 0)) {
                out.append(',');
            }
        }
        if (!paise.equals("00")) {
            out.append('.').append(paise);
        }
        return (negative ? "-" : "") + out;
    }
}
