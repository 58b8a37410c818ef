package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queries answered from indexes against the same queries scanned: the same seeded documents, indexes and mix of
 * random queries and writes go to the store as shipped and to mongo-java-server's own H2 backend (which ignores
 * non-unique indexes and scans), and every answer must be the same: same documents in the same order, same counts,
 * same effects of writes. Halfway the store is closed and reopened, so the second half reads indexes from the file.
 *
 * <p>The seed is fixed so the build is repeatable; {@code -Dcustomer360.parity.seed=...} tries others.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class IndexParityTest {

    private static final Logger log = LoggerFactory.getLogger(IndexParityTest.class);
    private static final int DOCUMENTS = 2_000;
    private static final int QUERIES = 800;

    @TempDir
    Path tempDir;

    @Test
    void shouldAnswerEveryQueryFromItsIndexesExactlyAsAScanWould() {
        long seed = Long.getLong("customer360.parity.seed", 20261201L);
        Random random = new Random(seed);
        ParityQueries queries = new ParityQueries(random);
        Path ours = tempDir.resolve("ours.mv");
        try (Store expected = new Store(file -> new H2Backend(file.toString()), tempDir.resolve("stock.mv"));
                Store actual = new Store(CommittingH2Backend::new, ours)) {
            List<Store> both = List.of(expected, actual);
            List<Integer> numbers =
                    new ArrayList<>(IntStream.range(0, 3 * DOCUMENTS).boxed().toList());
            Collections.shuffle(numbers, random);
            List<Document> documents = numbers.subList(0, DOCUMENTS).stream()
                    .map(number -> queries.data().order(number))
                    .toList();
            // Half the documents are there before the indexes (built over them), half are written after (kept up).
            for (Store store : both) {
                store.orders()
                        .insertMany(documents.subList(0, DOCUMENTS / 2).stream()
                                .map(Document::new)
                                .toList());
                createIndexes(store.orders());
                store.orders()
                        .insertMany(documents.subList(DOCUMENTS / 2, DOCUMENTS).stream()
                                .map(Document::new)
                                .toList());
            }
            int planned = 0;
            long scanNanos = 0;
            long ourNanos = 0;
            for (int i = 0; i < QUERIES; i++) {
                if (i == QUERIES / 2) {
                    actual.reopen();
                }
                ParityQueries.Query query = queries.next();
                String description = "seed " + seed + ", query " + i + " (" + query.shape() + "): " + query;
                long started = System.nanoTime();
                List<Document> scanned = find(expected, query);
                long middle = System.nanoTime();
                List<Document> found = find(actual, query);
                scanNanos += middle - started;
                ourNanos += System.nanoTime() - middle;
                assertThat(found).as(description).containsExactlyElementsOf(scanned);
                assertThat(actual.orders().countDocuments(query.filter()))
                        .as(description)
                        .isEqualTo(expected.orders().countDocuments(query.filter()));
                planned += actual.explain(query) != null ? 1 : 0;
                if (i % 10 == 0) {
                    write(
                            random.nextInt(5),
                            queries,
                            random.nextLong(),
                            expected,
                            actual,
                            "seed " + seed + ", write " + i);
                }
            }
            assertThat(find(actual, new ParityQueries.Query("all", new Document(), null, 0, 0)))
                    .containsExactlyElementsOf(
                            find(expected, new ParityQueries.Query("all", new Document(), null, 0, 0)));
            log.info(
                    "{} of {} random queries were answered from an index (seed {}); finds took {} ms scanned, {} ms here",
                    planned,
                    QUERIES,
                    seed,
                    scanNanos / 1_000_000,
                    ourNanos / 1_000_000);
            assertThat(planned).isGreaterThan(QUERIES / 2);
        }
    }

    private static void createIndexes(MongoCollection<Document> orders) {
        orders.createIndex(Indexes.compoundIndex(
                Indexes.ascending("customerId"), Indexes.descending("orderDate"), Indexes.descending("_id")));
        orders.createIndex(Indexes.compoundIndex(
                Indexes.ascending("customerId", "status"), Indexes.descending("orderDate", "_id")));
        orders.createIndex(Indexes.ascending("amount"));
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending("flag"), Indexes.descending("amount")));
        orders.createIndex(Indexes.ascending("name"));
        orders.createIndex(Indexes.descending("lastAt"));
        orders.createIndex(Indexes.ascending("weird"));
        orders.createIndex(Indexes.ascending("tags"));
        orders.createIndex(Indexes.ascending("sparse"), new IndexOptions().sparse(true));
    }

    private static List<Document> find(Store store, ParityQueries.Query query) {
        FindIterable<Document> find =
                store.orders().find(query.filter()).skip(query.skip()).limit(query.limit());
        if (query.sort() != null) {
            find = find.sort(query.sort());
        }
        return find.into(new ArrayList<>());
    }

    /** The same random write on both stores; the results (and later every query) must agree. */
    private static void write(int kind, ParityQueries queries, long seed, Store expected, Store actual, String as) {
        List<Object> results = new ArrayList<>();
        for (Store store : List.of(expected, actual)) {
            Random random = new Random(seed);
            ParityQueries writes = new ParityQueries(random);
            Document filter = writes.writeFilter();
            ParityData data = writes.data();
            MongoCollection<Document> orders = store.orders();
            Bson update = Updates.combine(Updates.set("status", data.status()), Updates.set("orderDate", data.date(9)));
            results.add(
                    switch (kind) {
                        case 0 -> orders.updateMany(filter, update).getModifiedCount();
                        case 1 ->
                            orders.updateOne(filter, Updates.inc("amount", 1)).getModifiedCount();
                        case 2 -> orders.deleteOne(filter).getDeletedCount();
                        case 3 ->
                            orders.findOneAndUpdate(
                                    filter,
                                    Updates.set("tag", random.nextInt(9)),
                                    new FindOneAndUpdateOptions()
                                            .sort(new Document("orderDate", -1).append("_id", -1)));
                        default -> replace(orders, random.nextInt(3 * DOCUMENTS), data, random.nextBoolean());
                    });
        }
        assertThat(results.get(1)).as(as).isEqualTo(results.get(0));
    }

    private static long replace(MongoCollection<Document> orders, int number, ParityData data, boolean upsert) {
        Document replacement = data.order(number).append("sparse", number % 3);
        return orders.replaceOne(
                        new Document("_id", replacement.get("_id")), replacement, new ReplaceOptions().upsert(upsert))
                .getModifiedCount();
    }

    /** A server over one backend and file, and a client of it. */
    private static final class Store implements AutoCloseable {
        private final Function<Path, MongoBackend> backend;
        private final Path file;
        private MongoBackend opened;
        private MongoServer server;
        private MongoClient client;

        Store(Function<Path, MongoBackend> backend, Path file) {
            this.backend = backend;
            this.file = file;
            open();
        }

        MongoCollection<Document> orders() {
            return client.getDatabase("shop").getCollection("orders");
        }

        IndexPlan explain(ParityQueries.Query query) {
            IndexedH2Collection collection =
                    (IndexedH2Collection) opened.resolveDatabase("shop").resolveCollection("orders", true);
            return collection.explain(
                    MjsDocuments.of(query.filter()),
                    query.sort() == null ? null : MjsDocuments.of(query.sort()),
                    query.limit());
        }

        void reopen() {
            close();
            open();
        }

        private void open() {
            opened = backend.apply(file);
            server = new MongoServer(opened);
            server.bind("127.0.0.1", 0);
            client = MongoClients.create(
                    "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
