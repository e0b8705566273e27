package com.shisha.app;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One headless Debian Chromium per test class, through the system chromedriver. Register it with
 * {@code @RegisterExtension static final Browser browser = new Browser();}.
 * <p>
 * Chromium comes from scripts/ensure-chromium.sh, which installs chromium and chromium-driver with apt-get when
 * they are missing and we are root. Only where that cannot work (not root, no apt-get) are the tests skipped, with
 * a banner on stderr; an install that could work but fails fails the tests, so CI never passes without them.
 * When a test fails, a screenshot and the page source go to target/browser-failures/.
 */
final class Browser implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {

    static final Path FAILURES = Paths.get("target", "browser-failures");
    private static final Object INSTALL_LOCK = new Object();
    private static volatile Integer installResult;

    private WebDriver driver;
    private Path profile;

    WebDriver driver() {
        return driver;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        int result = ensureChromium();
        if (result == 2) {
            String banner = "\n" + "!".repeat(100) + "\n!!! BROWSER TESTS SKIPPED: chromium/chromedriver are missing and cannot be installed here"
                    + " (needs root and apt-get; see scripts/ensure-chromium.sh)\n" + "!".repeat(100) + "\n";
            System.err.println(banner);
            Assumptions.abort(banner);
        }
        Assertions.assertEquals(0, result, "scripts/ensure-chromium.sh could not install chromium and chromium-driver (see its output above)");
        profile = Files.createTempDirectory("shisha-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(which("chromium"));
        // the flags this machine kind needs: no sandbox as root, and no background calls to Google's hosts,
        // which the closed network refuses (docs/portal.md)
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=412,915", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(which("chromedriver"))).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(15));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty() || driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(FAILURES);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(FAILURES.resolve(name + ".png"), png);
            Files.writeString(FAILURES.resolve(name + ".html"), "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
                    StandardCharsets.UTF_8);
            System.err.println("browser test failed: screenshot and page source in " + FAILURES.toAbsolutePath() + "/" + name + ".*");
        } catch (IOException | RuntimeException e) {
            System.err.println("could not keep the failed page of " + name + ": " + e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** 0 ready, 2 cannot be installed here, anything else: the install failed. Runs the script once per JVM. */
    private static int ensureChromium() throws IOException, InterruptedException {
        synchronized (INSTALL_LOCK) {
            if (installResult == null) {
                Path script = findScript();
                Process process = new ProcessBuilder("sh", script.toString()).inheritIO().start();
                if (!process.waitFor(15, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    installResult = 1;
                } else {
                    installResult = process.exitValue();
                }
            }
            return installResult;
        }
    }

    private static Path findScript() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scripts/ensure-chromium.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/ensure-chromium.sh not found above " + Paths.get("").toAbsolutePath());
    }

    private static String which(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", "command -v " + command).start();
        String path = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        if (path.isEmpty()) {
            throw new IllegalStateException(command + " is not on the PATH after scripts/ensure-chromium.sh");
        }
        return path;
    }
}
