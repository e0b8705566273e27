package com.shisha.core.channel;

import com.shisha.core.Channel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Paging over many random texts (a fixed seed, so a failure replays): no word is cut, lost or reordered. */
class ChannelFitPropertyTest {

    private static final String FOOTER = "Reply MORE for the rest";
    private static final String SUFFIX = "\n\n" + FOOTER;
    /** Mixed on purpose: GSM, extension characters, Devanagari, ₹ and emoji outside the BMP. */
    private static final String[] ALPHABETS = {
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,!?'",
            "abcdefghijklmnopqrstuvwxyz€{}[]^~|\\",
            "अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशषसहािीुूेैोौ्ं",
            "₹abc\uD83D\uDE4F\uD83D\uDCB0\uD83C\uDF89"};
    private static final String[] SEPARATORS = {" ", " ", " ", " ", " ", " ", "\n", "\n\n", "  ", " \n\n "};

    private final ChannelFit fit = new ChannelFit();

    @Test
    void whatsappPagesKeepEveryWordInOrder() {
        Random random = new Random(20240611L);
        for (int run = 0; run < 150; run++) {
            check(randomText(random, 2_000 + random.nextInt(15_000)), Channel.WHATSAPP, random.nextBoolean() ? FOOTER : null);
        }
    }

    @Test
    void smsPagesKeepEveryWordInOrder() {
        Random random = new Random(4242L);
        for (int run = 0; run < 300; run++) {
            check(randomText(random, 100 + random.nextInt(3_000)), Channel.SMS, random.nextBoolean() ? FOOTER : null);
        }
    }

    private void check(String text, Channel channel, String footer) {
        List<String> pages = fit.pages(text, channel, footer);
        String suffix = footer == null ? "" : SUFFIX;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            assertThat(fit.fits(page, channel)).as("page %d of %s fits", i, channel).isTrue();
            String chunk = page;
            if (i < pages.size() - 1) {
                assertThat(page).endsWith(suffix);
                chunk = page.substring(0, page.length() - suffix.length());
                assertThat(chunk).isNotBlank();
                // pages are not wasted: a cut at a break happens only in the second half of a page
                if (channel == Channel.WHATSAPP) {
                    assertThat(page.length()).isGreaterThan(ChannelFit.WHATSAPP_MAX_CHARS / 2);
                } else {
                    assertThat(SmsLength.segments(page)).isGreaterThanOrEqualTo(2);
                }
            }
            words.addAll(words(chunk));
        }
        assertThat(words).as("words of a %d-char text on %s", text.length(), channel).isEqualTo(words(text));
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String randomText(Random random, int length) {
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        int[] letters = alphabet.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int wordLength = 1 + random.nextInt(14);
            for (int i = 0; i < wordLength; i++) {
                text.appendCodePoint(letters[random.nextInt(letters.length)]);
            }
            text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        return text.toString();
    }
}
