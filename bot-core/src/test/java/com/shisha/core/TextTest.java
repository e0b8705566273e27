package com.shisha.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    @Test
    void controlCharactersGoExceptTabAndLineBreaks() {
        assertThat(Text.withoutControls("a\u0000b\u0001c\u001f\u007fd\u0080\u009fe")).isEqualTo("abcde");
        assertThat(Text.withoutControls("line\r\nnext\tcell")).isEqualTo("line\r\nnext\tcell");
        assertThat(Text.withoutControls("\u0000")).isEmpty();
        assertThat(Text.withoutControls(null)).isNull();
        assertThat(Text.withoutControls("नमस्ते 👋")).isEqualTo("नमस्ते 👋");
    }

    @Test
    void cleanTextIsReturnedAsItIs() {
        String clean = "hello, नमस्ते";
        assertThat(Text.withoutControls(clean)).isSameAs(clean);
        assertThat(Text.hasControls(clean)).isFalse();
        assertThat(Text.hasControls("x\u0000")).isTrue();
    }

    @Test
    void anInboundMessageNeverCarriesThem() {
        InboundMessage m = new InboundMessage("SM1", new ConversationKey(Channel.WHATSAPP, "+919812345678"), "whatsapp:+1415\u00005238886",
                "hi\u0000", List.of(new InboundMessage.Media("https://x/\u0000", "audio/ogg\u0000")), "A\u0000sha", null, null, "c\u0000");
        assertThat(m.text()).isEqualTo("hi");
        assertThat(m.to()).isEqualTo("whatsapp:+14155238886");
        assertThat(m.profileName()).isEqualTo("Asha");
        assertThat(m.choiceId()).isEqualTo("c");
        assertThat(m.media().get(0)).isEqualTo(new InboundMessage.Media("https://x/", "audio/ogg"));
        assertThat(m.heard(new InboundMessage.Voice("he\u0000ard", 0.9, null, false)).text()).isEqualTo("heard");
    }
}
