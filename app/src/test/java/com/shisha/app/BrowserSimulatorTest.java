package com.shisha.app;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.OutboundMessage;
import com.shisha.core.dialog.Choices;
import com.shisha.core.dialog.Choices.Choice;
import com.shisha.core.pipeline.ChannelSender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat simulator at /simulator: a conversation round trip through the real pipeline, in Chromium. */
class BrowserSimulatorTest extends AbstractBrowserTest {

    @Autowired
    @Qualifier("channelSenders")
    List<ChannelSender> senders;

    @Test
    void sayHiAndReadTheBotsReply() {
        resetBrowserState();
        String phone = freshPhone();
        open("/simulator");
        type("phone", phone);
        byId("start").click();
        await(d -> "live".equals(d.findElement(By.id("status")).getAttribute("data-state")));

        type("message", "hi");
        byId("send").click();

        WebElement reply = await(d -> {
            List<WebElement> bot = d.findElements(By.cssSelector("#log .bubble.bot .text"));
            return bot.isEmpty() ? null : bot.get(0);
        });
        assertThat(reply.getText()).contains("Namaste! I am SHISHA").contains("What is your name?");
        assertThat(driver().findElements(By.cssSelector("#log .bubble.user .text")).get(0).getText()).isEqualTo("hi");
    }

    /**
     * Tapping a quick-reply button and a list item. The dialogs offer no choices yet, so the replies with choices are
     * pushed through the web chat's own sender (as the dispatcher would send them); the taps go back through the
     * real POST, inbox and dialogs.
     */
    @Test
    void tapAQuickReplyButtonAndAListItem() {
        resetBrowserState();
        String phone = freshPhone();
        open("/simulator");
        type("phone", phone);
        byId("start").click();
        await(d -> "live".equals(d.findElement(By.id("status")).getAttribute("data-state")));

        offer(phone, "Is your name Asha?\n1. Yes\n2. No",
                Choices.buttons(List.of(new Choice("confirm:yes", "Yes"), new Choice("confirm:no", "No"))));
        List<WebElement> buttons = await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#log .choices.buttons button"));
            return found.size() == 2 ? found : null;
        });
        assertThat(buttons).extracting(WebElement::getText).containsExactly("Yes", "No");
        buttons.get(0).click();

        assertThat(awaitUserBubble(0)).isEqualTo("Yes");
        assertThat(awaitTap(phone, 1)).containsExactly("confirm:yes/Yes");

        offer(phone, "आप कौन से उत्पाद बेचते हैं?\n1. पर्सनल लोन\n2. क्रेडिट कार्ड", Choices.list("उत्पाद चुनें", List.of(
                new Choice("product:LOAN", "पर्सनल लोन", "5 लाख तक"), new Choice("product:CARD", "क्रेडिट कार्ड"))));
        WebElement opener = visible(By.cssSelector("#log .choices.list .list-open"));
        assertThat(opener.getText()).contains("उत्पाद चुनें");
        assertThat(opener.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(driver().findElement(By.cssSelector("#log .choices.list .choice-list")).isDisplayed()).isFalse();
        opener.click();
        assertThat(opener.getAttribute("aria-expanded")).isEqualTo("true");
        List<WebElement> items = driver().findElements(By.cssSelector("#log .choices.list .choice-list button"));
        assertThat(items).extracting(WebElement::getText).containsExactly("पर्सनल लोन\n5 लाख तक", "क्रेडिट कार्ड");
        items.get(1).click();

        assertThat(awaitUserBubble(1)).isEqualTo("क्रेडिट कार्ड");
        assertThat(opener.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(awaitTap(phone, 2)).containsExactly("confirm:yes/Yes", "product:CARD/क्रेडिट कार्ड");
    }

    private void offer(String phone, String text, Choices choices) {
        ChannelSender web = senders.stream().filter(s -> s.channel() == Channel.WEB).findFirst().orElseThrow();
        web.send(new OutboundMessage(0, new ConversationKey(Channel.WEB, phone), null, text, 1, Instant.now(), null, null, choices));
    }

    private String awaitUserBubble(int index) {
        return await(d -> {
            List<WebElement> mine = d.findElements(By.cssSelector("#log .bubble.user:not(.pending) .text"));
            return mine.size() > index ? mine.get(index).getText() : null;
        });
    }

    /** The partner's messages as the inbox stored them (choice id / text), once there are {@code count}. */
    private List<String> awaitTap(String phone, int count) {
        return await(d -> {
            List<String> rows = jdbc.sql("select choice_id || '/' || body from inbound_messages where conversation_key = :k order by seq")
                    .param("k", "web:" + phone).query(String.class).list();
            return rows.size() >= count ? rows : null;
        });
    }
}
