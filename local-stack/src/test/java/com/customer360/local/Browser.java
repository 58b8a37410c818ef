package com.customer360.local;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: nothing is downloaded, neither a browser nor a
 * driver (Selenium Manager is never asked). Finds elements by role and accessible name, as assistive technology
 * computes them, and keeps a numbered screenshot of each step.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    /** Numbers the screenshots of every walk in the order they were taken. */
    private static final AtomicInteger STEP = new AtomicInteger();

    private final ChromeDriverService service;
    private final WebDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriverService service, WebDriver driver) {
        this.service = service;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /** Skips the test where Chromium or its driver is missing, except on CI, which must run it. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") != null) {
            fail("CI must run the browser test: install Debian's chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(
                installed,
                "Skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver to run the browser test)");
    }

    /**
     * @param profile a fresh, empty directory for the browser's profile
     * @param downloads where downloads land, without asking
     */
    static Browser start(Path profile, Path downloads) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        // Selenium Manager would look for a browser and driver online; both are given, and it stays offline.
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1280,1100",
                "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory", downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download", false,
                        "safebrowsing.enabled", false));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(service, new ChromeDriver(service, options));
    }

    void open(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits until the condition holds (is true or not null), reading again what htmx swapped away meanwhile. */
    <T> T until(Function<Browser, T> condition) {
        return wait.until(ignored -> retryingStale(() -> condition.apply(this)));
    }

    /** The first element of the tag with the role and accessible name, once there is one. */
    WebElement byRoleAndName(String tag, String role, String name) {
        return until(browser -> browser.driver.findElements(By.tagName(tag)).stream()
                .filter(element -> role.equals(element.getAriaRole()) && name.equals(element.getAccessibleName()))
                .findFirst()
                .orElse(null));
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
                shot,
                SCREENSHOTS.resolve(String.format("%02d-%s.png", STEP.incrementAndGet(), name)),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** What the pages logged as errors in the browser's console since the last look. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** A page that htmx is reloading may swap an element away between finding and reading it: read again. */
    static <T> T retryingStale(Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
