package com.shisha.core.channel;

/**
 * What an SMS costs: its encoding and the number of segments it is sent (and billed) as. One character outside
 * GSM-7 (Devanagari, an emoji, ₹, a curly quote) turns the whole message into UCS-2, cutting a segment from 160
 * characters to 70.
 */
final class SmsLength {

    private SmsLength() {
    }

    public static SmsEncoding encoding(String text) {
        return text.codePoints().allMatch(cp -> GsmAlphabet.septets(cp) > 0) ? SmsEncoding.GSM_7 : SmsEncoding.UCS_2;
    }

    /** Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text, in its own encoding. */
    public static int units(String text) {
        SmsEncoding encoding = encoding(text);
        return text.codePoints().map(encoding::units).sum();
    }

    /**
     * Segments the text goes out as; at least one. A character is never split across segments: not an
     * extension character's escape from its code, nor the two halves of a surrogate pair (an emoji), so a
     * segment may end a unit short and the count can exceed a plain division.
     */
    public static int segments(String text) {
        SmsEncoding encoding = encoding(text);
        if (units(text) <= encoding.singleSegmentUnits()) {
            return 1;
        }
        int segments = 1;
        int used = 0;
        for (int cp : text.codePoints().toArray()) {
            int units = encoding.units(cp);
            if (used + units > encoding.multipartSegmentUnits()) {
                segments++;
                used = 0;
            }
            used += units;
        }
        return segments;
    }
}
