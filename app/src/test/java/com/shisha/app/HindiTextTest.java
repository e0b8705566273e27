package com.shisha.app;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HindiTextTest {

    @Test
    void aTextIsHindiWhenItHasDevanagariBesidesTheNameOfTheLanguage() {
        assertThat(HindiText.isHindi("Which language do you prefer?\n1. English\n2. हिंदी (Hindi)")).isFalse();
        assertThat(HindiText.isHindi("*आपकी टॉप लीड*")).isTrue();
        assertThat(HindiText.isHindi(null)).isFalse();
    }

    @Test
    void latinWordsOutsideTheAllowListAreFound() {
        assertThat(HindiText.latinWords("1. *Deepak Sandhu*, 31 · बचत खाता · कानपुर, Uttar Pradesh"))
                .containsExactly("Deepak", "Pradesh", "Sandhu", "Uttar");
        assertThat(HindiText.latinWords("एक साथ बड़ी रकम की FD")).containsExactly("FD");
    }

    @Test
    void allowedWordsAddressesAndTypedAmountsAreNot() {
        assertThat(HindiText.latinWords("📞 कॉल: tel:+917159664708 💬 WhatsApp: https://wa.me/917159664708")).isEmpty();
        assertThat(HindiText.latinWords("(जैसे 25000, 25k या 2.5 लाख)। छोड़ने के लिए BACK। EMI, KYC, PAN")).isEmpty();
        assertThat(HindiText.latinWords("आपसे मिलकर खुशी हुई, Kiran!", List.of("Kiran"))).isEmpty();
    }
}
