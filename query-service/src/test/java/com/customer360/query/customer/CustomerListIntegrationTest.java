package com.customer360.query.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer list through the API: search by part of a name, email or phone, sort by the figures, the filters for
 * stuck orders, drafts, currency, value and last order, pages, and the CSV of the filtered list. Every query is
 * narrowed to this test's customers by a search word only they have.
 */
class CustomerListIntegrationTest {

    private static final String RUN = "zq" + UUID.randomUUID().toString().substring(0, 6);
    private static boolean published;

    private final StandaloneQueryService service = StandaloneQueryService.shared();
    private final TestHttp http = service.http();

    @BeforeEach
    void publishCustomers() {
        synchronized (CustomerListIntegrationTest.class) {
            if (published) {
                return;
            }
            EventHistory history = new EventHistory();
            Instant now = Instant.now();
            List<EventEnvelope> events = new ArrayList<>();
            events.add(history.registered(
                    id("ada"), "Ada Lovelace " + RUN, "ada." + RUN + "@example.com", "+44 20 7946 0001"));
            events.add(history.placed(id("ada") + "-o1", id("ada"), "EUR", "300.00", "2026-03-01"));
            events.add(history.placed(id("ada") + "-o2", id("ada"), "EUR", "100.00", "2026-05-01"));
            events.add(history.registered(id("bob"), "Bob Brown " + RUN, "bob." + RUN + "@example.com", null));
            events.add(history.placed(id("bob") + "-o1", id("bob"), "EUR", "50.00", "2026-04-01"));
            events.add(history.drafted(id("bob") + "-o2", id("bob"), "EUR", "9.00", "2026-04-02"));
            events.add(history.registered(
                    id("cyd"), "Cyd Charisse " + RUN, "cyd." + RUN + "@example.com", "(555) 010-2030"));
            events.add(history.placed(id("cyd") + "-o1", id("cyd"), "JPY", "120000", "2026-02-01"));
            events.add(history.shipped(id("cyd") + "-o1", id("cyd"), now.minus(10, ChronoUnit.DAYS)));
            events.add(history.registered(id("dee"), "Dee Dee " + RUN, "dee." + RUN + "@example.com", null));
            events.add(history.placed(id("dee") + "-o1", id("dee"), "EUR", "80.00", "2026-06-01"));
            events.add(history.shipped(id("dee") + "-o1", id("dee"), now.minus(1, ChronoUnit.DAYS)));
            service.publisher().awaitConsumed(service.publisher().publish(events));
            published = true;
        }
    }

    @Test
    void shouldFindCustomersByPartOfTheirNameEmailOrPhoneWhateverTheCase() {
        assertThat(ids("q=ADA%20LOVE")).containsExactly(id("ada"));
        assertThat(ids("q=velace%20" + RUN.toUpperCase())).containsExactly(id("ada"));
        assertThat(ids("q=bob." + RUN)).containsExactly(id("bob"));
        assertThat(ids("q=7946%200001")).containsExactly(id("ada"));
        assertThat(ids("q=555-010")).containsExactly(id("cyd"));
        assertThat(ids("q=" + RUN)).containsExactly(id("ada"), id("bob"), id("cyd"), id("dee"));
    }

    @Test
    void shouldSortByLifetimeValueToFindTheBestCustomers() {
        assertThat(ids("q=" + RUN + "&currency=EUR&sort=lifetimeValue,desc"))
                .containsExactly(id("ada"), id("dee"), id("bob"));
        assertThat(ids("q=" + RUN + "&sort=lastOrderAt,desc"))
                .containsExactly(id("dee"), id("ada"), id("bob"), id("cyd"));
        assertThat(ids("q=" + RUN + "&sort=name,desc")).containsExactly(id("dee"), id("cyd"), id("bob"), id("ada"));
    }

    @Test
    void shouldShowTheFiguresInTheCustomersPrimaryCurrency() {
        JsonNode page = http.get("/api/customers?q=" + RUN + "&sort=name,asc").json();
        JsonNode ada = page.path("items").path(0);
        assertThat(ada.path("currency").asText()).isEqualTo("EUR");
        assertThat(ada.path("orderCount").asInt()).isEqualTo(2);
        assertThat(ada.path("lifetimeValue").asText()).isEqualTo("400.00");
        assertThat(ada.path("averageOrderValue").asText()).isEqualTo("200.00");
        assertThat(ada.path("lastOrderAt").asText()).isEqualTo("2026-05-01T00:00:00Z");
        assertThat(ada.path("email").asText()).isEqualTo("ada." + RUN + "@example.com");
        JsonNode cyd = page.path("items").path(2);
        assertThat(cyd.path("currency").asText()).isEqualTo("JPY");
        assertThat(cyd.path("lifetimeValue").asText()).isEqualTo("120000");
        assertThat(page.path("totalItems").asInt()).isEqualTo(4);
    }

    @Test
    void shouldFilterForOrdersStuckInTransitAndDrafts() {
        assertThat(ids("q=" + RUN + "&stuckInTransit=true")).containsExactly(id("cyd"));
        assertThat(ids("q=" + RUN + "&stuckInTransit=false")).containsExactly(id("ada"), id("bob"), id("dee"));
        assertThat(ids("q=" + RUN + "&hasDraft=true")).containsExactly(id("bob"));
        JsonNode cyd = http.get("/api/customers?q=" + RUN + "&stuckInTransit=true")
                .json()
                .path("items")
                .path(0);
        assertThat(cyd.path("stuckInTransit").asBoolean()).isTrue();
    }

    @Test
    void shouldFilterByCurrencyValueAndLastOrder() {
        assertThat(ids("q=" + RUN + "&currency=JPY")).containsExactly(id("cyd"));
        assertThat(ids("q=" + RUN + "&currency=EUR&minLifetimeValue=80")).containsExactly(id("ada"), id("dee"));
        assertThat(ids("q=" + RUN + "&lastOrderBefore=2026-04-15T00:00:00Z")).containsExactly(id("bob"), id("cyd"));
        assertThat(ids("q=" + RUN + "&lastOrderAfter=2026-05-01T00:00:00Z")).containsExactly(id("ada"), id("dee"));
    }

    @Test
    void shouldPageThroughTheList() {
        JsonNode first = http.get("/api/customers?q=" + RUN + "&size=3").json();
        JsonNode second = http.get("/api/customers?q=" + RUN + "&size=3&page=1").json();

        assertThat(first.path("items").size()).isEqualTo(3);
        assertThat(first.path("hasNext").asBoolean()).isTrue();
        assertThat(first.path("hasPrevious").asBoolean()).isFalse();
        assertThat(second.path("items").path(0).path("customerId").asText()).isEqualTo(id("dee"));
        assertThat(second.path("hasNext").asBoolean()).isFalse();
        assertThat(second.path("hasPrevious").asBoolean()).isTrue();
    }

    @Test
    void shouldExportTheFilteredListAsCsv() throws Exception {
        TestHttp.Answer csv = http.get("/api/customers/export.csv?q=" + RUN + "&currency=EUR&sort=lifetimeValue,desc");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition").orElseThrow()).contains("attachment", "customers.csv");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.body()))
                .getRecords();
        assertThat(rows).extracting(row -> row.get("customerId")).containsExactly(id("ada"), id("dee"), id("bob"));
        assertThat(rows.get(0).get("name")).isEqualTo("Ada Lovelace " + RUN);
        assertThat(rows.get(0).get("lifetimeValue")).isEqualTo("400.00");
        assertThat(rows.get(0).get("phone")).isEqualTo("+44 20 7946 0001");
        assertThat(rows.get(2).get("hasDraft")).isEqualTo("true");
    }

    @Test
    void cannotSortByAnythingElse() {
        TestHttp.Answer answer = http.get("/api/customers?sort=email");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").path(0).path("field").asText()).isEqualTo("sort");
    }

    @Test
    void cannotFilterByAMalformedTimeOrAmountOrCurrency() {
        assertThat(field(http.get("/api/customers?lastOrderBefore=yesterday"))).isEqualTo("lastOrderBefore");
        assertThat(field(http.get("/api/customers?minLifetimeValue=lots"))).isEqualTo("minLifetimeValue");
        assertThat(field(http.get("/api/customers?currency=XYZ"))).isEqualTo("currency");
        assertThat(field(http.get("/api/customers?size=101"))).isEqualTo("size");
    }

    private static String field(TestHttp.Answer answer) {
        assertThat(answer.status()).isEqualTo(400);
        return answer.json().path("errors").path(0).path("field").asText();
    }

    private List<String> ids(String query) {
        List<String> ids = new ArrayList<>();
        JsonNode page = http.get("/api/customers?size=100&" + query).json();
        page.path("items").forEach(item -> ids.add(item.path("customerId").asText()));
        // Other tests' customers may match a plain word; only this run's are of interest.
        return ids.stream().filter(id -> id.endsWith(RUN)).toList();
    }

    private static String id(String name) {
        return name + "-" + RUN;
    }
}
