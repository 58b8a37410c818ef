package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.netty.channel.Channel;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints the throughput of the operations that lean on unique indexes, for the record; timings are not asserted
 * because they depend on the machine. The workloads mirror the services: inserts into a collection with the
 * {@code _id} index and one more unique compound index, the query service's version-guarded {@code replaceOne}
 * by {@code {_id, version}} with a unique {@code (_id, version)} index, and reads of many documents by
 * {@code _id $in}.
 *
 * <p>It compares the store as shipped with the same store whose unique indexes use MVStore's default key order
 * (both keys Java-serialised on every comparison), as the store was before {@link IndexKeyOrder}. The variants
 * run in alternating rounds and the median is printed, together with the CPU time of this JVM (server and
 * client) per operation, which a busy machine disturbs less than the wall-clock rate.
 *
 * <p>A measurement, not a test, so the build skips it: {@code ./mvnw -pl embedded-infra test -Dgroups=benchmark -Dsurefire.excludedGroups=}.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
@Tag("benchmark")
class UniqueIndexThroughputBenchmark {

    private static final Logger log = LoggerFactory.getLogger(UniqueIndexThroughputBenchmark.class);
    private static final int ROUNDS = 3;
    private static final int INSERTS = 3_000;
    private static final int REPLACES = 2_000;
    private static final int IN_QUERIES = 30;
    private static final int IDS_PER_IN_QUERY = 500;

    @TempDir
    Path tempDir;

    @Test
    void shouldMeasureTheThroughputOfUniqueIndexLookups() {
        Map<String, Function<Path, MongoBackend>> variants = new LinkedHashMap<>();
        variants.put("before: default MVStore key order (serialising)", SerialisingKeyOrderBackend::new);
        variants.put("after:  IndexKeyOrder (as shipped)             ", CommittingH2Backend::new);
        Map<String, List<Throughput>> results = new LinkedHashMap<>();
        variants.forEach((name, backend) -> measure(backend, INSERTS / 3, REPLACES / 3, IN_QUERIES / 3));
        for (int round = 0; round < ROUNDS; round++) {
            variants.forEach((name, backend) -> results.computeIfAbsent(name, key -> new ArrayList<>())
                    .add(measure(backend, INSERTS, REPLACES, IN_QUERIES)));
        }

        log.info(
                "Unique-index workloads on the persistent store (commit per write), median of {} rounds:\n"
                        + "  {} single inserts (unique _id + unique (customerId, number)),\n"
                        + "  {} replaceOne by {_id, version} (unique (_id, version)),\n"
                        + "  {} finds by _id $in of {} ids:\n{}",
                ROUNDS,
                INSERTS,
                REPLACES,
                IN_QUERIES,
                IDS_PER_IN_QUERY,
                results.entrySet().stream()
                        .map(entry -> "  " + entry.getKey() + "  " + median(entry.getValue()))
                        .collect(Collectors.joining("\n")));
        assertThat(results).hasSize(2);
    }

    private Throughput measure(Function<Path, MongoBackend> backendFactory, int inserts, int replaces, int inQueries) {
        Path file = tempDir.resolve(System.nanoTime() + ".mv");
        MongoServer server = new MongoServer(backendFactory.apply(file));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> orders = client.getDatabase("bench").getCollection("orders");
            orders.createIndex(Indexes.ascending("customerId", "number"), new IndexOptions().unique(true));
            Stopwatch stopwatch = new Stopwatch();
            for (int i = 0; i < inserts; i++) {
                orders.insertOne(order(i));
            }
            Rate insertRate = stopwatch.rate(inserts);

            MongoCollection<Document> views = client.getDatabase("bench").getCollection("views");
            views.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            views.insertMany(
                    IntStream.range(0, inserts).mapToObj(i -> view(i, 0)).toList());
            stopwatch = new Stopwatch();
            for (int i = 0; i < replaces; i++) {
                int id = i % inserts;
                long version = i / inserts;
                // a plain filter document, as the query service uses: Filters.and() renders as $and, which
                // mongo-java-server answers with a collection scan instead of the (_id, version) index
                views.replaceOne(new Document("_id", id(id)).append("version", version), view(id, version + 1));
            }
            Rate replaceRate = stopwatch.rate(replaces);

            stopwatch = new Stopwatch();
            for (int query = 0; query < inQueries; query++) {
                int offset = query * 37 % (inserts - IDS_PER_IN_QUERY + 1);
                List<String> ids = IntStream.range(offset, offset + IDS_PER_IN_QUERY)
                        .mapToObj(UniqueIndexThroughputBenchmark::id)
                        .toList();
                assertThat(orders.find(Filters.in("_id", ids)).into(new ArrayList<>()))
                        .hasSize(IDS_PER_IN_QUERY);
            }
            return new Throughput(insertRate, replaceRate, stopwatch.rate(inQueries));
        } finally {
            server.shutdownNow();
        }
    }

    private static Document order(int i) {
        return new Document("_id", id(i))
                .append("customerId", "customer-" + (i % 97))
                .append("number", (long) i)
                .append("total", "129.90")
                .append("currency", "USD");
    }

    private static Document view(int i, long version) {
        return new Document("_id", id(i))
                .append("version", version)
                .append("name", "Customer " + i)
                .append("orders", i % 7);
    }

    private static String id(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }

    private static String median(List<Throughput> rounds) {
        return String.format(
                "inserts %s | replaces %s | $in finds %s",
                median(rounds, Throughput::inserts),
                median(rounds, Throughput::replaces),
                median(rounds, Throughput::inQueries));
    }

    private static Rate median(List<Throughput> rounds, Function<Throughput, Rate> workload) {
        return new Rate(
                medianOf(rounds, round -> workload.apply(round).perSecond()),
                medianOf(rounds, round -> workload.apply(round).cpuMicrosPerOperation()));
    }

    private static double medianOf(List<Throughput> rounds, ToDoubleFunction<Throughput> value) {
        List<Double> sorted = rounds.stream()
                .map(value::applyAsDouble)
                .sorted(Comparator.naturalOrder())
                .toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The store before IndexKeyOrder: stock H2 databases and indexes, same compression, commit per command. */
    private static final class SerialisingKeyOrderBackend extends H2Backend {

        SerialisingKeyOrderBackend(Path file) {
            super(new MVStore.Builder().fileName(file.toString()).compress().open());
        }

        @Override
        public de.bwaldvogel.mongo.bson.Document handleCommand(
                Channel channel, String databaseName, String command, de.bwaldvogel.mongo.bson.Document query) {
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                commit();
            }
        }
    }

    private static final class Stopwatch {
        private final long startNanos = System.nanoTime();
        private final long startCpuNanos = processCpuNanos();

        Rate rate(int operations) {
            long nanos = Math.max(1, System.nanoTime() - startNanos);
            long cpuNanos = processCpuNanos() - startCpuNanos;
            return new Rate(operations * 1e9 / nanos, cpuNanos / 1e3 / operations);
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    private record Rate(double perSecond, double cpuMicrosPerOperation) {
        @Override
        public String toString() {
            return String.format("%,7.0f/s %,7.0f µs CPU/op", perSecond, cpuMicrosPerOperation);
        }
    }

    private record Throughput(Rate inserts, Rate replaces, Rate inQueries) {}
}
