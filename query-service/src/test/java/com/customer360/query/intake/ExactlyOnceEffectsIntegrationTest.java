package com.customer360.query.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.EventPublisher;
import com.customer360.query.FixedClock;
import com.customer360.query.RawDocuments;
import com.customer360.query.StandaloneQueryService;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kafka delivers at least once: a batch whose offsets were not committed comes again. These run the whole service on
 * a real broker and store, make it die where a crash hurts most, and compare every read-model document, byte for byte
 * ({@code version} and {@code updatedAt} included, under a fixed clock), with a clean run of the same events. The
 * events are on the topic before the service starts, so it receives them as one batch.
 */
class ExactlyOnceEffectsIntegrationTest {

    private static final String[] READ_MODELS = {"customer_details", "order_details"};

    private final String name = "exactly-once-" + UUID.randomUUID();
    private final EventHistory history = new EventHistory();
    private EventPublisher publisher;

    @BeforeEach
    void createTopic() {
        com.customer360.testing.TestInfrastructure.shared().createTopic(name, 3);
        publisher = new EventPublisher(
                StandaloneQueryService.bootstrapServers(), name, StandaloneQueryService.groupOf(name));
    }

    @Test
    void shouldEndAsACleanRunWhenTheServiceFailsAfterItsWritesBeforeItsOffsetCommit() {
        List<EventEnvelope> events = customerHistories(10);
        publisher.publish(events);

        try (StandaloneQueryService service = start(CrashingCheckpoints.AFTER_BATCH_WRITTEN)) {
            publisher.awaitAllConsumed();

            List<List<String>> batches = service.bean(CrashingCheckpoints.class).writtenBatches();
            assertThat(batches).as("the batch, then the same batch again").hasSize(2);
            assertThat(batches.get(0)).hasSize(events.size()).isEqualTo(batches.get(1));
            assertThat(RawDocuments.all(service.database(), READ_MODELS))
                    .hasSize(40)
                    .isEqualTo(RawDocuments.all(CleanRun.of(service.context(), events), READ_MODELS));
        }
    }

    @Test
    void shouldEndAsACleanRunWhenTheServiceRestartsInTheMiddleOfALargeBatch() {
        List<EventEnvelope> events = customerHistories(30);
        publisher.publish(events);

        List<String> interrupted;
        // A long pause before retrying, so nothing but the stop happens after the crash.
        try (StandaloneQueryService service = start(
                CrashingCheckpoints.AFTER_CUSTOMERS_WRITTEN, "customer360.projection.retry.initial-interval", "10m")) {
            CrashingCheckpoints checkpoints = service.bean(CrashingCheckpoints.class);
            await().atMost(Duration.ofSeconds(60)).until(checkpoints::crashed);
            interrupted = checkpoints.customerWrites().get(0);
            assertHalfWritten(service.database());
        }
        assertThat(interrupted).as("one batch of every event").hasSize(events.size());
        assertThat(publisher.committedOffsets()).isEmpty();

        try (StandaloneQueryService service = start("never")) {
            publisher.awaitAllConsumed();

            List<List<String>> writes = service.bean(CrashingCheckpoints.class).customerWrites();
            assertThat(writes.get(0)).as("the interrupted batch, whole again").isEqualTo(interrupted);
            assertThat(RawDocuments.all(service.database(), READ_MODELS))
                    .hasSize(120)
                    .isEqualTo(RawDocuments.all(CleanRun.of(service.context(), events), READ_MODELS));
        }
    }

    /**
     * A customer with more orders in the batch than its document keeps positions of: the order documents are written,
     * and the service dies before the customer document forgets the positions they caught up with.
     */
    @Test
    void shouldEndAsACleanRunWhenTheServiceFailsBeforeTheCustomerDocumentsForgetCaughtUpPositions() {
        List<EventEnvelope> events = customerHistories(5);
        for (int i = 0; i < 100; i++) {
            events.add(history.placed("c-large-o-" + i, "c-large", "EUR", "3.0" + (i % 10), "2026-02-01"));
        }
        events.add(history.registered("c-large", null));
        publisher.publish(events);

        try (StandaloneQueryService service = start(CrashingCheckpoints.AFTER_ORDERS_WRITTEN)) {
            publisher.awaitAllConsumed();

            assertThat(service.bean(CrashingCheckpoints.class).customerWrites())
                    .as("the batch, then the same batch again")
                    .hasSize(2);
            assertThat(RawDocuments.all(service.database(), READ_MODELS))
                    .hasSize(5 * 4 + 1 + 100)
                    .isEqualTo(RawDocuments.all(CleanRun.of(service.context(), events), READ_MODELS));
            assertThat(service.database()
                            .getCollection("customer_details")
                            .find(new org.bson.Document("_id", "c-large"))
                            .first()
                            .getList("pending", org.bson.Document.class))
                    .as("the positions forgotten by the batch that came again")
                    .isEmpty();
        }
    }

    private StandaloneQueryService start(String crashAt, String... settings) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of("test.crash-at", crashAt));
        for (int i = 0; i < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        return StandaloneQueryService.start(name, properties, FixedClock.class, CrashingCheckpoints.class);
    }

    /** The stopped service wrote the customer documents of the batch and none of its order documents. */
    private static void assertHalfWritten(MongoDatabase database) {
        assertThat(database.getCollection("customer_details").countDocuments()).isPositive();
        assertThat(database.getCollection("order_details").countDocuments()).isZero();
    }

    /** Ten events for each customer, over two orders placed, one drafted and cancelled, in two currencies. */
    private List<EventEnvelope> customerHistories(int customers) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String customerId = "c-" + i;
            String first = customerId + "-o-1";
            String second = customerId + "-o-2";
            String draft = customerId + "-o-3";
            events.add(history.registered(customerId, EventHistory.address(i + " Home Road")));
            events.add(history.placed(first, customerId, "USD", "10.0" + (i % 10), "2026-01-01"));
            events.add(history.placed(second, customerId, "EUR", "20.50", "2026-01-02"));
            events.add(history.shipped(first, customerId, "2026-01-03"));
            events.add(history.addressChanged(second, customerId, EventHistory.address(i + " New Road")));
            events.add(history.refunded(second, customerId, "EUR", "5.00"));
            events.add(history.delivered(first, customerId, "2026-01-04"));
            events.add(history.drafted(draft, customerId, "USD", "7.00", "2026-01-05"));
            events.add(history.cancelled(draft, customerId));
            events.add(history.returned(first, customerId));
        }
        return events;
    }
}
