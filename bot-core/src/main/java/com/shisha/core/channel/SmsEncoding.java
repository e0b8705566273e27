package com.shisha.core.channel;

/**
 * How an SMS is encoded, and so how much one segment holds. A multipart message loses room in each segment to
 * the concatenation header (6 bytes): 153 septets or 67 UTF-16 code units instead of 160 or 70.
 */
enum SmsEncoding {

    /** GSM 03.38 7-bit, counted in septets. */
    GSM_7(160, 153),
    /** UCS-2 (UTF-16 on the wire, as carriers and Twilio count it), counted in 16-bit code units. */
    UCS_2(70, 67);

    private final int singleSegmentUnits;
    private final int multipartSegmentUnits;

    SmsEncoding(int singleSegmentUnits, int multipartSegmentUnits) {
        this.singleSegmentUnits = singleSegmentUnits;
        this.multipartSegmentUnits = multipartSegmentUnits;
    }

    /** What a message that fits in one segment may hold. */
    public int singleSegmentUnits() {
        return singleSegmentUnits;
    }

    /** What each segment of a longer message holds. */
    public int multipartSegmentUnits() {
        return multipartSegmentUnits;
    }

    /** Units the code point takes in this encoding; for GSM-7 the code point must be in the alphabet. */
    int units(int codePoint) {
        return this == GSM_7 ? GsmAlphabet.septets(codePoint) : Character.charCount(codePoint);
    }
}
