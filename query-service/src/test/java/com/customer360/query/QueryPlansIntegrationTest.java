package com.customer360.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.customer.CustomerDetailsDocuments;
import com.customer360.query.deadletters.DeadLetterIndexes;
import com.customer360.query.order.OrderDetailsDocuments;
import com.customer360.query.store.IndexCoverage;
import com.customer360.query.store.IssuedQueries;
import com.customer360.query.timeline.TimelineDocuments;
import com.customer360.query.views.ViewIndexes;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.IndexModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every query the read side sends — history pages by number and by cursor both ways, by status, ranking refills,
 * dead-letter listings and re-drives, holds — is one a declared index serves without scanning or sorting in memory
 * (see {@link IndexCoverage}). mongo-java-server ignores those indexes and scans; {@code
 * QueryPlansContainersIntegrationTest} asks real MongoDB for the plans.
 */
class QueryPlansIntegrationTest {

    private static final IssuedQueries QUERIES = new IssuedQueries();
    private static StandaloneQueryService service;

    private final EventHistory history = new EventHistory();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() {
        service = StandaloneQueryService.start("plans-" + UUID.randomUUID(), Map.of(), Listening.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldServeEveryQueryOfTheReadSideFromADeclaredIndex() {
        exerciseEveryQuery(service, history, run);

        Map<String, List<IndexModel>> declared = declaredIndexes();
        List<String> unserved = new ArrayList<>();
        for (IssuedQueries.Query query : QUERIES.all()) {
            List<IndexModel> indexes = declared.getOrDefault(query.collection(), List.of());
            IndexCoverage.Plan plan = IndexCoverage.plan(query.command(), indexes);
            // The customer list walks the index of its sort and filters what it reads; everything else is exact.
            boolean good = query.collection().equals(CustomerDetailsDocuments.COLLECTION)
                    ? plan != null
                    : plan == IndexCoverage.Plan.EXACT;
            if (!good) {
                unserved.add(query.collection() + " (" + plan + "): "
                        + query.command().toJson());
            }
        }
        assertThat(QUERIES.all())
                .extracting(IssuedQueries.Query::collection)
                .contains("customer_details", "order_details", "dead_letters", "held_customers");
        assertThat(unserved).isEmpty();
    }

    static Map<String, List<IndexModel>> declaredIndexes() {
        Map<String, List<IndexModel>> declared = new HashMap<>(DeadLetterIndexes.byCollection());
        declared.put(CustomerDetailsDocuments.COLLECTION, new CustomerDetailsDocuments().indexes());
        declared.put(OrderDetailsDocuments.COLLECTION, new OrderDetailsDocuments().indexes());
        declared.put(TimelineDocuments.COLLECTION, TimelineDocuments.INDEXES);
        declared.putAll(ViewIndexes.byCollection());
        declared.putAll(com.customer360.query.sales.StoreSalesIndexes.byCollection());
        return declared;
    }

    /** Drives every kind of query the read side makes, through the topic and the API. */
    static void exerciseEveryQuery(StandaloneQueryService service, EventHistory history, String run) {
        String customer = "c-plans-" + run;
        List<EventEnvelope> events = new ArrayList<>();
        events.add(history.registered(customer, null));
        for (int i = 0; i < 30; i++) {
            events.add(history.placed(
                    customer + "-o-" + i, customer, "EUR", "10.00", "2026-01-%02d".formatted(i % 28 + 1)));
        }
        // The latest orders cancelled one after the other: the ranking runs empty and is refilled.
        for (int i = 29; i >= 18; i--) {
            events.add(history.cancelled(customer + "-o-" + i, customer));
        }
        events.add(history.shipped(customer + "-o-1", customer, "2026-02-01"));
        events.add(history.delivered(customer + "-o-1", customer, "2026-02-02"));
        service.publisher().awaitConsumed(service.publisher().publish(events));

        TestHttp http = service.http();
        String orders = "/api/customers/" + customer + "/orders?size=5";
        JsonNode first = http.get(orders).json();
        JsonNode next = http.get(orders + "&cursor=" + first.path("nextCursor").asText())
                .json();
        http.get(orders + "&cursor=" + next.path("previousCursor").asText());
        http.get(orders + "&page=3");
        http.get(orders + "&status=CANCELLED");
        http.get(orders + "&status=PLACED&page=1");
        http.get("/api/customers/" + customer + "/timeline?size=5");
        String timelineCursor = http.get("/api/customers/" + customer + "/timeline?size=5")
                .json()
                .path("nextCursor")
                .asText();
        http.get("/api/customers/" + customer + "/timeline?size=5&cursor=" + timelineCursor);

        // The customer list: every sort both ways, each filter, a search, the export.
        for (String sort : List.of("name", "lifetimeValue", "averageOrderValue", "orderCount", "lastOrderAt")) {
            http.get("/api/customers?sort=" + sort + ",asc");
            http.get("/api/customers?sort=" + sort + ",desc&currency=EUR");
        }
        http.get("/api/customers?q=plans&sort=lifetimeValue,desc");
        http.get("/api/customers?q=a");
        http.get("/api/customers?stuckInTransit=true&hasDraft=false&sort=lastOrderAt,desc");
        http.get("/api/customers?currency=EUR&minLifetimeValue=10&lastOrderAfter=2026-01-01T00:00:00Z"
                + "&lastOrderBefore=2027-01-01T00:00:00Z");
        http.get("/api/customers/export.csv?currency=EUR&sort=orderCount,desc");

        // A held customer at a gap, healed by the missing event: holds, dead letters, re-drive.
        String held = "c-held-" + run;
        service.publisher().publish(List.of(history.registered(held, null)));
        history.skip(held);
        EventEnvelope afterTheGap = history.detailsChanged(held, "x@example.com", null);
        service.publisher().publish(held, "garbage".getBytes(StandardCharsets.UTF_8));
        service.publisher().awaitConsumed(service.publisher().publish(List.of(afterTheGap)));
        http.get("/api/admin/dead-letters?customerId=" + held);
        http.get("/api/admin/dead-letters?page=0&size=10");
        http.post("/api/admin/dead-letters/redrive?customerId=" + held, null);
        http.post("/api/admin/dead-letters/redrive", null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/admin/dead-letters?customerId=" + held)
                                .json()
                                .path("totalItems")
                                .asInt()
                        > 0);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listening {

        @Bean
        MongoClientSettingsBuilderCustomizer issuedQueries() {
            return settings -> settings.addCommandListener(QUERIES);
        }
    }
}
