package com.customer360.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What happened to a customer, newest first, page by page; each fact once, however often it was delivered. */
class TimelineIntegrationTest {

    private final StandaloneQueryService service = StandaloneQueryService.shared();
    private final TestHttp http = service.http();
    private final EventHistory history = new EventHistory();
    private final String customerId = "c-tl-" + UUID.randomUUID();

    @Test
    void shouldListWhatHappenedNewestFirstInPagesWithoutContactDetails() {
        String orderId = customerId + "-o";
        List<EventEnvelope> events = List.of(
                history.registered(customerId, "Ada Lovelace", "ada@example.com", "+44 20 7946 0000"),
                history.placed(orderId, customerId, "EUR", "40.00", "2026-01-05"),
                history.shipped(orderId, customerId, "2026-01-06"),
                history.delivered(orderId, customerId, "2026-01-08"),
                history.detailsChanged(customerId, "ada.king@example.com", null),
                history.refunded(orderId, customerId, "EUR", "10.00"));
        service.publisher().publish(events);
        // Delivered twice, as after a relay restart: the timeline shows each fact once.
        service.publisher().awaitConsumed(service.publisher().publish(events));

        List<JsonNode> items = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            items.clear();
            JsonNode page = http.get("/api/customers/" + customerId + "/timeline?size=4")
                    .json();
            page.path("items").forEach(items::add);
            if (page.path("hasNext").asBoolean()) {
                http.get("/api/customers/" + customerId + "/timeline?size=4&cursor="
                                + page.path("nextCursor").asText())
                        .json()
                        .path("items")
                        .forEach(items::add);
            }
            assertThat(items).hasSize(6);
        });

        assertThat(items)
                .extracting(item -> item.path("type").asText())
                // by when each fact happened: the contact details changed on 2 January, before the order
                .containsExactly(
                        "order.refunded",
                        "order.shipment-updated",
                        "order.shipment-updated",
                        "order.placed",
                        "customer.details-changed",
                        "customer.registered");
        assertThat(items.get(0).path("amount").asText()).isEqualTo("10.00");
        assertThat(items.get(0).path("currency").asText()).isEqualTo("EUR");
        assertThat(items.get(0).path("orderId").asText()).isEqualTo(orderId);
        assertThat(items.get(1).path("description").asText()).startsWith("Delivered");
        assertThat(items.toString()).doesNotContain("ada@example.com", "ada.king@example.com", "7946");
    }

    @Test
    void cannotShowTheTimelineOfAnUnknownCustomer() {
        assertThat(http.get("/api/customers/nobody-" + UUID.randomUUID() + "/timeline")
                        .status())
                .isEqualTo(404);
    }
}
