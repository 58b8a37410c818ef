package com.customer360.query.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages as HTML: what each shows, their 404 pages, the parts htmx asks for, and that they carry no inline script,
 * event handler or style (a Content-Security-Policy without inline scripts is to come). The browser test in the local
 * stack walks them for real.
 */
class PagesIntegrationTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>");
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE);

    private final StandaloneQueryService service = StandaloneQueryService.shared();
    private final EventHistory history = new EventHistory();
    private final String customerId = "c-pages-" + UUID.randomUUID();

    @BeforeEach
    void publishACustomerWithOrders() {
        List<com.customer360.events.cloudevents.EventEnvelope> events = new ArrayList<>();
        events.add(history.registered(customerId, "Grace Hopper", "grace@example.com", "+1 212 5550100"));
        for (int i = 1; i <= 25; i++) {
            events.add(history.placed(
                    customerId + "-o-" + i, customerId, "EUR", "10.50", "2026-01-%02dT10:00:00Z".formatted(i)));
        }
        events.add(history.shipped(customerId + "-o-25", customerId, "2026-01-26T08:00:00Z"));
        events.add(history.drafted(customerId + "-d-1", customerId, "JPY", "1500", "2026-02-01"));
        service.publisher().awaitConsumed(service.publisher().publish(events));
    }

    @Test
    void shouldShowTheCustomerWithFiguresContactOrdersAndTimeline() {
        TestHttp.Answer page = awaitPage("/customers/" + customerId, "2026-02-01");

        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("Grace Hopper")
                .contains("href=\"mailto:grace@example.com\"")
                .contains("+1 212 5550100")
                .contains("Order count", "Average order value", "Customer lifetime value")
                .contains("data-amount=\"262.50\" data-currency=\"EUR\"")
                .contains("data-amount=\"10.50\" data-currency=\"EUR\"")
                .contains("Has a draft order")
                .contains("aria-label=\"View order " + customerId + "-d-1\"")
                .contains("aria-label=\"Download order " + customerId + "-o-24\"")
                .contains("href=\"/api/orders/" + customerId + "-o-24/download?format=pdf\"")
                .contains("sse-connect=\"/api/customers/" + customerId + "/updates\"")
                .contains(">Draft<", ">In transit<", ">Placed<")
                .contains("rel=\"next\"")
                .contains("Timeline");
        assertNoInlineScriptsOrStyles(page.body());
    }

    @Test
    void shouldPageTheOrderHistoryByCursorBackToTheFirstPage() {
        String first = awaitPage("/customers/" + customerId, "2026-02-01").body();
        String next = between(first, "rel=\"next\" href=\"", "\"").replace("&amp;", "&");

        TestHttp.Answer second = service.http().get(next);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body())
                .contains("Page 2 of 2")
                .contains("View order " + customerId + "-o-6\"")
                .doesNotContain("View order " + customerId + "-o-7\"")
                .contains("rel=\"prev\" href=\"/customers/" + customerId + "\"");
    }

    @Test
    void shouldShowOlderTimelineEntriesBelowTheShownOnes() {
        String page = awaitPage("/customers/" + customerId, "2026-02-01").body();
        String more = between(page, "hx-get=\"/customers/" + customerId + "/timeline?cursor=", "\"");

        TestHttp.Answer older = service.http().get("/customers/" + customerId + "/timeline?cursor=" + more);

        assertThat(older.status()).isEqualTo(200);
        assertThat(older.body())
                .doesNotContain("<html", "<section")
                .contains("<li>")
                .contains("id=\"timeline-more\" class=\"more\" hx-swap-oob=\"true\"");
    }

    @Test
    void shouldServeOnlyThePartHtmxAsksFor() {
        awaitPage("/customers/" + customerId, "2026-02-01");

        TestHttp.Answer list = service.http().get("/?q=" + customerId, "HX-Request", "true");
        TestHttp.Answer orders = service.http().get("/customers/" + customerId + "/orders?status=DRAFT");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("<html").contains("id=\"results\"");
        assertThat(orders.body())
                .doesNotContain("<html")
                .contains("View order " + customerId + "-d-1\"")
                .doesNotContain("View order " + customerId + "-o-1\"");
    }

    @Test
    void shouldListAndFilterCustomers() {
        awaitPage("/customers/" + customerId, "2026-02-01");

        String found = service.http().get("/?q=grace&hasDraft=true").body();
        String none =
                service.http().get("/?q=" + customerId + "&stuckInTransit=true").body();
        String wrong = service.http().get("/?currency=EURO").body();

        assertThat(found)
                .contains("Search customers")
                .contains("href=\"/customers/" + customerId + "\"")
                .contains("href=\"/api/customers/export.csv?q=grace&amp;hasDraft=true\"");
        assertThat(none).contains("No customers match these filters.");
        assertThat(wrong).contains("role=\"alert\"").contains("ISO 4217");
        assertThat(service.http().get("/?page=100000").body()).contains("This page is past the end of the list.");
        assertNoInlineScriptsOrStyles(found);
    }

    @Test
    void shouldShowAnOrderWithLinesShipmentsAndDownloads() {
        TestHttp.Answer page = awaitPage("/orders/" + customerId + "-o-25", "In transit");

        assertThat(page.body())
                .contains("Line items", "Shipment updates", "Refunds")
                .contains("Download PDF", "Download CSV", "Download JSON")
                .contains("/api/orders/" + customerId + "-o-25/download?format=csv")
                .contains("Grace Hopper");
        assertNoInlineScriptsOrStyles(page.body());
    }

    @Test
    void shouldAnswerAnUnknownCustomerOrOrderWithA404Page() {
        TestHttp.Answer customer = service.http().get("/customers/nobody-" + UUID.randomUUID());
        TestHttp.Answer order = service.http().get("/orders/nothing-" + UUID.randomUUID());
        TestHttp.Answer badStatus = service.http().get("/customers/" + customerId + "/orders?status=LOST");

        assertThat(customer.status()).isEqualTo(404);
        assertThat(customer.contentType()).startsWith("text/html");
        assertThat(customer.body()).contains("Customer not found");
        assertThat(order.status()).isEqualTo(404);
        assertThat(order.body()).contains("Order not found");
        assertThat(badStatus.status()).isEqualTo(400);
    }

    @Test
    void shouldServeHtmxAndItsServerSentEventsExtensionFromTheirWebjars() {
        assertThat(service.http().get("/webjars/htmx.org/dist/htmx.min.js").status())
                .isEqualTo(200);
        assertThat(service.http().get("/webjars/htmx-ext-sse/sse.js").status()).isEqualTo(200);
        assertThat(service.http().get("/assets/pages.js").status()).isEqualTo(200);
        assertThat(service.http().get("/assets/pages.css").status()).isEqualTo(200);
    }

    @Test
    void shouldLeaveThePagesOutOfTheApiDocument() {
        TestHttp.Answer api = service.http().get("/v3/api-docs");

        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("paths").fieldNames()).toIterable().allSatisfy(path -> assertThat(path)
                .startsWith("/api/"));
    }

    private TestHttp.Answer awaitPage(String path, String expected) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> service.http().get(path),
                        answer -> answer.status() == 200 && answer.body().contains(expected));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("'" + start + "' in the page").isNotNegative();
        int begin = from + start.length();
        return text.substring(begin, text.indexOf(end, begin));
    }

    private static void assertNoInlineScriptsOrStyles(String html) {
        assertThat(INLINE_SCRIPT.matcher(html).find()).as("an inline script").isFalse();
        assertThat(INLINE_HANDLER.matcher(html).find())
                .as("an inline event handler")
                .isFalse();
        assertThat(INLINE_STYLE.matcher(html).find()).as("an inline style").isFalse();
    }
}
