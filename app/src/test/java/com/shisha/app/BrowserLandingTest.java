package com.shisha.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The landing page and the static pages around it, in Chromium: sections, languages, keyboard and labels. */
class BrowserLandingTest extends AbstractBrowserTest {

    @BeforeEach
    void english() {
        resetBrowserState();
    }

    @Test
    void theLandingPageShowsEverySection() {
        open("/");
        WebElement cta = visible(By.id("cta-register"));
        assertThat(cta.getText()).isEqualTo("Become a GroMo Partner");
        assertThat(cta.getAttribute("href")).endsWith("/register");
        assertThat(byId("hero-title").getText()).isEqualTo("Your sales coach, right inside WhatsApp");

        assertThat(driver().findElements(By.cssSelector("#features .feature h3")).stream().map(WebElement::getText))
                .containsExactly("AI coaching", "Lead matching", "Skill development", "Gamification");
        assertThat(byId("how-title").getText()).isEqualTo("How it works");
        assertThat(driver().findElements(By.cssSelector("#how-it-works .steps > li"))).hasSize(4);
        assertThat(byId("app-title").getText()).isEqualTo("The same coach in the app and on the web");
        assertThat(driver().findElements(By.cssSelector("#testimonials blockquote"))).hasSize(3);
        WebElement footerCta = byId("cta-footer");
        assertThat(footerCta.getText()).isEqualTo("Become a GroMo Partner");
        assertThat(footerCta.getAttribute("href")).endsWith("/register");
        assertThat(byId("cta-simulator").getAttribute("href")).endsWith("/simulator");

        // the footer's WhatsApp link gets our number from /api/v1/portal/config (TWILIO_WHATSAPP_FROM of the tests)
        await(d -> d.findElement(By.cssSelector(".site-footer .wa-link")).getAttribute("href").startsWith("https://wa.me/14155238886"));

        byId("cta-register").click();
        await(ExpectedConditions.urlToBe("http://localhost:" + port + "/register"));
        assertThat(visible(By.id("register-title")).getText()).isEqualTo("Create your partner account");

        open("/");
        driver().findElement(By.cssSelector(".site-footer a[href='/privacy']")).click();
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Privacy");
        driver().findElement(By.cssSelector(".site-footer a[href='/terms']")).click();
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Terms of use");
        driver().findElement(By.cssSelector(".site-footer a[href='/simulator']")).click();
        assertThat(visible(By.id("phone")).isDisplayed()).isTrue();
    }

    @Test
    void hindiTranslatesEveryTextAndIsRemembered() {
        open("/");
        visible(By.id("lang-switch")).click();
        await(d -> "hi".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(byId("hero-title").getText()).isEqualTo("आपका सेल्स कोच, सीधे WhatsApp में");
        assertThat(byId("cta-register").getText()).isEqualTo("GroMo पार्टनर बनें");
        assertThat(byId("lang-switch").getText()).isEqualTo("English");

        // both dictionaries have the same keys, and every key a page uses is in them
        @SuppressWarnings("unchecked")
        List<String> missing = (List<String>) js("""
                var d = window.SHISHA_I18N, out = [];
                Object.keys(d.en).forEach(function (k) { if (!(k in d.hi)) out.push('hi:' + k); });
                Object.keys(d.hi).forEach(function (k) { if (!(k in d.en)) out.push('en:' + k); });
                return out;""");
        assertThat(missing).isEmpty();
        for (String page : List.of("/", "/register", "/login", "/forgot-password", "/privacy", "/terms")) {
            open(page);
            await(d -> "hi".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            @SuppressWarnings("unchecked")
            List<String> unknown = (List<String>) js("""
                    var out = [];
                    document.querySelectorAll('[data-i18n]').forEach(function (n) {
                      var k = n.getAttribute('data-i18n');
                      if (!(k in window.SHISHA_I18N.hi) || !(k in window.SHISHA_I18N.en)) out.push(k);
                    });
                    return out;""");
            assertThat(unknown).as("keys used on %s", page).isEmpty();
        }

        open("/login");
        assertThat(visible(By.id("login-title")).getText()).isEqualTo("साइन इन");
        byId("lang-switch").click();
        await(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(byId("login-title").getText()).isEqualTo("Sign in");
    }

    @Test
    void formsAreLabelledAndWorkFromTheKeyboard() {
        for (String page : List.of("/register", "/login", "/forgot-password")) {
            open(page);
            visible(By.tagName("form"));
            @SuppressWarnings("unchecked")
            List<String> unlabelled = (List<String>) js("""
                    var out = [];
                    document.querySelectorAll('input:not([type=hidden]), textarea, select').forEach(function (i) {
                      var label = document.querySelector('label[for="' + i.id + '"]');
                      if (!i.id || !label || !label.textContent.trim()) out.push(i.name || i.outerHTML);
                    });
                    return out;""");
            assertThat(unlabelled).as("inputs without a label on %s", page).isEmpty();
            assertThat(driver().findElements(By.cssSelector("header.site-header, main#main, footer.site-footer, nav"))).hasSizeGreaterThanOrEqualTo(4);
        }

        open("/register");
        visible(By.id("register-form-name"));
        // the first Tab reaches the skip link, as it should on every page
        new Actions(driver()).sendKeys(Keys.TAB).perform();
        assertThat(driver().switchTo().activeElement().getText()).isEqualTo("Skip to content");

        // an empty form: every field is marked, and the focus goes to the first one in reading order
        byId("register-form").submit();
        await(d -> "true".equals(d.findElement(By.id("register-form-phone")).getAttribute("aria-invalid")));
        assertThat(driver().switchTo().activeElement().getAttribute("id")).isEqualTo("register-form-name");

        // fill the form with the keyboard alone, then submit with Enter: the API's field errors show at the fields
        byId("register-form-name").click();
        new Actions(driver()).sendKeys("Kiran Rao").sendKeys(Keys.TAB).sendKeys("kiran@example.test").sendKeys(Keys.TAB)
                .sendKeys("short").sendKeys(Keys.TAB).sendKeys("12345").sendKeys(Keys.ENTER).perform();
        WebElement phoneError = visible(By.id("register-form-phone-error"));
        assertThat(phoneError.getText()).isEqualTo("Enter your 10-digit mobile number, e.g. 98123 45678.");
        assertThat(byId("register-form-phone").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(byId("register-form-password-error").getText()).contains("10 to 72 characters");
        assertThat(byId("register-form-name").getAttribute("aria-invalid")).isNull();
        assertThat(byId("register-form-email").getAttribute("aria-invalid")).isNull();
        // the first invalid field takes the focus, so a keyboard or screen reader user lands on it
        assertThat(driver().switchTo().activeElement().getAttribute("id")).isEqualTo("register-form-password");
    }
}
