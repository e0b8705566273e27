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

    /** Start greets the bot as that number, so its welcome shows at once; then the partner types. */
    @Test
    void startGreetsTheBotAndTheConversationGoesOn() {
        resetBrowserState();
        String phone = freshPhone();
        open("/simulator");
        type("phone", phone.substring(3)); // the 10 digits, as Indians type their number
        byId("start").click();
        await(d -> "live".equals(d.findElement(By.id("status")).getAttribute("data-state")));
        assertThat(byId("phone").getAttribute("value")).isEqualTo(phone);

        assertThat(awaitBotBubble(0)).contains("Namaste! I am SHISHA").contains("What is your name?");
        assertThat(awaitUserBubble(0)).isEqualTo("hi");

        type("message", "Asha Verma");
        byId("send").click();
        assertThat(awaitBotBubble(1)).contains("Which language");
        screenshot("simulator-en");
    }

    /** In Hindi the page, the greeting and so the bot's welcome are Hindi; the demo numbers are offered. */
    @Test
    void inHindiThePageAndTheWelcomeAreHindi() {
        resetBrowserState();
        open("/simulator");
        byId("lang-switch").click();
        assertThat(byId("start").getText()).isEqualTo("शुरू करें");
        assertThat(byId("phone-hint").getText()).contains("+919800000001");
        assertThat(driver().findElements(By.cssSelector("#demo-numbers option"))).hasSize(5);
        type("phone", freshPhone());
        byId("start").click();

        assertThat(awaitUserBubble(0)).isEqualTo("नमस्ते");
        assertThat(awaitBotBubble(0)).contains("आपका नाम क्या है?").doesNotContain("What is your name");
        assertThat(byId("status").getText()).isEqualTo("लाइव");
        screenshot("simulator-hi");
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
        awaitBotBubble(0); // the welcome to Start's greeting, before the offers below

        offer(phone, "Is your name Asha?\n1. Yes\n2. No",
                Choices.buttons(List.of(new Choice("confirm:yes", "Yes"), new Choice("confirm:no", "No"))));
        List<WebElement> buttons = await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#log .choices.buttons button"));
            return found.size() == 2 ? found : null;
        });
        assertThat(buttons).extracting(WebElement::getText).containsExactly("Yes", "No");
        buttons.get(0).click();

        assertThat(awaitUserBubble(1)).isEqualTo("Yes");
        assertThat(awaitTap(phone, 2)).containsExactly("-/hi", "confirm:yes/Yes");

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

        assertThat(awaitUserBubble(2)).isEqualTo("क्रेडिट कार्ड");
        assertThat(opener.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(awaitTap(phone, 3)).containsExactly("-/hi", "confirm:yes/Yes", "product:CARD/क्रेडिट कार्ड");
    }

    private void offer(String phone, String text, Choices choices) {
        ChannelSender web = senders.stream().filter(s -> s.channel() == Channel.WEB).findFirst().orElseThrow();
        web.send(new OutboundMessage(0, new ConversationKey(Channel.WEB, phone), null, text, 1, Instant.now(), null, null, choices));
    }

    private String awaitBotBubble(int index) {
        return await(d -> {
            List<WebElement> bot = d.findElements(By.cssSelector("#log .bubble.bot .text"));
            return bot.size() > index ? bot.get(index).getText() : null;
        });
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
            List<String> rows = jdbc.sql("select coalesce(choice_id, '-') || '/' || body from inbound_messages where conversation_key = :k order by seq")
                    .param("k", "web:" + phone).query(String.class).list();
            return rows.size() >= count ? rows : null;
        });
    }
}
