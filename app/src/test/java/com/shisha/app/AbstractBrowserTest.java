package com.shisha.app;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.function.Function;

/**
 * The portal's pages in real headless Chromium against the whole service (the same Spring context as the API
 * tests, so no extra start-up). One browser per test class ({@link Browser}).
 */
abstract class AbstractBrowserTest extends AbstractApiTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final Duration WAIT = Duration.ofSeconds(15);

    WebDriver driver() {
        return browser.driver();
    }

    /** Opens a page of this instance, in English unless a test switches (the choice is kept in localStorage). */
    void open(String path) {
        driver().get("http://localhost:" + port + path);
    }

    void resetBrowserState() {
        open("/ping");
        ((JavascriptExecutor) driver()).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    }

    WebElement byId(String id) {
        return driver().findElement(By.id(id));
    }

    <T> T await(Function<WebDriver, T> condition) {
        // pages that poll draw their tables again every few seconds: an element read mid-redraw is tried again
        return new WebDriverWait(driver(), WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    WebElement visible(By by) {
        return await(ExpectedConditions.visibilityOfElementLocated(by));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(script, args);
    }

    /** A screenshot kept with the build's artefacts (target/screenshots), for a person to look at. */
    void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver()).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void type(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
    }
}
