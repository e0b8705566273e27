package com.shisha.app;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat simulator at /simulator: a conversation round trip through the real pipeline, in Chromium. */
class BrowserSimulatorTest extends AbstractBrowserTest {

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
}
