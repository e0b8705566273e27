package com.shisha.core.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsLengthTest {

    private static final String EMOJI = "\uD83D\uDE4F"; // 🙏, outside the BMP: a surrogate pair
    private static final String DEVANAGARI_A = "अ";

    @Test
    void englishAndHinglishAreGsm() {
        String text = "Namaste Asha! Aaj 3 leads ko call karo: Priya (credit card), Ravi (savings a/c). @5pm? 100% :-)";
        assertThat(SmsLength.encoding(text)).isEqualTo(SmsEncoding.GSM_7);
        assertThat(SmsLength.units(text)).isEqualTo(text.length());
    }

    @Test
    void theLessObviousBasicCharactersAreOneSeptet() {
        String text = "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà\n\r";
        assertThat(SmsLength.encoding(text)).isEqualTo(SmsEncoding.GSM_7);
        assertThat(SmsLength.units(text)).isEqualTo(text.length());
    }

    @Test
    void extensionCharactersAreTwoSeptets() {
        for (char c : "^{}\\[~]|€\f".toCharArray()) {
            assertThat(SmsLength.encoding(String.valueOf(c))).as("%s", c).isEqualTo(SmsEncoding.GSM_7);
            assertThat(SmsLength.units(String.valueOf(c))).as("%s", c).isEqualTo(2);
        }
        assertThat(SmsLength.units("Fee: 10€ [refundable]")).isEqualTo(21 + 3);
    }

    @Test
    void oneCharacterOutsideGsmMakesTheWholeMessageUcs2() {
        assertThat(SmsLength.encoding("Earn ₹500 per card")).isEqualTo(SmsEncoding.UCS_2);
        assertThat(SmsLength.encoding("Asha, आज 3 leads")).isEqualTo(SmsEncoding.UCS_2);
        assertThat(SmsLength.encoding("Well done " + EMOJI)).isEqualTo(SmsEncoding.UCS_2);
        // what a language model types where a person would type ' or "
        assertThat(SmsLength.encoding("don’t")).isEqualTo(SmsEncoding.UCS_2);
        assertThat(SmsLength.encoding("tab\there")).isEqualTo(SmsEncoding.UCS_2);
        assertThat(SmsLength.encoding("`code`")).isEqualTo(SmsEncoding.UCS_2);
        // in UCS-2 an extension character is one code unit like any other
        assertThat(SmsLength.units("₹{€}")).isEqualTo(4);
    }

    @Test
    void gsmSegmentBoundaries() {
        assertThat(SmsLength.segments("")).isEqualTo(1);
        assertThat(SmsLength.segments("a".repeat(160))).isEqualTo(1);
        assertThat(SmsLength.segments("a".repeat(161))).isEqualTo(2);
        assertThat(SmsLength.segments("a".repeat(306))).isEqualTo(2);
        assertThat(SmsLength.segments("a".repeat(307))).isEqualTo(3);
        assertThat(SmsLength.segments("a".repeat(459))).isEqualTo(3);
        assertThat(SmsLength.segments("a".repeat(460))).isEqualTo(4);
    }

    @Test
    void extensionCharactersCountDoubleAtTheBoundaries() {
        assertThat(SmsLength.segments("a".repeat(158) + "€")).isEqualTo(1);
        assertThat(SmsLength.segments("a".repeat(159) + "€")).isEqualTo(2);
        assertThat(SmsLength.segments("{".repeat(80))).isEqualTo(1);
        // 76 of them fill a multipart segment (152 septets); the 77th goes to the next one
        assertThat(SmsLength.segments("{".repeat(81))).isEqualTo(2);
        assertThat(SmsLength.segments("{".repeat(152))).isEqualTo(2);
        assertThat(SmsLength.segments("{".repeat(153))).isEqualTo(3);
    }

    @Test
    void anExtensionCharacterIsNeverSplitAcrossSegments() {
        // 306 septets would be two full segments, but the € cannot start at septet 153 of the first
        assertThat(SmsLength.units("a".repeat(152) + "€" + "a".repeat(152))).isEqualTo(306);
        assertThat(SmsLength.segments("a".repeat(152) + "€" + "a".repeat(152))).isEqualTo(3);
        assertThat(SmsLength.segments("a".repeat(151) + "€" + "a".repeat(153))).isEqualTo(2);
    }

    @Test
    void ucs2SegmentBoundaries() {
        assertThat(SmsLength.segments("₹" + "a".repeat(69))).isEqualTo(1);
        assertThat(SmsLength.segments("₹" + "a".repeat(70))).isEqualTo(2);
        assertThat(SmsLength.segments(DEVANAGARI_A.repeat(70))).isEqualTo(1);
        assertThat(SmsLength.segments(DEVANAGARI_A.repeat(71))).isEqualTo(2);
        assertThat(SmsLength.segments(DEVANAGARI_A.repeat(134))).isEqualTo(2);
        assertThat(SmsLength.segments(DEVANAGARI_A.repeat(135))).isEqualTo(3);
        assertThat(SmsLength.segments(DEVANAGARI_A.repeat(201))).isEqualTo(3);
        assertThat(SmsLength.segments(DEVANAGARI_A.repeat(202))).isEqualTo(4);
    }

    @Test
    void emojiOutsideTheBmpAreTwoCodeUnits() {
        assertThat(SmsLength.units(EMOJI)).isEqualTo(2);
        assertThat(SmsLength.segments(EMOJI.repeat(35))).isEqualTo(1);
        // 33 emoji fill 66 units; the 34th would need units 67 and 68
        assertThat(SmsLength.segments(EMOJI.repeat(36))).isEqualTo(2);
        assertThat(SmsLength.segments(EMOJI.repeat(66))).isEqualTo(2);
        assertThat(SmsLength.segments(EMOJI.repeat(67))).isEqualTo(3);
    }

    @Test
    void anEmojiIsNeverSplitAcrossSegments() {
        String text = DEVANAGARI_A.repeat(66) + EMOJI + DEVANAGARI_A.repeat(66);
        assertThat(SmsLength.units(text)).isEqualTo(134);
        assertThat(SmsLength.segments(text)).isEqualTo(3);
        assertThat(SmsLength.segments(DEVANAGARI_A.repeat(65) + EMOJI + DEVANAGARI_A.repeat(67))).isEqualTo(2);
    }
}
