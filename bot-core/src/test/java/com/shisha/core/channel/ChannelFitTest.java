package com.shisha.core.channel;

import com.shisha.core.Channel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelFitTest {

    private static final String FOOTER = "Reply MORE for the rest";
    private static final String SUFFIX = "\n\n" + FOOTER;
    private static final String EMOJI = "\uD83D\uDE4F";

    private final ChannelFit fit = new ChannelFit();

    @Test
    void aTextThatFitsIsOnePageUnchangedWithoutFooter() {
        String text = "  Namaste Asha!\n\nAaj 3 leads call karo.  ";
        for (Channel channel : Channel.values()) {
            assertThat(fit.pages(text, channel, FOOTER)).containsExactly(text);
        }
        assertThat(fit.pages("a".repeat(4096), Channel.WHATSAPP, FOOTER)).containsExactly("a".repeat(4096));
        assertThat(fit.pages("a".repeat(612), Channel.SMS, FOOTER)).hasSize(1);
    }

    @Test
    void whatsappAndWebCutAtParagraphBreaks() {
        String first = words("alpha", 3000);
        String second = words("beta", 3000);
        String text = first + "\n\n" + second;
        for (Channel channel : List.of(Channel.WHATSAPP, Channel.WEB)) {
            List<String> pages = fit.pages(text, channel, FOOTER);
            assertThat(pages).containsExactly(first + SUFFIX, second);
        }
    }

    @Test
    void aLineBreakIsPreferredToASpaceAndAParagraphBreakToBoth() {
        String head = words("one", 3000);
        String tail = words("three", 2000);
        assertThat(fit.pages(head + "\n" + tail, Channel.WHATSAPP, FOOTER)).containsExactly(head + SUFFIX, tail);

        String middle = words("two", 500);
        // the line break comes later, but the paragraph break is still in the second half of the page
        assertThat(fit.pages(head + "\n\n" + middle + "\n" + tail, Channel.WHATSAPP, FOOTER).get(0)).isEqualTo(head + SUFFIX);
    }

    @Test
    void anEarlyParagraphBreakDoesNotLeaveAnAlmostEmptyPage() {
        String text = "Hi Asha!\n\n" + words("lead", 6000);
        List<String> pages = fit.pages(text, Channel.WHATSAPP, FOOTER);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)).startsWith("Hi Asha!\n\nlead lead").hasSizeGreaterThan(4000);
    }

    @Test
    void withoutBreaksTheCutIsAtTheLastSpaceThatFits() {
        String text = words("abcd", 5000);
        List<String> pages = fit.pages(text, Channel.WHATSAPP);
        assertThat(pages).hasSize(2);
        // "abcd " repeats every 5 chars: the longest run of whole words within 4096 is 819 words
        assertThat(pages.get(0)).isEqualTo(words("abcd", 819 * 5 - 1));
        assertThat(String.join(" ", pages)).isEqualTo(text);
    }

    @Test
    void everyPageButTheLastCarriesTheFooterAndStillFits() {
        String text = words("partner", 20_000);
        List<String> pages = fit.pages(text, Channel.WHATSAPP, FOOTER);
        assertThat(pages).hasSize(5);
        assertThat(pages).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
        assertThat(pages.subList(0, 4)).allSatisfy(p -> assertThat(p).endsWith(SUFFIX));
        assertThat(pages.get(4)).doesNotContain(FOOTER);
    }

    @Test
    void smsPagesStayWithinFourSegmentsIncludingTheFooter() {
        String text = words("call", 2000);
        List<String> pages = fit.pages(text, Channel.SMS, FOOTER);
        assertThat(pages).allSatisfy(p -> assertThat(SmsLength.segments(p)).isLessThanOrEqualTo(4));
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(p -> {
            assertThat(p).endsWith(SUFFIX);
            assertThat(SmsLength.segments(p)).isEqualTo(4); // GSM text and footer: full pages
        });
    }

    @Test
    void devanagariSmsPagesAreMeasuredInUcs2() {
        String text = words("ग्राहक", 1500);
        List<String> pages = fit.pages(text, Channel.SMS, "बाकी के लिए MORE भेजें");
        assertThat(pages).hasSizeGreaterThan(5);
        assertThat(pages).allSatisfy(p -> {
            assertThat(SmsLength.encoding(p)).isEqualTo(SmsEncoding.UCS_2);
            assertThat(SmsLength.units(p)).isLessThanOrEqualTo(4 * 67);
        });
    }

    @Test
    void aHindiFooterTurnsGsmPagesIntoUcs2AndTheyStillFit() {
        List<String> pages = fit.pages(words("lead", 1500), Channel.SMS, "बाकी के लिए MORE भेजें");
        // a GSM page would hold 612 - 2 - footer characters; in UCS-2 the whole page is held to 268
        assertThat(SmsLength.encoding(pages.get(0))).isEqualTo(SmsEncoding.UCS_2);
        assertThat(pages.get(0)).hasSizeLessThanOrEqualTo(4 * 67);
        assertThat(pages).allSatisfy(p -> assertThat(SmsLength.segments(p)).isLessThanOrEqualTo(4));
    }

    @Test
    void theSmsPageSizeIsConfigurable() {
        ChannelFit oneSegment = new ChannelFit(1);
        List<String> pages = oneSegment.pages(words("tip", 1000), Channel.SMS, "MORE?");
        assertThat(pages).hasSizeGreaterThan(6);
        assertThat(pages).allSatisfy(p -> assertThat(SmsLength.segments(p)).isEqualTo(1));
        assertThat(oneSegment.fits("a".repeat(160), Channel.SMS)).isTrue();
        assertThat(oneSegment.fits("a".repeat(161), Channel.SMS)).isFalse();
        assertThatThrownBy(() -> new ChannelFit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWordLongerThanAPageIsCutButNeverInsideASurrogatePair() {
        String word = ("a" + EMOJI).repeat(3000); // every third char is a high surrogate
        // footers of lengths 4, 5 and 9 put the longest fitting prefix at each position of that pattern
        for (String footer : List.of("MORE", "MORE?", "Send MORE")) {
            for (Channel channel : Channel.values()) {
                List<String> pages = fit.pages(word, channel, footer);
                assertThat(pages).hasSizeGreaterThan(1);
                StringBuilder rejoined = new StringBuilder();
                for (int i = 0; i < pages.size(); i++) {
                    String page = pages.get(i);
                    String chunk = i < pages.size() - 1 ? page.substring(0, page.length() - footer.length() - 2) : page;
                    assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1))).as("page %d ends mid-pair", i).isFalse();
                    assertThat(Character.isLowSurrogate(chunk.charAt(0))).as("page %d starts mid-pair", i).isFalse();
                    assertThat(fit.fits(page, channel)).isTrue();
                    rejoined.append(chunk);
                }
                assertThat(rejoined.toString()).isEqualTo(word);
            }
        }
    }

    @Test
    void aFooterThatLeavesNoRoomIsRefused() {
        assertThatThrownBy(() -> fit.pages(words("x", 5000), Channel.WHATSAPP, "f".repeat(4094)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("footer");
    }

    @Test
    void fitsUsesEachChannelsBudget() {
        assertThat(fit.fits("a".repeat(4096), Channel.WHATSAPP)).isTrue();
        assertThat(fit.fits("a".repeat(4097), Channel.WHATSAPP)).isFalse();
        assertThat(fit.fits("a".repeat(4097), Channel.WEB)).isFalse();
        assertThat(fit.fits("a".repeat(612), Channel.SMS)).isTrue();
        assertThat(fit.fits("a".repeat(613), Channel.SMS)).isFalse();
        assertThat(fit.fits("अ".repeat(268), Channel.SMS)).isTrue();
        assertThat(fit.fits("अ".repeat(269), Channel.SMS)).isFalse();
    }

    /** {@code word} repeated, separated by single spaces, cut to at most {@code length} characters at a word end. */
    private static String words(String word, int length) {
        StringBuilder text = new StringBuilder(word);
        while (text.length() + 1 + word.length() <= length) {
            text.append(' ').append(word);
        }
        return text.toString();
    }
}
