package com.customer360.query.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.Money;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.EventPublisher;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store-sales view end to end: a history published before the service ever started is backfilled by the view's
 * own consumer group, then live changes to those orders (cancelled, refunded, drafts placed, events delivered twice)
 * move the days' figures. Every figure the API answers is checked against the test's own account of the orders it
 * published.
 */
class StoreSalesIntegrationTest {

    private static final String NAME = "sales-" + UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> STORES = List.of("store-a", "store-b", "store-c");
    private static final LocalDate FIRST = LocalDate.parse("2026-03-01");
    private static final int DAYS = 6;
    /** The chart library's version, as the root POM pins it and the webjar serves it. */
    private static final String UPLOT = "1.6.30";

    private static final EventHistory history = new EventHistory();
    private static final Map<String, Sale> sales = new LinkedHashMap<>();
    private static final List<EventEnvelope> published = new ArrayList<>();
    private static StandaloneQueryService service;

    /** The test's own account of one order, as the domain rules count it. */
    private static final class Sale {
        final String store;
        final String customer;
        final String currency;
        LocalDate day;
        boolean draft;
        boolean counted;
        BigDecimal total;
        BigDecimal refunded;

        Sale(String store, String customer, String currency) {
            this.store = store;
            this.customer = customer;
            this.currency = currency;
            this.refunded = Money.zero(currency);
        }
    }

    @BeforeAll
    static void publishAHistoryAndThenStart() {
        Random random = new Random(9);
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String store = STORES.get(i % STORES.size());
            String currency = store.equals("store-c") ? "JPY" : (i % 4 == 1 ? "USD" : "EUR");
            String order = NAME + "-o-" + i;
            Sale sale = new Sale(store, NAME + "-c-" + (i % 7), currency);
            String total = amount(random, currency);
            String day = FIRST.plusDays(random.nextInt(DAYS)).toString();
            if (i % 5 == 0) {
                events.add(history.draftedIn(store, order, sale.customer, currency, total, day));
                sale.day = LocalDate.parse(day);
                sale.draft = true;
            } else {
                events.add(history.placedIn(store, order, sale.customer, currency, total, day + "T12:00:00Z"));
                sale.day = LocalDate.parse(day);
                sale.counted = true;
            }
            sale.total = new BigDecimal(total);
            if (i % 3 == 0 && sale.counted) {
                BigDecimal refund = new BigDecimal(total)
                        .divide(BigDecimal.valueOf(4), Money.minorDigits(currency), java.math.RoundingMode.DOWN);
                events.add(history.refunded(order, sale.customer, currency, refund.toPlainString()));
                sale.refunded = sale.refunded.add(refund);
            }
            if (i % 11 == 0 && sale.counted) {
                events.add(history.cancelled(order, sale.customer));
                sale.counted = false;
            }
            sales.put(order, sale);
        }
        new EventPublisher(StandaloneQueryService.bootstrapServers(), NAME, "nobody").publish(events);
        published.addAll(events);
        service = StandaloneQueryService.start(NAME, Map.of());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldBackfillTheHistoryAndThenFollowChangesToItsOrders() {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonNode progress =
                    service.http("analyst").get("/api/sales/progress").json();
            assertThat(progress.path("state").asText()).isEqualTo("LIVE");
            assertThat(progress.path("eventsApplied").asLong()).isEqualTo(published.size());
            assertThat(progress.path("eventsTotal").asLong()).isEqualTo(published.size());
            assertThat(progress.path("progress").asDouble()).isEqualTo(1.0);
        });
        awaitFiguresAsAccounted();

        List<EventEnvelope> live = new ArrayList<>();
        int changed = 0;
        for (Map.Entry<String, Sale> entry : sales.entrySet()) {
            String order = entry.getKey();
            Sale sale = entry.getValue();
            if (changed % 4 == 0 && sale.draft) {
                // A draft placed now: it counts from now on, on the day it was placed.
                sale.day = FIRST.plusDays(DAYS - 1);
                live.add(history.placedIn(
                        sale.store,
                        order,
                        sale.customer,
                        sale.currency,
                        sale.total.toPlainString(),
                        sale.day + "T23:59:59Z"));
                sale.counted = true;
                sale.draft = false;
            } else if (changed % 4 == 1 && sale.counted) {
                live.add(history.cancelled(order, sale.customer));
                sale.counted = false;
            } else if (changed % 4 == 2 && sale.counted) {
                BigDecimal refund = BigDecimal.ONE.setScale(Money.minorDigits(sale.currency));
                if (sale.total.subtract(sale.refunded).compareTo(refund) >= 0) {
                    live.add(history.refunded(order, sale.customer, sale.currency, refund.toPlainString()));
                    sale.refunded = sale.refunded.add(refund);
                }
            }
            changed++;
        }
        // Redelivered: events the view already applied, once more.
        live.addAll(published.subList(0, 10));
        live.addAll(live.subList(0, 3));
        service.publisher().publish(live);

        awaitFiguresAsAccounted();
    }

    @Test
    void shouldRefuseParametersThatMeanNothing() {
        awaitStore("store-a");
        TestHttp http = service.http("viewer");
        assertRejected(http.get("/api/stores/store-a/sales?from=2026-13-01&currency=EUR"), "from");
        assertRejected(http.get("/api/stores/store-a/sales?from=2026-03-05&to=2026-03-01&currency=EUR"), "from");
        assertRejected(http.get("/api/stores/store-a/sales?from=2025-01-01&to=2026-03-01&currency=EUR"), "to");
        assertRejected(http.get("/api/stores/store-a/sales?to=2026-03-01&currency=eur"), "currency");
        // store-a sells in EUR and USD: which one must be said.
        assertRejected(http.get("/api/stores/store-a/sales?to=2026-03-01"), "currency");
        assertThat(http.get("/api/stores/nowhere/sales?currency=EUR").status()).isEqualTo(404);

        JsonNode yen = http.get("/api/stores/store-c/sales?to=2026-03-31").json();
        assertThat(yen.path("currency").asText()).isEqualTo("JPY");
        assertThat(yen.path("items")).hasSize(StoreSales.DEFAULT_DAYS);
        assertThat(yen.path("items").get(0).path("date").asText()).isEqualTo("2026-03-02");
    }

    @Test
    void shouldShowAStoresSalesAsATableAndAChartLinkedFromItsOrders() {
        awaitStore("store-b");
        TestHttp http = service.http("viewer");
        String order = NAME + "-o-1";
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/orders/" + order).status() == 200);

        assertThat(http.get("/orders/" + order).body()).contains("href=\"/stores/store-b/sales?currency=USD&amp;to=");
        TestHttp.Answer page = http.get("/stores/store-b/sales?from=2026-03-01&to=2026-03-06&currency=EUR");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Sales of store store-b</h1>")
                .contains("<caption>Sales per day in EUR</caption>")
                .contains("role=\"img\"", "aria-label=\"Revenue and counted orders per day in EUR")
                .contains("data-days=\"[" + FIRST.toEpochDay() * 86_400 + ",")
                .contains("data-revenue=\"[")
                .contains("<option value=\"USD\">USD</option>")
                .contains("uplot/" + UPLOT + "/dist/uPlot.iife.min.js\"", "src=\"/assets/sales-chart.js\"")
                .doesNotContain("<script>");
        assertThat(http.get("/webjars/uplot/" + UPLOT + "/dist/uPlot.iife.min.js")
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/assets/sales-chart.js").status()).isEqualTo(200);

        TestHttp.Answer refused = http.get("/stores/store-b/sales?from=yesterday&currency=EUR");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("The from must be a date such as 2026-06-30.");
        assertThat(http.get("/stores/nowhere/sales").status()).isEqualTo(404);
    }

    private static void awaitStore(String store) {
        await().atMost(Duration.ofSeconds(120))
                .until(() -> service.http()
                                .get("/api/stores/" + store + "/sales?currency=EUR")
                                .status()
                        == 200);
    }

    private static void assertRejected(TestHttp.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(answer.json().path("errors").get(0).path("reason").asText()).isNotBlank();
    }

    private static void awaitFiguresAsAccounted() {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String store : STORES) {
                for (String currency : List.of("EUR", "USD", "JPY")) {
                    Map<LocalDate, String> expected = expected(store, currency);
                    if (expected.isEmpty()) {
                        continue;
                    }
                    TestHttp.Answer answer = service.http("analyst")
                            .get("/api/stores/%s/sales?from=%s&to=%s&currency=%s"
                                    .formatted(store, FIRST, FIRST.plusDays(DAYS - 1), currency));
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    Map<LocalDate, String> actual = new TreeMap<>();
                    for (JsonNode item : answer.json().path("items")) {
                        actual.put(
                                LocalDate.parse(item.path("date").asText()),
                                item.path("orders").asLong() + " "
                                        + item.path("revenue").asText() + " "
                                        + item.path("refunds").asText() + " "
                                        + item.path("averageOrderValue").asText());
                    }
                    assertThat(actual).as(store + " " + currency).isEqualTo(expected);
                }
            }
        });
    }

    /** Per day of the range: counted orders, revenue, refunds and AOV, from the test's own account. */
    private static Map<LocalDate, String> expected(String store, String currency) {
        boolean any = sales.values().stream().anyMatch(s -> s.store.equals(store) && s.currency.equals(currency));
        Map<LocalDate, String> days = new TreeMap<>();
        if (!any) {
            return days;
        }
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            long orders = 0;
            BigDecimal revenue = Money.zero(currency);
            BigDecimal refunds = Money.zero(currency);
            for (Sale sale : sales.values()) {
                if (sale.counted
                        && sale.store.equals(store)
                        && sale.currency.equals(currency)
                        && sale.day.equals(day)) {
                    orders++;
                    revenue = revenue.add(sale.total.subtract(sale.refunded));
                    refunds = refunds.add(sale.refunded);
                }
            }
            days.put(
                    day,
                    orders + " " + Money.format(revenue, currency) + " " + Money.format(refunds, currency) + " "
                            + Money.format(Money.average(revenue, orders, currency), currency));
        }
        return days;
    }

    private static String amount(Random random, String currency) {
        return currency.equals("JPY")
                ? String.valueOf(100 + random.nextInt(20_000))
                : BigDecimal.valueOf(100 + random.nextInt(50_000), 2).toPlainString();
    }
}
