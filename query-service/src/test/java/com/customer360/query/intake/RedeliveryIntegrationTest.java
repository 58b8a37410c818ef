package com.customer360.query.intake;

import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.EventPublisher;
import com.customer360.query.StandaloneQueryService;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedeliveryIntegrationTest {

    private final StandaloneQueryService service = StandaloneQueryService.shared();

    private final String customerId = "c-" + UUID.randomUUID();
    private final String orderA = customerId + "-a";
    private final String orderB = customerId + "-b";
    private final EventHistory history = new EventHistory();
    private List<EventEnvelope> events;
    private EventPublisher publisher;

    @BeforeEach
    void projectAHistoryOnce() {
        events = List.of(
                history.registered(customerId, EventHistory.address("1 Home Road")),
                history.placed(orderA, customerId, "USD", "10.00", "2026-01-01"),
                history.placed(orderB, customerId, "EUR", "20.00", "2026-01-02"),
                history.shipped(orderA, customerId, "2026-01-03"),
                history.refunded(orderB, customerId, "EUR", "5.00"),
                history.cancelled(orderA, customerId));
        publisher = service.publisher();
        publisher.awaitConsumed(publisher.publish(events));
    }

    @Test
    void shouldLeaveTheDocumentsByteForByteUnchangedWhenEveryEventArrivesTwice() {
        Map<String, String> before = storedDocuments();

        RecordMetadata last = publisher.publish(events);
        publisher.awaitConsumed(last);

        assertThat(storedDocuments()).containsExactlyInAnyOrderEntriesOf(before).hasSize(3);
    }

    @Test
    void shouldLeaveTheDocumentsByteForByteUnchangedWhenAnOldPrefixIsReplayed() {
        Map<String, String> before = storedDocuments();

        RecordMetadata last = publisher.publish(events.subList(0, 3));
        publisher.awaitConsumed(last);

        assertThat(storedDocuments()).containsExactlyInAnyOrderEntriesOf(before).hasSize(3);
    }

    /** The raw BSON (as hex) of the customer's and orders' documents, version and updatedAt included. */
    private Map<String, String> storedDocuments() {
        Map<String, String> documents = new TreeMap<>();
        read("customer_details", List.of(customerId), documents);
        read("order_details", List.of(orderA, orderB), documents);
        return documents;
    }

    private void read(String collection, List<String> ids, Map<String, String> into) {
        service.database()
                .getCollection(collection, RawBsonDocument.class)
                .find(in("_id", ids))
                .forEach(document -> {
                    byte[] bytes = new byte[document.getByteBuffer().remaining()];
                    document.getByteBuffer().get(bytes);
                    into.put(
                            collection + "/" + document.getString("_id").getValue(),
                            HexFormat.of().formatHex(bytes));
                });
    }
}
