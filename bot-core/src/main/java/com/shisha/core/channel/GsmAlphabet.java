package com.shisha.core.channel;

/**
 * The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038), the only characters an SMS can
 * carry in 7-bit encoding. An extension character goes out as ESC plus its code, so it costs two septets.
 */
final class GsmAlphabet {

    /** Code order of the basic table, without ESC (0x1B). Greek capitals are written as escapes: they look like Latin. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅå"
            + "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039EÆæßÉ"
            + " !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    /** Septets per character, indexed by character; 0 where GSM-7 cannot carry it. */
    private static final byte[] SEPTETS = table();

    private GsmAlphabet() {
    }

    /** 1 or 2 septets, or 0 when the code point is not in GSM-7. */
    static int septets(int codePoint) {
        return codePoint < SEPTETS.length ? SEPTETS[codePoint] : 0;
    }

    private static byte[] table() {
        int max = (BASIC + EXTENSION).chars().max().orElseThrow();
        byte[] septets = new byte[max + 1];
        BASIC.chars().forEach(c -> septets[c] = 1);
        EXTENSION.chars().forEach(c -> septets[c] = 2);
        return septets;
    }
}
