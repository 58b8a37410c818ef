package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * Walks the help article of the customer details page in a real browser (Debian's Chromium, headless, driven by
 * Selenium through Debian's chromedriver) on the embedded stack with a little demo data: the customer list, a search
 * that narrows it, a click on a customer's row, the three figures and the contact, the order history's Next and
 * Previous, an order's details, its download, and the page updating by itself when the customer places an order.
 * Elements are found by their role and accessible name, as a screen reader finds them. Each step leaves a
 * screenshot in {@code target/browser-screenshots}. Without Chromium the test is skipped, except on CI.
 */
class CustomerPagesBrowserIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CUSTOMER = DemoData.BIG_CUSTOMER;
    /** Three pages of history, twenty orders a page. */
    private static final int CUSTOMER_ORDERS = 45;

    private static final int ORDERS_PER_PAGE = 20;

    @TempDir
    static Path data;

    @TempDir
    static Path browserProfile;

    @TempDir
    static Path downloads;

    private static LocalStack stack;
    private static Api api;

    private ChromeDriverService service;
    private WebDriver browser;
    private WebDriverWait wait;
    /** Numbers the screenshots of both walks in the order they were taken. */
    private static final AtomicInteger STEP = new AtomicInteger();

    @BeforeAll
    static void startTheStackWithALittleDemoData() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") != null) {
            fail("CI must run the browser test: install Debian's chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(
                installed,
                "Skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver to run the browser test)");
        // Selenium Manager must never try to download a browser or driver: both are given below.
        System.setProperty("SE_OFFLINE", "true");

        stack = new LocalStack(LocalSettings.onFreePorts(data));
        stack.start();
        api = new Api(stack.commandApi(), stack.queryApi());
        DemoData.Plan plan = DemoData.generate(7, 20, 40, CUSTOMER_ORDERS, Instant.now());
        DemoLoader.Outcome outcome = new DemoLoader(stack.commandApi(), DemoLoader.CLIENTS).load(plan);
        assertThat(outcome.refused()).isZero();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            JsonNode customer = api.query("/api/customers/" + CUSTOMER);
            return customer != null && customer.get("orderCount").asInt() == CUSTOMER_ORDERS;
        });
        awaitSettled();
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void openTheBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
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
                "--user-data-dir=" + browserProfile.toAbsolutePath());
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory", downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download", false,
                        "safebrowsing.enabled", false));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(LogEntry::getMessage)
                    .toList();
            browser.quit();
            assertThat(errors).as("errors in the browser's console").isEmpty();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void shouldWalkTheHelpArticleOfTheCustomerDetailsPage() throws Exception {
        // From the customer list page, locate the customer whose details you want to view.
        browser.get(stack.queryApi() + "/");
        wait.until(page -> customerRows().size() > 1);
        screenshot("customer-list");

        WebElement search = byRoleAndName("input", "searchbox", "Search customers");
        search.sendKeys("Sencha");
        wait.until(page -> rowsNamed("Sencha & Co. Tea Rooms") && customerRows().size() == 1);
        assertThat(browser.getCurrentUrl()).contains("q=Sencha");
        screenshot("search-narrows-the-list");

        // Click on the row to open the customer details page.
        WebElement row = customerRows().get(0);
        row.findElement(By.cssSelector("td")).click();
        wait.until(page -> page.getCurrentUrl().endsWith("/customers/" + CUSTOMER));
        wait.until(page -> heading().equals("Sencha & Co. Tea Rooms"));
        screenshot("customer-details");

        // Customer summary: order count, average order value, customer lifetime value (per currency).
        await().atMost(PATIENCE).untilAsserted(this::assertFiguresAsTheApiServesThem);
        JsonNode customer = api.query("/api/customers/" + CUSTOMER);

        // Contact: email opens the mail client, phone, the latest shipping address.
        WebElement email = byRoleAndName("a", "link", customer.get("email").asText());
        assertThat(email.getAttribute("href"))
                .isEqualTo("mailto:" + customer.get("email").asText());
        assertThat(browser.findElement(By.cssSelector(".contact .phone")).getText())
                .isEqualTo(customer.get("phone").asText());
        JsonNode address = customer.get("latestShippingAddress");
        assertThat(browser.findElement(By.cssSelector(".contact .shipping-address"))
                        .getText())
                .contains(address.get("line1").asText(), address.get("city").asText());

        // Order history: store ID, date, amount, status; Previous and Next at the bottom.
        List<String> firstPage = orderIdsShown();
        assertThat(firstPage).hasSize(ORDERS_PER_PAGE);
        assertThat(ordersCaption()).contains("page 1 of 3");
        byRoleAndName("a", "link", "Next").click();
        wait.until(page -> ordersCaption().contains("page 2 of 3"));
        List<String> secondPage = orderIdsShown();
        assertThat(secondPage).hasSize(ORDERS_PER_PAGE).doesNotContainAnyElementsOf(firstPage);
        assertThat(browser.getCurrentUrl()).contains("cursor=");
        screenshot("orders-next-page");

        byRoleAndName("a", "link", "Previous").click();
        wait.until(page -> ordersCaption().contains("page 1 of 3"));
        assertThat(orderIdsShown()).isEqualTo(firstPage);
        screenshot("orders-previous-page");

        // Access order details (line items and shipping updates): click the row.
        String orderId = firstShippedOrder(firstPage);
        JsonNode order = api.query("/api/orders/" + orderId);
        orderRow(orderId).findElement(By.cssSelector("td")).click();
        wait.until(page -> heading().equals("Order " + orderId));
        assertThat(browser.findElements(By.cssSelector(".lines-table tbody tr")))
                .hasSize(order.get("lines").size());
        assertThat(browser.findElements(By.cssSelector(".shipment-updates li")))
                .hasSize(order.get("shipmentUpdates").size());
        assertThat(browser.findElement(By.cssSelector(".lines-table .total [data-amount]"))
                        .getAttribute("data-amount"))
                .isEqualTo(order.get("total").asText());
        screenshot("order-details");

        // Download orders: the download icon of the order's row.
        byRoleAndName("a", "link", "Sencha & Co. Tea Rooms").click();
        wait.until(page -> heading().equals("Sencha & Co. Tea Rooms"));
        byRoleAndName("a", "link", "Download order " + orderId).click();
        Path file = downloads.resolve("order-" + orderId + ".pdf");
        await().atMost(PATIENCE).until(() -> Files.exists(file) && Files.size(file) > 0);
        assertThat(new String(Files.readAllBytes(file), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        screenshot("order-downloaded");

        // The page updates by itself when the customer places an order.
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        long eurOrders = figure("EUR", "orderCount");
        String newOrder = "browser-live-" + System.nanoTime();
        api.command("POST", "/api/orders", newOrderJson(newOrder, CUSTOMER));
        wait.until(page -> orderIdsShown().contains(newOrder));
        await().atMost(PATIENCE).until(() -> figure("EUR", "orderCount") == eurOrders + 1);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .isEqualTo(true);
        assertThat(orderIdsShown().get(0)).isEqualTo(newOrder);
        screenshot("customer-updated-live");
    }

    @Test
    void shouldUpdateTheCustomerListByItselfWhenACustomerOrders() throws Exception {
        browser.get(stack.queryApi() + "/?sort=lastOrderAt,desc");
        wait.until(page -> customerRows().size() > 1);
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        String customer = DemoData.customerId(3);

        api.command("POST", "/api/orders", newOrderJson("browser-list-" + System.nanoTime(), customer));

        wait.until(page -> retryingStale(() -> customerRows()
                .get(0)
                .findElement(By.cssSelector("th a"))
                .getAttribute("href")
                .endsWith("/customers/" + customer)));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .isEqualTo(true);
        screenshot("customer-list-updated-live");
    }

    private void assertFiguresAsTheApiServesThem() {
        JsonNode summaries = api.query("/api/customers/" + CUSTOMER).get("summaries");
        assertThat(summaries.size()).isGreaterThanOrEqualTo(1);
        for (JsonNode summary : summaries) {
            String currency = summary.get("currency").asText();
            assertThat(figure(currency, "orderCount"))
                    .isEqualTo(summary.get("orderCount").asLong());
            assertThat(amount(currency, "averageOrderValue"))
                    .isEqualTo(summary.get("averageOrderValue").asText());
            assertThat(amount(currency, "lifetimeValue"))
                    .isEqualTo(summary.get("lifetimeValue").asText());
            // Formatted for the reader's locale (en-US here), not the server's plain fallback.
            assertThat(figureText(currency, "lifetimeValue")).doesNotEndWith(" " + currency);
        }
    }

    private WebElement figureElement(String currency, String figure) {
        WebElement group = byRoleAndName("div", "group", "Figures in " + currency);
        return group.findElement(By.cssSelector("[data-figure='" + figure + "'] dd"));
    }

    private long figure(String currency, String figure) {
        return retryingStale(
                () -> Long.parseLong(figureElement(currency, figure).getText().trim()));
    }

    private String figureText(String currency, String figure) {
        return retryingStale(() -> figureElement(currency, figure).getText());
    }

    private String amount(String currency, String figure) {
        return retryingStale(() -> figureElement(currency, figure)
                .findElement(By.cssSelector("[data-amount]"))
                .getAttribute("data-amount"));
    }

    private List<WebElement> customerRows() {
        return browser.findElements(By.cssSelector("#results table tbody tr"));
    }

    private boolean rowsNamed(String name) {
        return retryingStale(() -> customerRows().stream()
                .allMatch(
                        row -> row.findElement(By.cssSelector("th a")).getText().equals(name)));
    }

    private String heading() {
        return retryingStale(() -> browser.findElements(By.cssSelector("h1")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse(""));
    }

    private String ordersCaption() {
        return retryingStale(() -> browser.findElements(By.cssSelector("#orders caption")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse(""));
    }

    /** The order ids of the links named "View order …", in the table's order. */
    private List<String> orderIdsShown() {
        return retryingStale(() -> {
            List<String> ids = new ArrayList<>();
            for (WebElement link : browser.findElements(By.cssSelector("#orders tbody a[href^='/orders/']"))) {
                String name = link.getAccessibleName();
                if (name.startsWith("View order ")) {
                    ids.add(name.substring("View order ".length()));
                }
            }
            return ids;
        });
    }

    private WebElement orderRow(String orderId) {
        return browser.findElement(By.cssSelector("#orders tr[data-order-id='" + orderId + "']"));
    }

    /** An order of the page that has shipment updates to show, else the first. */
    private static String firstShippedOrder(List<String> orderIds) {
        return orderIds.stream()
                .filter(id -> api.query("/api/orders/" + id)
                                .get("shipmentUpdateCount")
                                .asInt()
                        > 0)
                .findFirst()
                .orElse(orderIds.get(0));
    }

    /** The element of the tag with the role and accessible name, as assistive technology computes them. */
    private WebElement byRoleAndName(String tag, String role, String name) {
        return wait.until(page -> retryingStale(() -> page.findElements(By.tagName(tag)).stream()
                .filter(element -> role.equals(element.getAriaRole()) && name.equals(element.getAccessibleName()))
                .findFirst()
                .orElse(null)));
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
                shot,
                SCREENSHOTS.resolve(String.format("%02d-%s.png", STEP.incrementAndGet(), name)),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static String newOrderJson(String orderId, String customerId) {
        return """
                {"orderId": "%s", "customerId": "%s", "storeId": "berlin-flagship", "currency": "EUR",
                 "lines": [{"sku": "TEA-SENCHA-100", "name": "Sencha tea, 100 g", "quantity": 3, "unitPrice": "8.95"}],
                 "shippingAddress": {"line1": "1 Hauptstrasse", "city": "Berlin", "postalCode": "10115",
                                     "country": "DE"},
                 "placedAt": "%s"}
                """
                .formatted(orderId, customerId, Instant.now().plusSeconds(1));
    }

    /** A page that htmx is reloading may swap an element away between finding and reading it: read again. */
    private static <T> T retryingStale(Supplier<T> read) {
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

    /** Until the figures of every customer stop changing: the demo data's events are all projected. */
    private static void awaitSettled() {
        HttpClient http = HttpClient.newHttpClient();
        AtomicReference<String> previous = new AtomicReference<>("");
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    String now = http.send(
                                    HttpRequest.newBuilder(URI.create(stack.queryApi() + "/api/customers/export.csv"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
                    return now.equals(previous.getAndSet(now));
                });
    }
}
