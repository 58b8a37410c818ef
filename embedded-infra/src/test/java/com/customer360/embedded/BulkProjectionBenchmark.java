package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoBackend;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query side's projection pattern on the embedded store, baseline and as shipped in the same run, same data:
 * per batch one find by {@code _id $in} of 500 ids, then one unordered bulk write of 500 version-guarded
 * {@code replaceOne({_id, version}, upsert)}s and inserts, documents of 1 to 10 KB, with the unique
 * {@code (_id, version)} index the projection creates. Prints the median time of each per batch, and checks that
 * both stores end with the same documents.
 *
 * <p>A measurement, not a test, so the build skips it: {@code ./mvnw -pl embedded-infra test -Dgroups=benchmark
 * -Dsurefire.excludedGroups= -Dtest=BulkProjectionBenchmark}.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
@Tag("benchmark")
class BulkProjectionBenchmark {

    private static final Logger log = LoggerFactory.getLogger(BulkProjectionBenchmark.class);
    private static final int BATCH = 500;
    private static final int DOCUMENTS = 5_000;
    private static final int BATCHES = Integer.getInteger("customer360.benchmark.batches", 15);

    @TempDir
    Path tempDir;

    @Test
    void shouldMeasureTheProjectionsBulkReadsAndWrites() {
        Map<String, Function<Path, MongoBackend>> variants = new LinkedHashMap<>();
        variants.put("baseline (stock H2Backend, commit per write)", BenchmarkStores.BASELINE);
        variants.put("as shipped                                  ", BenchmarkStores.SHIPPED);
        Map<String, Result> results = new LinkedHashMap<>();
        String only = System.getProperty("customer360.benchmark.only", "");
        variants.forEach((name, backend) -> {
            if (name.contains(only)) {
                results.put(name, measure(backend, name));
            }
        });

        log.info(
                "Projection pattern, {} batches over {} documents of 1-10 KB, median per batch:\n{}",
                BATCHES,
                DOCUMENTS,
                results.entrySet().stream()
                        .map(entry -> "  " + entry.getKey() + "  " + entry.getValue())
                        .reduce((a, b) -> a + "\n" + b)
                        .orElseThrow());
        List<List<Document>> contents =
                results.values().stream().map(Result::contents).toList();
        assertThat(contents).allSatisfy(content -> assertThat(content).containsExactlyElementsOf(contents.get(0)));
    }

    private Result measure(Function<Path, MongoBackend> backend, String name) {
        Random random = new Random(42);
        try (BenchmarkStores.Store store =
                new BenchmarkStores.Store(backend, tempDir.resolve(System.nanoTime() + ".mv"))) {
            MongoCollection<Document> views =
                    store.client().getDatabase("bench").getCollection("views");
            views.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            for (int offset = 0; offset < DOCUMENTS; offset += BATCH) {
                views.insertMany(IntStream.range(offset, offset + BATCH)
                        .mapToObj(i -> view(i, 0, random))
                        .toList());
            }
            List<Double> finds = new ArrayList<>();
            List<Double> writes = new ArrayList<>();
            int next = DOCUMENTS;
            for (int batch = 0; batch < BATCHES; batch++) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    ids.add(id(random.nextInt(next)));
                }
                BenchmarkStores.Stopwatch stopwatch = new BenchmarkStores.Stopwatch();
                Map<String, Long> versions = new LinkedHashMap<>();
                views.find(Filters.in("_id", ids))
                        .forEach(found -> versions.put(found.getString("_id"), found.getLong("version")));
                finds.add(stopwatch.millis());
                List<WriteModel<Document>> models = new ArrayList<>();
                for (String id : ids.stream().distinct().toList()) {
                    long version = versions.getOrDefault(id, -1L);
                    Document replacement = view(Integer.parseInt(id.substring(2)), version + 1, random);
                    models.add(new ReplaceOneModel<>(
                            new Document("_id", id).append("version", version),
                            replacement,
                            new ReplaceOptions().upsert(true)));
                }
                for (int i = 0; i < BATCH / 5; i++) {
                    models.add(new InsertOneModel<>(view(next++, 0, random)));
                }
                stopwatch = new BenchmarkStores.Stopwatch();
                views.bulkWrite(models, new BulkWriteOptions().ordered(false));
                writes.add(stopwatch.millis());
            }
            return new Result(
                    BenchmarkStores.median(finds),
                    BenchmarkStores.median(writes),
                    views.find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
    }

    private static Document view(int number, long version, Random random) {
        List<Document> orders = new ArrayList<>();
        int count = 5 + random.nextInt(55);
        for (int i = 0; i < count; i++) {
            orders.add(new Document("orderId", "order-" + number + "-" + i)
                    .append("storeId", "store-" + random.nextInt(5))
                    .append("orderDate", Date.from(Instant.ofEpochSecond(1_780_000_000L + random.nextInt(10_000_000))))
                    .append("total", new Decimal128(BigDecimal.valueOf(random.nextInt(100_000), 2)))
                    .append("refundedTotal", new Decimal128(BigDecimal.ZERO.setScale(2)))
                    .append("currency", "EUR")
                    .append("status", "DELIVERED"));
        }
        return new Document("_id", id(number))
                .append("version", version)
                .append("name", "Customer " + number)
                .append("email", "customer" + number + "@example.com")
                .append("lifetimeValue", new Decimal128(BigDecimal.valueOf(random.nextInt(10_000_000), 2)))
                .append("orderCount", count)
                .append("orders", orders);
    }

    private static String id(int number) {
        return String.format("c-%07d", number);
    }

    private record Result(double findMillis, double writeMillis, List<Document> contents) {
        @Override
        public String toString() {
            return String.format(
                    "_id $in of %d: %6.1f ms | bulk write of %d: %6.1f ms", BATCH, findMillis, BATCH, writeMillis);
        }
    }
}
