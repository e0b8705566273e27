package com.shisha.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Register -> confirm the phone with the code sent to WhatsApp -> the dashboard; sign out, sign in again. */
class BrowserAccountTest extends AbstractBrowserTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @BeforeEach
    void signedOut() {
        resetBrowserState();
    }

    @Test
    void theDashboardNeedsASession() {
        open("/partner/dashboard");
        await(ExpectedConditions.urlContains("/login"));
        assertThat(driver().getCurrentUrl()).endsWith("/login?next=/partner/dashboard");
    }

    @Test
    void registerConfirmAndSeeTheSamePartnerAsTheApp() {
        String phone = freshPhone();
        String email = "partner" + phone.substring(3) + "@example.test";
        String password = "correct horse 42";
        // the partner already uses the app: a profile and a finished quiz, so the dashboard has data to show
        JsonNode progress = partnerWithAQuiz(phone, "Meera Joshi");
        int points = progress.get("points").asInt();
        assertThat(points).isPositive();
        long assessed = 0;
        for (JsonNode skill : progress.get("strand")) {
            assessed += skill.get("score").isNull() ? 0 : 1;
        }
        assertThat(assessed).isPositive();

        open("/register");
        type("register-form-name", "Meera Joshi");
        type("register-form-email", email);
        type("register-form-password", password);
        type("register-form-phone", phone.substring(3));   // typed as a 10-digit mobile; the page adds +91
        byId("register-form").submit();

        visible(By.id("verify-form-code"));
        assertThat(byId("register-note").getText()).contains(phone);
        String code = codeSentTo(phone, 1);
        type("verify-form-code", code);
        byId("verify-form").submit();

        assertDashboardShows("Meera Joshi", phone, points, assessed);

        byId("sign-out").click();
        await(ExpectedConditions.urlContains("/login"));
        open("/partner/dashboard");
        await(ExpectedConditions.urlContains("/login?next="));

        type("login-form-email", email);
        type("login-form-password", "wrong password 42");
        byId("login-form").submit();
        WebElement error = visible(By.cssSelector("#login-form .form-error"));
        assertThat(error.getText()).isEqualTo("the email or the password is not right");

        type("login-form-password", password);
        byId("login-form").submit();
        assertDashboardShows("Meera Joshi", phone, points, assessed);
    }

    @Test
    void forgotPasswordSendsACodeToWhatsAppAndTheNewPasswordSignsIn() {
        String phone = freshPhone();
        String email = "reset" + phone.substring(3) + "@example.test";
        Response registered = call("POST", "/api/v1/portal/register", null,
                Map.of("name", "Ravi Kumar", "email", email, "password", "first password 1", "phone", phone));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        open("/forgot-password");
        type("forgot-form-email", email.toUpperCase());
        byId("forgot-form").submit();
        visible(By.id("reset-form-code"));
        String code = codeSentTo(phone, 2);
        type("reset-form-code", code);
        type("reset-form-newPassword", "second password 2");
        byId("reset-form").submit();
        // the reset code came through WhatsApp, so it also confirmed the phone: straight to the dashboard
        assertDashboardShows("Ravi Kumar", phone, 0, 0);
    }

    private void assertDashboardShows(String name, String phone, int points, long assessedSkills) {
        await(ExpectedConditions.urlToBe("http://localhost:" + port + "/partner/dashboard"));
        visible(By.id("dash-content"));
        assertThat(byId("p-name").getText()).isEqualTo(name);
        assertThat(byId("p-phone").getText()).isEqualTo(phone);
        assertThat(byId("points").getText()).isEqualTo(Integer.toString(points));
        List<WebElement> bars = driver().findElements(By.cssSelector("#strand-chart .bar-group"));
        assertThat(bars).hasSize(9);
        assertThat(driver().findElements(By.cssSelector("#strand-chart .bar:not(.empty)"))).hasSize((int) assessedSkills);
        assertThat(driver().findElements(By.cssSelector("#earnings-chart .bar-group"))).hasSize(2);
        // the charts' labels are body text on a phone and on a desktop (an SVG scaled them with its box)
        for (org.openqa.selenium.Dimension size : List.of(new org.openqa.selenium.Dimension(390, 844),
                new org.openqa.selenium.Dimension(1280, 900))) {
            driver().manage().window().setSize(size);
            assertThat(js("return getComputedStyle(document.querySelector('#strand-chart .bar-label')).fontSize"))
                    .as("strand label at %s px", size.width).isEqualTo(js("return getComputedStyle(document.body).fontSize"));
            assertThat(((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                    .as("dashboard sideways overflow at %s px", size.width).isLessThanOrEqualTo(0);
            screenshot("dashboard-" + size.width);
        }
        driver().manage().window().setSize(new org.openqa.selenium.Dimension(412, 915));
        assertThat(byId("next-action").getText()).isNotBlank();
        assertThat(byId("chat-link").getAttribute("href")).isEqualTo("https://wa.me/14155238886?text=hi");
        assertThat(byId("chat-link").getText()).isEqualTo("Chat with SHISHA on WhatsApp");
        // no SHISHA_APP_URL in the tests: no link to an app that is not there
        assertThat(byId("app-link").isDisplayed()).isFalse();
    }

    /** The 6-digit code in the n-th WhatsApp message to this phone, as Twilio was asked to send it. */
    private static String codeSentTo(String phone, int nth) {
        List<TwilioStandIn.Sent> sent = TwilioStandIn.awaitSent("whatsapp:" + phone, nth, REPLY_TIMEOUT);
        assertThat(sent).as("WhatsApp messages to %s", phone).hasSize(nth);
        Matcher m = CODE.matcher(sent.get(nth - 1).body());
        assertThat(m.find()).as(sent.get(nth - 1).body()).isTrue();
        return m.group(1);
    }

    /** Through the app's API, as that phone: complete the profile and answer one quiz run. @return the dashboard */
    private JsonNode partnerWithAQuiz(String phone, String name) {
        String token = tokenFor(phone);
        ObjectNode patch = JSON.createObjectNode().put("name", name).put("city", "Pune").put("language", "en");
        patch.putArray("products").add("LOANS").add("INSURANCE");
        assertThat(call("PATCH", "/api/v1/partners/me", token, patch).status()).isEqualTo(200);
        Response run = call("POST", "/api/v1/quiz/runs", token, null);
        assertThat(run.status()).as(run.body()).isEqualTo(201);
        ObjectNode answers = JSON.createObjectNode();
        ArrayNode list = answers.putArray("answers");
        for (JsonNode q : run.json().get("questions")) {
            list.addObject().put("questionId", q.get("id").asString()).put("choice", "A");
        }
        Response submitted = call("POST", "/api/v1/quiz/runs/" + run.json().get("runId").asString() + "/answers", token, answers);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        Response dashboard = get("/api/v1/dashboard", token);
        assertThat(dashboard.status()).isEqualTo(200);
        return dashboard.json();
    }
}
