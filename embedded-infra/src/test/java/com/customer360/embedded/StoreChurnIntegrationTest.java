package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long bulk-write churn must leave every document and index readable.
 *
 * <p>The failure this guards against took minutes of bulk writes to a collection with many indexes (the customer
 * list's benchmark at 30,000 customers): the chunks a read needed were gone ({@code MVStoreException: Chunk ... not
 * found}), for good. MVStore's retention time is cut here from 45 s to none, so that the file's space is reused as soon
 * as it can be while readers walk the indexes. This churn did not show the fault within the minute a test may take
 * (the benchmark did, twice); it keeps the class covered — documents and indexes readable after every bulk rewrite —
 * and {@link CommittingH2BackendTest} pins the cause that was removed, the store's background housekeeping.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StoreChurnIntegrationTest {

    private static final int CUSTOMERS = Integer.getInteger("churn.customers", 2_000);
    private static final int ROUNDS = Integer.getInteger("churn.rounds", 30);
    private static final int WRITERS = 2;

    @TempDir
    Path tempDir;

    @Test
    void shouldKeepEveryDocumentReadableThroughLongBulkWriteChurn() throws Exception {
        CommittingH2Backend backend = new CommittingH2Backend(tempDir.resolve(EmbeddedMongoServer.FILE_NAME));
        backend.getMvStore().setRetentionTime(0);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> customers = customers(client);
            for (String field : List.of("name", "email", "phone", "lifetimeValue", "orderCount", "lastOrderAt")) {
                customers.createIndex(Indexes.compoundIndex(Indexes.ascending(field), Indexes.ascending("_id")));
            }
            ExecutorService executor = Executors.newFixedThreadPool(WRITERS + 1);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int writer = 0; writer < WRITERS; writer++) {
                    int id = writer;
                    writers.add(executor.submit(() -> churn(uri, id)));
                }
                Future<?> reader = executor.submit(() -> read(uri, writers));
                for (Future<?> writer : writers) {
                    writer.get(4, TimeUnit.MINUTES);
                }
                reader.get(1, TimeUnit.MINUTES);
            } finally {
                executor.shutdownNow();
            }

            assertThat(customers.countDocuments()).isEqualTo(CUSTOMERS);
            List<Document> all =
                    customers.find().sort(Sorts.ascending("lifetimeValue")).into(new ArrayList<>());
            assertThat(all).hasSize(CUSTOMERS).allSatisfy(document -> assertThat(document.getInteger("round"))
                    .isEqualTo(ROUNDS - 1));
            assertThat(customers.find(Filters.gte("orderCount", 0)).into(new ArrayList<>()))
                    .hasSize(CUSTOMERS);
        } finally {
            server.shutdownNow();
        }
    }

    /** Reads pages along the indexes while the writers run, as the list and the pages do. */
    private static void read(String uri, List<Future<?>> writers) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> customers = customers(client);
            while (writers.stream().anyMatch(writer -> !writer.isDone())) {
                customers
                        .find(Filters.gte("lifetimeValue", 50_000L))
                        .sort(Sorts.descending("lifetimeValue"))
                        .limit(50)
                        .into(new ArrayList<>());
                customers.countDocuments(Filters.regex("email", "9@"));
                customers.countDocuments(Filters.lt("orderCount", 10));
            }
        }
    }

    /** Every round rewrites this writer's half of the customers in bulk writes of 500, each document a few KiB. */
    private static void churn(String uri, int writer) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> customers = customers(client);
            for (int round = 0; round < ROUNDS; round++) {
                List<WriteModel<Document>> batch = new ArrayList<>();
                for (int i = writer; i < CUSTOMERS; i += WRITERS) {
                    batch.add(new ReplaceOneModel<>(
                            Filters.eq("_id", "c-%05d".formatted(i)),
                            customer(i, round),
                            new ReplaceOptions().upsert(true)));
                    if (batch.size() == 500) {
                        customers.bulkWrite(batch);
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) {
                    customers.bulkWrite(batch);
                }
            }
        }
    }

    private static Document customer(int i, int round) {
        List<Document> orders = new ArrayList<>();
        for (int order = 0; order < 20; order++) {
            orders.add(new Document("orderId", "o-%05d-%02d".formatted(i, order))
                    .append("total", new org.bson.types.Decimal128(new java.math.BigDecimal(round * 7 + order + ".50")))
                    .append("status", order % 3 == 0 ? "DELIVERED" : "IN_TRANSIT")
                    .append("note", "x".repeat(60 + (i + round) % 40)));
        }
        return new Document("_id", "c-%05d".formatted(i))
                .append("name", "Customer " + ((i * 31 + round) % CUSTOMERS))
                .append("email", "c" + i + "-" + round + "@example.com")
                .append("phone", "+4930" + (1_000_000 + i * 13 + round))
                .append("lifetimeValue", (long) ((i * 17 + round * 101) % 100_000))
                .append("orderCount", (i + round) % 50)
                .append(
                        "lastOrderAt",
                        java.util.Date.from(java.time.Instant.ofEpochSecond(1_700_000_000L + i + round * 86_400L)))
                .append("round", round)
                .append("orders", orders);
    }

    private static MongoCollection<Document> customers(MongoClient client) {
        return client.getDatabase("views").getCollection("customer_details");
    }
}
