package com.shisha.ai.tips;

/** A segment as the file names it, e.g. young/low or any/any. */
record TipKey(String age, String income) {

    static final String ANY = "any";
    static final TipKey FALLBACK = new TipKey(ANY, ANY);

    @Override
    public String toString() {
        return age + "/" + income;
    }
}
