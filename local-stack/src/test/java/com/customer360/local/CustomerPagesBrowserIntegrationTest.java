package com.customer360.local;

import static com.customer360.local.Browser.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.security.LocalUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Walks the help article of the customer details page in a real browser on the embedded stack with a little demo
 * data: the customer list, a search that narrows it, a click on a customer's row, the three figures and the contact,
 * the order history's Next and Previous, an order's details, its download, and the page updating by itself when the
 * customer places an order — and the list updating by itself too. Each step leaves a screenshot in {@code
 * target/browser-screenshots}; any error in the browser's console fails the walk. Without Chromium the test is
 * skipped, except on CI.
 */
class CustomerPagesBrowserIntegrationTest {

    private static final String CUSTOMER = DemoData.BIG_CUSTOMER;
    private static final String CUSTOMER_NAME = "Sencha & Co. Tea Rooms";
    /** Three pages of history, twenty orders a page. */
    private static final int CUSTOMER_ORDERS = 45;

    private static final int ORDERS_PER_PAGE = 20;

    @TempDir
    static Path data;

    @TempDir
    Path profile;

    @TempDir
    Path downloads;

    private static LocalStack stack;
    private static Api api;

    private Browser browser;
    private ShownPage shown;

    @BeforeAll
    static void startTheStackWithALittleDemoData() throws Exception {
        Browser.assumeInstalled();
        stack = new LocalStack(LocalSettings.onFreePorts(data));
        stack.start();
        api = new Api(stack);
        DemoData.Plan plan = DemoData.generate(7, 20, 40, CUSTOMER_ORDERS, Instant.now());
        DemoLoader.Outcome outcome =
                new DemoLoader(stack.commandApi(), stack.authorization("writer"), DemoLoader.CLIENTS).load(plan);
        assertThat(outcome.refused()).isZero();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            JsonNode customer = api.query("/api/customers/" + CUSTOMER);
            return customer != null && customer.get("orderCount").asInt() == CUSTOMER_ORDERS;
        });
        api.awaitSettled();
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void openTheBrowser() throws Exception {
        browser = Browser.start(profile, downloads);
        shown = new ShownPage(browser);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            List<String> errors;
            try (Browser closing = browser) {
                errors = closing.consoleErrors();
            }
            assertThat(errors).as("errors in the browser's console").isEmpty();
        }
    }

    @Test
    void shouldWalkTheHelpArticleOfTheCustomerDetailsPage() throws Exception {
        signIn("viewer");
        // From the customer list page, locate the customer whose details you want to view.
        browser.open(stack.queryApi() + "/");
        browser.until(page -> shown.customerRows().size() > 1);
        browser.screenshot("customer-list");

        browser.byRoleAndName("input", "searchbox", "Search customers").sendKeys("Sencha");
        browser.until(page -> shown.customerRows().size() == 1 && shown.rowsNamed(CUSTOMER_NAME));
        assertThat(browser.url()).contains("q=Sencha");
        browser.screenshot("search-narrows-the-list");

        // Click on the row to open the customer details page.
        shown.customerRows().get(0).findElement(By.cssSelector("td")).click();
        browser.until(page ->
                page.url().endsWith("/customers/" + CUSTOMER) && shown.heading().equals(CUSTOMER_NAME));
        browser.screenshot("customer-details");

        // Customer summary: order count, average order value, customer lifetime value, per currency.
        await().atMost(PATIENCE).untilAsserted(this::assertFiguresAsTheApiServesThem);

        // Contact: the email opens the mail client; the phone; the latest shipping address.
        JsonNode customer = api.query("/api/customers/" + CUSTOMER);
        String emailAddress = customer.get("email").asText();
        assertThat(browser.byRoleAndName("a", "link", emailAddress).getAttribute("href"))
                .isEqualTo("mailto:" + emailAddress);
        assertThat(browser.one(".contact .phone").getText())
                .isEqualTo(customer.get("phone").asText());
        JsonNode address = customer.get("latestShippingAddress");
        assertThat(browser.one(".contact .shipping-address").getText())
                .contains(address.get("line1").asText(), address.get("city").asText());

        // Order history, with Previous and Next at the bottom.
        List<String> firstPage = shown.orderIdsShown();
        assertThat(firstPage).hasSize(ORDERS_PER_PAGE);
        assertThat(shown.ordersCaption()).contains("page 1 of 3");
        browser.byRoleAndName("a", "link", "Next").click();
        browser.until(page -> shown.ordersCaption().contains("page 2 of 3"));
        assertThat(shown.orderIdsShown()).hasSize(ORDERS_PER_PAGE).doesNotContainAnyElementsOf(firstPage);
        assertThat(browser.url()).contains("cursor=");
        browser.screenshot("orders-next-page");

        browser.byRoleAndName("a", "link", "Previous").click();
        browser.until(page -> shown.ordersCaption().contains("page 1 of 3"));
        assertThat(shown.orderIdsShown()).isEqualTo(firstPage);
        browser.screenshot("orders-previous-page");

        // View order details (line items and shipping updates): click the row.
        String orderId = firstShippedOrder(firstPage);
        JsonNode order = api.query("/api/orders/" + orderId);
        browser.one("#orders tr[data-order-id='" + orderId + "'] td").click();
        browser.until(page -> shown.heading().equals("Order " + orderId));
        assertThat(browser.all(".lines-table tbody tr"))
                .hasSize(order.get("lines").size());
        assertThat(browser.all(".shipment-updates li"))
                .hasSize(order.get("shipmentUpdates").size());
        assertThat(browser.one(".lines-table .total [data-amount]").getAttribute("data-amount"))
                .isEqualTo(order.get("total").asText());
        browser.screenshot("order-details");

        // Download order: the download icon in the order's row.
        browser.byRoleAndName("a", "link", CUSTOMER_NAME).click();
        browser.until(page -> shown.heading().equals(CUSTOMER_NAME));
        browser.byRoleAndName("a", "link", "Download order " + orderId).click();
        Path file = downloads.resolve("order-" + orderId + ".pdf");
        await().atMost(PATIENCE).until(() -> Files.exists(file) && Files.size(file) > 0);
        assertThat(new String(Files.readAllBytes(file), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        browser.screenshot("order-downloaded");

        // The page updates by itself when the customer places an order.
        browser.script("window.notReloaded = true;");
        long eurOrders = shown.figure("EUR", "orderCount");
        String newOrder = "browser-live-" + System.nanoTime();
        api.command("POST", "/api/orders", newOrderJson(newOrder, CUSTOMER));
        browser.until(page -> shown.orderIdsShown().contains(newOrder));
        await().atMost(PATIENCE).until(() -> shown.figure("EUR", "orderCount") == eurOrders + 1);
        assertThat(browser.script("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(shown.orderIdsShown().get(0)).isEqualTo(newOrder);
        browser.screenshot("customer-updated-live");
    }

    @Test
    void shouldUpdateTheCustomerListByItselfWhenACustomerOrders() throws Exception {
        signIn("viewer");
        browser.open(stack.queryApi() + "/?sort=lastOrderAt,desc");
        browser.until(page -> shown.customerRows().size() > 1);
        browser.script("window.notReloaded = true;");
        String customer = DemoData.customerId(3);

        api.command("POST", "/api/orders", newOrderJson("browser-list-" + System.nanoTime(), customer));

        browser.until(page -> shown.customerRows()
                .get(0)
                .findElement(By.cssSelector("th a"))
                .getAttribute("href")
                .endsWith("/customers/" + customer));
        assertThat(browser.script("return window.notReloaded === true;")).isEqualTo(true);
        browser.screenshot("customer-list-updated-live");
    }

    @Test
    void shouldShowAnAnalystTheFiguresButNotTheContactDataAndSignOut() throws Exception {
        browser.open(stack.queryApi() + "/customers/" + CUSTOMER);
        assertThat(browser.url()).as("a page asks who you are first").contains("/login");
        signIn("analyst");
        browser.open(stack.queryApi() + "/customers/" + CUSTOMER);
        browser.until(page -> shown.heading().equals(CUSTOMER_NAME));

        String email = api.query("/api/customers/" + CUSTOMER).get("email").asText();
        String shownEmail = browser.one(".contact .email").getText();
        assertThat(shownEmail).contains("***").isNotEqualTo(email);
        assertThat(browser.all(".contact a[href^='mailto:'], .contact a[href^='tel:']"))
                .isEmpty();
        assertThat(browser.one(".signed-in").getText()).contains("analyst", "Contact data hidden");
        await().atMost(PATIENCE).untilAsserted(this::assertFiguresAsTheApiServesThem);
        browser.screenshot("analyst-sees-no-contact-data");

        browser.byRoleAndName("button", "button", "Sign out").click();
        browser.until(page -> page.url().contains("/login?logout"));
        browser.open(stack.queryApi() + "/customers/" + CUSTOMER);
        assertThat(browser.url()).as("signed out, the page asks again").contains("/login");
    }

    @Test
    void shouldOpenAStoresSalesChartFromAnOrderAndShowAnAnalystTheViews() throws Exception {
        signIn("analyst");
        JsonNode order = api.query("/api/customers/" + CUSTOMER + "/orders?size=1")
                .get("items")
                .get(0);
        String storeId = order.get("storeId").asText();
        browser.open(stack.queryApi() + "/orders/" + order.get("orderId").asText());
        browser.byRoleAndName("a", "link", storeId).click();
        browser.until(page -> shown.heading().equals("Sales of store " + storeId));
        // uPlot drew the chart from the element's data attributes: a canvas inside it.
        browser.until(page -> !page.all("#sales-chart canvas").isEmpty());
        assertThat(browser.one("#sales-chart").getAttribute("role")).isEqualTo("img");
        assertThat(browser.all("table.sales tbody tr")).hasSize(30);
        browser.screenshot("store-sales");

        browser.byRoleAndName("a", "link", "Views").click();
        browser.until(page -> shown.heading().equals("Views"));
        assertThat(browser.byRoleAndName("button", "button", "Start rebuild")).isNotNull();
        assertThat(browser.byRoleAndName("progress", "progressbar", "Progress of the store-sales view"))
                .isNotNull();
        browser.screenshot("views");
    }

    /** Signs in on the login form, as a person would, with the stack's password for the role. */
    private void signIn(String role) {
        browser.open(stack.queryApi() + "/login");
        browser.byRoleAndName("input", "textbox", "User name").sendKeys(role);
        browser.one("#password").sendKeys(LocalUsers.read(stack.localUsers()).get(role));
        browser.byRoleAndName("button", "button", "Sign in").click();
        browser.until(page -> !page.url().contains("/login"));
    }

    private void assertFiguresAsTheApiServesThem() {
        JsonNode summaries = api.query("/api/customers/" + CUSTOMER).get("summaries");
        assertThat(summaries.size()).isGreaterThanOrEqualTo(1);
        for (JsonNode summary : summaries) {
            String currency = summary.get("currency").asText();
            assertThat(shown.figure(currency, "orderCount"))
                    .isEqualTo(summary.get("orderCount").asLong());
            assertThat(shown.amount(currency, "averageOrderValue"))
                    .isEqualTo(summary.get("averageOrderValue").asText());
            assertThat(shown.amount(currency, "lifetimeValue"))
                    .isEqualTo(summary.get("lifetimeValue").asText());
            // Formatted for the reader's locale (en-US here), not the server's plain fallback.
            assertThat(shown.figureElement(currency, "lifetimeValue").getText()).doesNotEndWith(" " + currency);
        }
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
}
