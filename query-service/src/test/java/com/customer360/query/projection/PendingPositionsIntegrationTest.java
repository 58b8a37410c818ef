package com.customer360.query.projection;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.EventHistory;
import com.customer360.query.store.ReadVersions;
import com.customer360.testing.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.unit.DataSize;

/**
 * A customer document remembers the positions of the orders its last write took in ahead of their order documents
 * ({@code pending}, see {@code CustomerDetails}). However many of one customer's orders a single batch of the live
 * path, or a single flush of a rebuild, changes, the document keeps no more of them than a small bound once the order
 * documents are written — so the batch size can grow without the documents, and every read of them, growing with it.
 */
class PendingPositionsIntegrationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-10T00:00:00Z"), ZoneOffset.UTC);
    private static final ProjectionSettings SETTINGS = new ProjectionSettings(
            3,
            DataSize.ofMegabytes(16),
            new ProjectionSettings.Retry(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)));
    private static final int ORDERS = 3_000;
    /** The rankings' eight entries each of the many-order customer, against three of the other, and some slack. */
    private static final int RANKINGS_ALLOWANCE = 3_000;

    private final EventHistory history = new EventHistory();
    private final String database = "pending-" + UUID.randomUUID();
    private final MongoClient client =
            MongoClients.create(TestInfrastructure.shared().mongoUri(database));
    private final MongoTemplate mongo = new MongoTemplate(client, database);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void shouldKeepTheCustomerDocumentSmallAfterABatchOfThousandsOfItsOrders() {
        List<EventEnvelope> batch = history();
        Projector projector = new Projector(mongo, CLOCK, SETTINGS, ProjectionCheckpoints.NONE);

        assertThat(projector.project(batch, true).failures()).isEmpty();

        MongoCollection<Document> customers = mongo.getCollection("customer_details");
        assertSmall(customers);
        // The batch again, as after a crash before its offsets were committed: nothing counts twice.
        assertThat(projector.project(batch, true).failures()).isEmpty();
        assertFigures(customers);
    }

    @Test
    void shouldKeepTheCustomerDocumentSmallAfterARebuildFlushesThousandsOfItsOrders() {
        BulkProjector rebuild = new BulkProjector(mongo, CLOCK, SETTINGS, 2, false, 10_000);

        assertThat(rebuild.project(history()).failures()).isEmpty();
        rebuild.flush();

        assertSmall(mongo.getCollection(ReadVersions.collectionName("customer_details", 2)));
    }

    private List<EventEnvelope> history() {
        List<EventEnvelope> events = new ArrayList<>();
        events.add(history.registered("c-many", null));
        events.add(history.registered("c-few", null));
        Instant first = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < ORDERS; i++) {
            events.add(history.placed(
                    "c-many-o-" + i,
                    "c-many",
                    "EUR",
                    "1.25",
                    first.plusSeconds(3600L * i).toString()));
        }
        for (int i = 0; i < 3; i++) {
            events.add(history.placed(
                    "c-few-o-" + i, "c-few", "EUR", "1.25", first.plusSeconds(i).toString()));
        }
        return events;
    }

    private static void assertSmall(MongoCollection<Document> customers) {
        int many = sizeOf(customers, "c-many");
        int few = sizeOf(customers, "c-few");
        System.out.printf(
                "customer document: %d bytes with %d orders in one batch, %d bytes with 3%n", many, ORDERS, few);
        assertThat(many).isLessThan(few + RANKINGS_ALLOWANCE + PendingPositions.KEPT_AT_MOST * 64);
        assertFigures(customers);
    }

    private static void assertFigures(MongoCollection<Document> customers) {
        Document stored = customers.find(eq("_id", "c-many")).first();
        assertThat(stored.getLong("orderCount")).isEqualTo(ORDERS);
        assertThat(((Decimal128) stored.get("primaryLifetimeValue")).bigDecimalValue())
                .isEqualByComparingTo(new BigDecimal("1.25").multiply(BigDecimal.valueOf(ORDERS)));
    }

    private static int sizeOf(MongoCollection<Document> customers, String customerId) {
        RawBsonDocument stored = customers
                .withDocumentClass(RawBsonDocument.class)
                .find(eq("_id", customerId))
                .first();
        return stored.getByteBuffer().remaining();
    }
}
