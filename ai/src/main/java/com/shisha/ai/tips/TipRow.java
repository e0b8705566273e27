package com.shisha.ai.tips;

/** One entry of kb/pitch-tips.json, exactly as it is written there. */
record TipRow(String product, Segment segment, String kb, String en, String hi) {

    /** Which customers a tip is for; "any" matches every value. */
    record Segment(String age, String income) {
    }
}
