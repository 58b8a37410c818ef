package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's order history page on the embedded store, baseline (mongo-java-server's H2 backend, which scans) and
 * as shipped (which walks the {@code (customerId, orderDate desc, _id desc)} index), same million orders, same run:
 * the first page and the last page (by keyset) of a customer with 10 orders and of one with 100,000, and the count of
 * their orders. Checks that both stores give the same pages and counts, and prints the median (baseline) and the
 * median and 99th percentile (as shipped) per query.
 *
 * <p>A measurement, not a test, so the build skips it: {@code ./mvnw -pl embedded-infra test -Dgroups=benchmark
 * -Dsurefire.excludedGroups= -Dtest=HistoryPageBenchmark}; {@code -Dcustomer360.benchmark.orders=} sets the size.
 */
@Timeout(value = 1_800, unit = TimeUnit.SECONDS)
@Tag("benchmark")
class HistoryPageBenchmark {

    private static final Logger log = LoggerFactory.getLogger(HistoryPageBenchmark.class);
    private static final int ORDERS = Integer.getInteger("customer360.benchmark.orders", 1_000_000);
    private static final int BIG = Math.min(100_000, ORDERS / 10);
    private static final int SMALL = 10;
    private static final int PAGE = 20;
    private static final int BASELINE_RUNS = 2;
    private static final int RUNS = 300;
    private static final Document NEWEST_FIRST = new Document("orderDate", -1).append("_id", -1);

    @TempDir
    Path tempDir;

    @Test
    void shouldMeasureHistoryPagesOnAMillionOrders() {
        List<Document> orders = orders(new Random(7));
        try (BenchmarkStores.Store baseline = load(BenchmarkStores.BASELINE, "baseline.mv", orders);
                BenchmarkStores.Store shipped = load(BenchmarkStores.SHIPPED, "shipped.mv", orders)) {
            Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
            Map<String, Supplier<Object>> baselineQueries = new LinkedHashMap<>();
            for (String customer : List.of("small", "big")) {
                List<Document> history = orders.stream()
                        .filter(order -> order.get("customerId").equals(customer))
                        .sorted(Comparator.comparing((Document order) -> order.getDate("orderDate"))
                                .thenComparing(order -> order.getString("_id"))
                                .reversed())
                        .toList();
                Document cursor = history.get(history.size() - 1 - Math.min(PAGE, history.size() / 2));
                Document firstPage = new Document("customerId", customer);
                Document lastPage = keyset(customer, cursor);
                for (var store : List.of(baseline, shipped)) {
                    Map<String, Supplier<Object>> target = store == baseline ? baselineQueries : queries;
                    MongoCollection<Document> collection = orders(store);
                    target.put(
                            customer + " customer (" + history.size() + " orders), first page",
                            () -> page(collection, firstPage));
                    target.put(customer + " customer, last page (keyset)", () -> page(collection, lastPage));
                    target.put(customer + " customer, countDocuments", () -> collection.countDocuments(firstPage));
                }
                assertThat(page(orders(shipped), firstPage))
                        .containsExactlyElementsOf(history.subList(0, Math.min(PAGE, history.size())));
            }
            StringBuilder report = new StringBuilder();
            for (String name : queries.keySet()) {
                Object expected = baselineQueries.get(name).get();
                Object actual = queries.get(name).get();
                assertThat(actual).as(name).isEqualTo(expected);
                List<Double> baselineMillis = time(baselineQueries.get(name), BASELINE_RUNS);
                time(queries.get(name), RUNS / 5);
                List<Double> shippedMillis = time(queries.get(name), RUNS);
                report.append(String.format(
                        "%n  %-48s baseline %9.1f ms | as shipped p50 %6.2f ms, p99 %6.2f ms",
                        name,
                        BenchmarkStores.median(baselineMillis),
                        BenchmarkStores.median(shippedMillis),
                        BenchmarkStores.percentile(shippedMillis, 99)));
            }
            log.info(
                    "History pages ({} per page) among {} orders, same results on both stores:{}",
                    PAGE,
                    ORDERS,
                    report);
        }
    }

    private BenchmarkStores.Store load(
            java.util.function.Function<Path, de.bwaldvogel.mongo.MongoBackend> backend,
            String file,
            List<Document> orders) {
        BenchmarkStores.Stopwatch stopwatch = new BenchmarkStores.Stopwatch();
        BenchmarkStores.Store store = new BenchmarkStores.Store(backend, tempDir.resolve(file));
        MongoCollection<Document> collection = orders(store);
        collection.createIndex(Indexes.compoundIndex(
                Indexes.ascending("customerId"), Indexes.descending("orderDate"), Indexes.descending("_id")));
        for (int offset = 0; offset < orders.size(); offset += 5_000) {
            collection.insertMany(orders.subList(offset, Math.min(orders.size(), offset + 5_000)).stream()
                    .map(Document::new)
                    .toList());
        }
        log.info("Loaded {} orders into {} in {} s", orders.size(), file, Math.round(stopwatch.millis() / 1000));
        return store;
    }

    private static List<Document> orders(Random random) {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            customers.add(
                    i < SMALL
                            ? "small"
                            : i < SMALL + BIG ? "big" : String.format("c-%05d", random.nextInt(ORDERS / 100)));
        }
        java.util.Collections.shuffle(customers, random);
        List<Document> orders = new ArrayList<>(ORDERS);
        for (int i = 0; i < ORDERS; i++) {
            orders.add(new Document("_id", String.format("o-%07d", i))
                    .append("customerId", customers.get(i))
                    .append("storeId", "store-" + random.nextInt(5))
                    .append("orderDate", Date.from(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000))))
                    .append("status", ParityData.STATUSES.get(random.nextInt(ParityData.STATUSES.size())))
                    .append("total", new Decimal128(BigDecimal.valueOf(random.nextInt(1_000_000), 2)))
                    .append("currency", "EUR"));
        }
        return orders;
    }

    private static Document keyset(String customer, Document cursor) {
        Date date = cursor.getDate("orderDate");
        return new Document("customerId", customer)
                .append(
                        "$or",
                        List.of(
                                new Document("orderDate", new Document("$lt", date)),
                                new Document("orderDate", date)
                                        .append("_id", new Document("$lt", cursor.getString("_id")))));
    }

    private static List<Document> page(MongoCollection<Document> orders, Document filter) {
        return orders.find(filter).sort(NEWEST_FIRST).limit(PAGE).into(new ArrayList<>());
    }

    private static MongoCollection<Document> orders(BenchmarkStores.Store store) {
        return store.client().getDatabase("shop").getCollection("orders");
    }

    private static List<Double> time(Supplier<Object> query, int runs) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            BenchmarkStores.Stopwatch stopwatch = new BenchmarkStores.Stopwatch();
            query.get();
            millis.add(stopwatch.millis());
        }
        return millis;
    }
}
