package com.shisha.app;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.console.Handoffs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in real Chromium: signing in, the handoff from a partner's WhatsApp message to the agent's reply at the
 * Twilio stand-in and back to the bot, staff accounts and the audit log; at a desktop's width and a phone's, with
 * screenshots in target/screenshots.
 */
class BrowserConsoleTest extends AbstractBrowserTest {

    @Autowired
    Handoffs handoffs;

    @Autowired
    BroadcastSender broadcastSender;

    @BeforeEach
    void signedOut() {
        resetBrowserState();
        // the session cookie is scoped to /console: only a page there sees it to delete it
        open("/console/console.css");
        driver().manage().deleteAllCookies();
        driver().manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterEach
    void phoneSizeAgain() {
        driver().manage().window().setSize(new Dimension(412, 915));
    }

    private void signIn(String email, String password) {
        open("/console");
        visible(By.id("sign-in-form"));
        WebElement form = byId("sign-in-form");
        form.findElement(By.name("email")).sendKeys(email);
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void aWrongPasswordIsSaidPlainlyAndTheRightOneOpensTheQueue() {
        signIn(ConsoleConfig.DEV_ADMIN_EMAIL, "not-the-password-at-all");
        await(d -> byId("sign-in-error").getText().contains("email or the password is not right"));
        assertThat(byId("view-queue").isDisplayed()).isFalse();
        screenshot("console-sign-in-error-1280");
        byId("sign-in-form").findElement(By.name("password")).clear();
        byId("sign-in-form").findElement(By.name("password")).sendKeys(ConsoleConfig.DEV_ADMIN_PASSWORD);
        byId("sign-in-form").findElement(By.cssSelector("button[type=submit]")).click();
        visible(By.id("view-queue"));
        assertThat(byId("who").getText()).contains("admin");
    }

    @Test
    void anAgentTakesAPartnerWhoAskedForAPersonAnswersAndHandsBack() {
        String phone = freshPhone();
        String to = "whatsapp:" + phone;
        partnerSays(phone, "hello", 0, true);
        partnerSays(phone, "please connect me to a human, the app is not working", 1, true);
        long id = handoffs.openFor(new ConversationKey(Channel.WHATSAPP, phone)).orElseThrow().id();

        signIn(ConsoleConfig.DEV_ADMIN_EMAIL, ConsoleConfig.DEV_ADMIN_PASSWORD);
        WebElement open = visible(By.cssSelector("#queue-rows a[href='#handoff/" + id + "']"));
        screenshot("console-queue-1280");
        open.click();
        visible(By.id("claim")).click();
        WebElement reply = visible(By.cssSelector("#reply-form textarea"));
        await(d -> byId("transcript").getText().contains("please connect me to a human"));
        String text = "Namaste! Kavya from GroMo here. Which screen of the app shows the error?";
        reply.sendKeys(text);
        byId("reply-form").findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(TwilioStandIn.awaitSent(to, 3, REPLY_TIMEOUT).get(2).body()).isEqualTo(text);
        await(d -> byId("transcript").findElements(By.cssSelector("li.agent")).size() == 1);
        screenshot("console-handoff-1280");
        // the partner's answer reaches the agent, not the bot
        partnerSays(phone, "the payments screen", 3, false);
        await(d -> byId("transcript").getText().contains("the payments screen"));
        assertThat(TwilioStandIn.sentTo(to)).hasSize(3);

        driver().manage().window().setSize(new Dimension(390, 844));
        screenshot("console-handoff-390");
        assertThat(((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                .as("sideways overflow at 390 px").isLessThanOrEqualTo(0);

        byId("hand-back").click();
        assertThat(TwilioStandIn.awaitSent(to, 4, REPLY_TIMEOUT).get(3).body()).contains("back with you");
        await(d -> !byId("reply-form").isDisplayed());
        assertThat(partnerSays(phone, "menu", 4, true)).hasSize(5);
    }

    @Test
    void anAdminAddsAnAgentAndSeesItInTheAuditLog() {
        signIn(ConsoleConfig.DEV_ADMIN_EMAIL, ConsoleConfig.DEV_ADMIN_PASSWORD);
        visible(By.id("view-queue"));
        open("/console#staff");
        visible(By.id("staff-form"));
        String email = "agent-" + UUID.randomUUID() + "@gromo.test";
        WebElement form = byId("staff-form");
        form.findElement(By.name("name")).sendKeys("Agent Farhan");
        form.findElement(By.name("email")).sendKeys(email);
        form.findElement(By.name("password")).sendKeys("short");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        await(d -> byId("staff-error").getText().contains("at least 12 characters"));
        form.findElement(By.name("password")).clear();
        form.findElement(By.name("password")).sendKeys("a-long-enough-password");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        await(d -> byId("staff-rows").getText().contains(email));
        screenshot("console-staff-1280");
        open("/console#audit");
        await(d -> byId("audit-rows").getText().contains("staff.create"));
        List<WebElement> rows = byId("audit-rows").findElements(By.tagName("tr"));
        assertThat(rows).isNotEmpty();
        screenshot("console-audit-1280");
    }

    @Test
    void theOverviewShowsTheNumbersAndTheCharts() {
        partnerSays(freshPhone(), "hello", 0, true);
        signIn(ConsoleConfig.DEV_ADMIN_EMAIL, ConsoleConfig.DEV_ADMIN_PASSWORD);
        visible(By.id("view-queue"));
        open("/console#overview");
        await(d -> byId("tiles").getText().contains("waiting for a person"));
        await(d -> byId("chart-traffic").findElements(By.cssSelector(".slot")).size() == 24);
        screenshot("console-overview-1280");
        driver().manage().window().setSize(new Dimension(390, 844));
        screenshot("console-overview-390");
        assertThat(((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                .as("sideways overflow at 390 px").isLessThanOrEqualTo(0);
    }

    @Test
    void anAdminPreparesStartsAndFollowsABroadcast() {
        signIn(ConsoleConfig.DEV_ADMIN_EMAIL, ConsoleConfig.DEV_ADMIN_PASSWORD);
        visible(By.id("view-queue"));
        open("/console#broadcasts");
        WebElement form = visible(By.id("broadcast-form"));
        String name = "Monsoon insurance " + UUID.randomUUID().toString().substring(0, 8);
        form.findElement(By.name("name")).sendKeys(name);
        form.findElement(By.name("templateSid")).sendKeys("HX" + "fedcba9876543210".repeat(2));
        form.findElement(By.name("body")).sendKeys("Namaste {{1}}, monsoon is here: time to talk about health cover.");
        form.findElement(By.name("city")).sendKeys("Nowhere-" + UUID.randomUUID().toString().substring(0, 6));
        byId("broadcast-count").click();
        await(d -> byId("broadcast-matching").getText().equals("0 partners"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        await(d -> d.findElements(By.cssSelector("#broadcast-rows tr")).stream()
                .anyMatch(r -> r.getText().contains(name) && r.getText().contains("draft")));
        await(d -> {
            for (WebElement r : d.findElements(By.cssSelector("#broadcast-rows tr"))) {
                if (r.getText().contains(name)) {
                    r.findElement(By.xpath(".//button[text()='Start']")).click();
                    return true;
                }
            }
            return false;
        });
        await(d -> d.findElements(By.cssSelector("#broadcast-rows tr")).stream().anyMatch(r -> r.getText().contains(name) && r.getText().contains("sending")));
        broadcastSender.runOnce(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).atTime(11, 0)
                .atZone(java.time.ZoneId.of("Asia/Kolkata")).toInstant());
        await(d -> d.findElements(By.cssSelector("#broadcast-rows tr")).stream().anyMatch(r -> r.getText().contains(name) && r.getText().contains("sent")));
        screenshot("console-broadcasts-1280");
    }

    @Test
    void anAgentImportsLeadsAndSeesTheRefusedRows() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("leads", ".csv");
        String run = UUID.randomUUID().toString().substring(0, 8);
        java.nio.file.Files.writeString(file, "external_id,name,phone,product,city,gender,age,income_band,credit_band\n"
                + "W-" + run + ",Geeta Rao,9812345678,savings,Nagpur,F,45,LOW,FAIR\n"
                + "X-" + run + ",Bad Phone,123,loans,Nagpur,M,45,LOW,FAIR\n");
        signIn(ConsoleConfig.DEV_ADMIN_EMAIL, ConsoleConfig.DEV_ADMIN_PASSWORD);
        visible(By.id("view-queue"));
        open("/console#imports");
        visible(By.id("import-form")).findElement(By.name("file")).sendKeys(file.toString());
        byId("import-form").findElement(By.cssSelector("button[type=submit]")).click();
        // the table is drawn again every second: read the row's text and link in one go, inside the wait
        String[] row = await(d -> {
            try {
                for (WebElement r : d.findElements(By.cssSelector("#import-rows tr"))) {
                    String text = r.getText();
                    if (text.contains(file.getFileName().toString()) && text.contains("done")) {
                        return new String[]{text, r.findElement(By.linkText("Refused rows (CSV)")).getAttribute("href")};
                    }
                }
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                // drawn again while read: the next try reads the new table
            }
            return null;
        });
        assertThat(row[0]).contains("2 of 2 rows", "1 refused");
        assertThat(row[1]).endsWith("/refused.csv");
        screenshot("console-imports-1280");
    }

    @Test
    void anAdminAddsAGuideSectionTriesAQuestionAndRetiresIt() {
        String drone = ConsoleGuideTest.droneId();
        signIn(ConsoleConfig.DEV_ADMIN_EMAIL, ConsoleConfig.DEV_ADMIN_PASSWORD);
        visible(By.id("view-queue"));
        open("/console#guide");
        await(d -> d.findElements(By.cssSelector("#guide-rows tr")).size() > 40);
        WebElement trial = visible(By.id("trial-form"));
        trial.findElement(By.name("question")).sendKeys(ConsoleGuideTest.DRONE_QUESTION);
        trial.findElement(By.cssSelector("button[type=submit]")).click();
        await(d -> byId("trial-result").isDisplayed() && !byId("trial-hits").getText().isEmpty());
        assertThat(byId("trial-hits").getText()).doesNotContain(drone);

        byId("view-guide").findElement(By.linkText("New section")).click();
        WebElement form = visible(By.id("section-form"));
        form.findElement(By.name("id")).sendKeys(drone);
        form.findElement(By.cssSelector("#section-products input[value=LOANS]")).click();
        form.findElement(By.cssSelector("#section-skills input[value=LOANS]")).click();
        form.findElement(By.name("english.title")).sendKeys("Kisan drone loan for spraying drones");
        form.findElement(By.name("english.body")).sendKeys("Some lenders finance agricultural drones that farmers use to spray crops.\n"
                + "- The dealer's quotation for an approved farm-spraying model is needed.");
        form.findElement(By.name("hindi.title")).sendKeys("खेती के ड्रोन के लिए किसान ड्रोन लोन");
        form.findElement(By.name("hindi.body")).sendKeys("ड्रोन लोन।");
        form.findElement(By.name("questions")).sendKeys("drone loan for farmers\nkisan drone ke liye loan");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        await(d -> form.findElement(By.cssSelector("[data-field='hindi.body']")).getText().contains("40 characters"));
        screenshot("console-guide-refused-1280");

        form.findElement(By.name("hindi.body")).sendKeys(" कुछ लोन देने वाले खेती के ड्रोन के लिए पैसा देते हैं।\n"
                + "- डीलर का कोटेशन चाहिए।");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        try {
            await(d -> byId("status").getText().contains("Saved as version 1"));
            await(d -> byId("section-state").getText().contains("added in the console"));

            open("/console#guide");
            WebElement again = visible(By.id("trial-form"));
            again.findElement(By.name("question")).clear();
            again.findElement(By.name("question")).sendKeys(ConsoleGuideTest.DRONE_QUESTION);
            again.findElement(By.cssSelector("button[type=submit]")).click();
            await(d -> byId("trial-hits").getText().startsWith("Kisan drone loan for spraying drones"));
            assertThat(byId("trial-hits").findElement(By.cssSelector("tr strong a")).getText())
                    .isEqualTo("Kisan drone loan for spraying drones");
            assertThat(byId("trial-answer").getText()).contains("drone");
            screenshot("console-guide-trial-1280");
            driver().manage().window().setSize(new Dimension(390, 844));
            screenshot("console-guide-trial-390");
            assertThat(((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                    .as("sideways overflow at 390 px").isLessThanOrEqualTo(0);
            driver().manage().window().setSize(new Dimension(1280, 900));
        } finally {
            open("/console#guide/" + drone);
            await(d -> byId("section-state").getText().startsWith("Version"));
            visible(By.id("section-retire")).click();
            await(d -> byId("section-state").getText().startsWith("Retired"));
        }
        screenshot("console-guide-section-1280");
    }
}
