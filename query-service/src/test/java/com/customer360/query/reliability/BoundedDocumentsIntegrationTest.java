package com.customer360.query.reliability;

import static com.customer360.query.reliability.ReliabilityScenario.awaitCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

/**
 * No document grows with a customer's history: a customer with thousands of orders has a customer document the size
 * of one with a few, and an order shipped a thousand times keeps its newest shipment updates and a count.
 */
class BoundedDocumentsIntegrationTest {

    private static final int ORDERS = 3_000;

    private final EventHistory history = new EventHistory();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldKeepTheCustomerDocumentSmallWhateverTheirOrderCount() {
        StandaloneQueryService service = StandaloneQueryService.shared();
        String many = "c-many-" + run;
        String few = "c-few-" + run;
        List<EventEnvelope> events = new ArrayList<>();
        events.add(history.registered(many, null));
        events.add(history.registered(few, null));
        Instant first = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < ORDERS; i++) {
            events.add(history.placed(
                    many + "-o-" + i,
                    many,
                    "EUR",
                    "1.00",
                    first.plusSeconds(3600L * i).toString()));
        }
        for (int i = 0; i < 3; i++) {
            events.add(history.placed(
                    few + "-o-" + i, few, "EUR", "1.00", first.plusSeconds(i).toString()));
        }
        events.add(history.detailsChanged(many, "many@example.com", null));
        events.add(history.detailsChanged(few, "few@example.com", null));

        service.publisher().publishAll(events);
        service.publisher().awaitAllConsumed();

        JsonNode page = awaitCustomer(service.http(), many);
        assertThat(page.path("summaries").path(0).path("orderCount").asInt()).isEqualTo(ORDERS);
        assertThat(page.path("lastOrderAt").asText())
                .isEqualTo(first.plusSeconds(3600L * (ORDERS - 1)).toString());
        int manySize = sizeOf(service, many);
        int fewSize = sizeOf(service, few);
        System.out.printf("customer document: %d bytes with %d orders, %d bytes with 3%n", manySize, ORDERS, fewSize);
        // The rankings hold eight orders each where the other customer's hold three, and the document keeps at most
        // 64 pending positions of some 60 bytes once its orders' documents are written, however large the batches.
        assertThat(manySize).isLessThan(fewSize + 8 * 1024);

        JsonNode lastPage = service.http()
                .get("/api/customers/" + many + "/orders?size=7&page=" + (ORDERS / 7))
                .json();
        assertThat(lastPage.path("items").size()).isEqualTo(ORDERS % 7);
        assertThat(lastPage.path("totalItems").asInt()).isEqualTo(ORDERS);
        assertThat(lastPage.path("items").path(ORDERS % 7 - 1).path("orderId").asText())
                .isEqualTo(many + "-o-0");
    }

    @Test
    void shouldKeepTheNewestShipmentUpdatesOfAnOrderShippedOverAndOver() {
        StandaloneQueryService service = StandaloneQueryService.shared();
        String customer = "c-ship-" + run;
        String orderId = "o-ship-" + run;
        List<EventEnvelope> events = new ArrayList<>();
        events.add(history.registered(customer, null));
        events.add(history.placed(orderId, customer, "EUR", "1.00", "2026-01-01"));
        Instant at = Instant.parse("2026-01-02T00:00:00Z");
        for (int i = 0; i < 300; i++) {
            events.add(
                    history.shipped(orderId, customer, at.plusSeconds(60L * i).toString()));
        }

        service.publisher().publishAll(events);
        service.publisher().awaitAllConsumed();

        JsonNode order = service.http().get("/api/orders/" + orderId).json();
        assertThat(order.path("shipmentUpdateCount").asInt()).isEqualTo(300);
        assertThat(order.path("shipmentUpdates").size()).isEqualTo(20);
        assertThat(order.path("shipmentUpdates").path(19).path("at").asText())
                .isEqualTo(at.plusSeconds(60L * 299).toString());
    }

    private static int sizeOf(StandaloneQueryService service, String customerId) {
        RawBsonDocument stored = service.database()
                .getCollection("customer_details", RawBsonDocument.class)
                .find(new org.bson.Document("_id", customerId))
                .first();
        return stored.getByteBuffer().remaining();
    }
}
