package com.shisha.core;

/** Phone numbers are personal data: logs show only enough to tell two numbers apart. */
public final class PhoneMask {

    private PhoneMask() {
    }

    /** {@code +919812345678} becomes {@code +91******78}; short or odd values keep at most their last two characters. */
    public static String mask(String value) {
        if (value == null) {
            return "null";
        }
        String v = value;
        String prefix = "";
        int colon = v.indexOf(':');
        if (colon >= 0) {
            prefix = v.substring(0, colon + 1);
            v = v.substring(colon + 1);
        }
        if (v.length() <= 4) {
            return prefix + "****";
        }
        int keepHead = v.startsWith("+") ? Math.min(3, v.length() - 4) : 0;
        return prefix + v.substring(0, keepHead) + "*".repeat(v.length() - keepHead - 2) + v.substring(v.length() - 2);
    }
}
