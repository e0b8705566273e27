package com.shisha.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneMaskTest {

    @Test
    void keepsCountryCodeAndLastTwoDigits() {
        assertThat(PhoneMask.mask("+919812345678")).isEqualTo("+91********78");
        assertThat(PhoneMask.mask("whatsapp:+919812345678")).isEqualTo("whatsapp:+91********78");
        assertThat(new ConversationKey(Channel.SMS, "+919812345678").toString()).isEqualTo("sms:+91********78");
    }

    @Test
    void shortOrMissingValuesRevealNothing() {
        assertThat(PhoneMask.mask("1234")).isEqualTo("****");
        assertThat(PhoneMask.mask(null)).isEqualTo("null");
    }
}
