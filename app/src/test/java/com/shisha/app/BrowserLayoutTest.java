package com.shisha.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages at a phone's width (390 px) and a desktop's (1280 px), in English and Hindi: the header on one line, no
 * sideways scrolling, and the landing page's chat mock-up in the page's language. Screenshots of each go to
 * target/screenshots.
 */
class BrowserLayoutTest extends AbstractBrowserTest {

    private static final List<Dimension> WIDTHS = List.of(new Dimension(390, 844), new Dimension(1280, 900));
    private static final List<String> PAGES = List.of("/", "/register", "/login", "/forgot-password", "/privacy");

    @AfterEach
    void phoneSizeAgain() {
        driver().manage().window().setSize(new Dimension(412, 915));
    }

    @Test
    void theHeaderFitsOnOneLineAndNothingScrollsSideways() {
        for (String lang : List.of("en", "hi")) {
            for (Dimension size : WIDTHS) {
                driver().manage().window().setSize(size);
                for (String page : PAGES) {
                    openIn(lang, page);
                    String where = page + " " + lang + " at " + size.width + " px";
                    List<WebElement> items = driver().findElements(By.cssSelector(".site-header .brand, .site-header nav > *"));
                    assertThat(items).as(where).hasSizeGreaterThanOrEqualTo(3);
                    long top = Math.round(((Number) js("return arguments[0].getBoundingClientRect().top", items.get(1))).doubleValue());
                    for (WebElement item : items.subList(1, items.size())) {
                        double itemTop = ((Number) js("return arguments[0].getBoundingClientRect().top", item)).doubleValue();
                        assertThat(Math.abs(itemTop - top)).as("%s: '%s' on the first line of the header", where, item.getText())
                                .isLessThan(12);
                    }
                    assertThat(((Number) js("return document.querySelector('.site-header').getBoundingClientRect().height")).doubleValue())
                            .as("%s: header height", where).isLessThan(80);
                    assertThat(((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                            .as("%s: sideways overflow", where).isLessThanOrEqualTo(0);
                    screenshot("page" + page.replace('/', '-').replaceAll("-$", "-landing") + "-" + lang + "-" + size.width);
                }
                openIn(lang, "/simulator");
                assertThat(((Number) js("return document.querySelector('.sim-header').getBoundingClientRect().height")).doubleValue())
                        .as("simulator header, %s at %s px", lang, size.width).isLessThan(90);
                assertThat(((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                        .as("simulator %s at %s px", lang, size.width).isLessThanOrEqualTo(0);
                screenshot("page-simulator-" + lang + "-" + size.width);
            }
        }
    }

    /** The landing page's mock-up shows the menu and a lead as the bot writes them, in the page's language. */
    @Test
    void theMockUpShowsWhatTheBotShows() {
        openIn("en", "/");
        String menu = driver().findElement(By.cssSelector(".preview [data-i18n='preview.menu']")).getText();
        assertThat(menu).contains("Main menu", "1. Skill quiz", "2. My leads", "7. Review one of my sales calls");
        openIn("hi", "/");
        String hindi = driver().findElement(By.cssSelector(".preview [data-i18n='preview.menu']")).getText();
        assertThat(hindi).contains("मुख्य मेनू", "2. मेरी लीड");
        assertThat(driver().findElement(By.cssSelector(".preview [data-i18n='preview.leads']")).getText()).contains("आपकी टॉप लीड");
    }

    private void openIn(String lang, String path) {
        open("/ping");
        js("window.localStorage.setItem('shisha.lang', arguments[0])", lang);
        open(path);
        visible(By.cssSelector("body"));
    }
}
