package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * Prints what the commit per write costs, for the record; timings are not asserted because they depend on
 * the machine.
 *
 * <p>A measurement, not a test, so the build skips it: {@code ./mvnw -pl embedded-infra test -Dgroups=benchmark -Dsurefire.excludedGroups=}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("benchmark")
class CommitCostBenchmark {

    private static final Logger log = LoggerFactory.getLogger(CommitCostBenchmark.class);
    private static final int SINGLE_INSERTS = 1_000;
    private static final int BULK_WRITES = 50;
    private static final int BULK_SIZE = 100;

    @TempDir
    Path tempDir;

    @Test
    void shouldMeasureTheCostOfCommittingEveryWrite() {
        Function<Path, MongoBackend> stock = file -> new H2Backend(file.toString());
        Function<Path, MongoBackend> compressed = file -> new H2Backend(
                new MVStore.Builder().fileName(file.toString()).compress().open());
        Function<Path, MongoBackend> committing = CommittingH2Backend::new;
        for (Function<Path, MongoBackend> backend : List.of(stock, compressed, committing)) {
            measure("warm-up", backend, SINGLE_INSERTS / 4, BULK_WRITES / 4);
        }

        log.info(
                "H2 file backend, {} single inserts, then {} bulk inserts of {} documents:\n"
                        + "  stock H2Backend:              {}\n"
                        + "  compressed, no commit:        {}\n"
                        + "  compressed, commit per write: {}",
                SINGLE_INSERTS,
                BULK_WRITES,
                BULK_SIZE,
                measure("stock", stock, SINGLE_INSERTS, BULK_WRITES),
                measure("compressed", compressed, SINGLE_INSERTS, BULK_WRITES),
                measure("committing", committing, SINGLE_INSERTS, BULK_WRITES));
        assertThat(tempDir).isDirectory();
    }

    private Throughput measure(String name, Function<Path, MongoBackend> backendFactory, int singles, int bulks) {
        Path file = tempDir.resolve(name + "-" + System.nanoTime() + ".mv");
        MongoServer server = new MongoServer(backendFactory.apply(file));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> singleCollection =
                    client.getDatabase("bench").getCollection("singles");
            MongoCollection<Document> bulkCollection =
                    client.getDatabase("bench").getCollection("bulks");
            singleCollection.insertOne(new Document("_id", "first"));

            long start = System.nanoTime();
            for (int i = 0; i < singles; i++) {
                singleCollection.insertOne(document(i));
            }
            long singleNanos = System.nanoTime() - start;

            start = System.nanoTime();
            for (int batch = 0; batch < bulks; batch++) {
                int offset = batch * BULK_SIZE;
                bulkCollection.insertMany(IntStream.range(offset, offset + BULK_SIZE)
                        .mapToObj(CommitCostBenchmark::document)
                        .toList());
            }
            long bulkNanos = System.nanoTime() - start;
            return new Throughput(perSecond(singles, singleNanos), perSecond(bulks, bulkNanos), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server.shutdownNow();
        }
    }

    private static Document document(int i) {
        return new Document("_id", i)
                .append("customerId", "customer-" + (i % 100))
                .append("total", "129.90")
                .append("currency", "USD");
    }

    private static long perSecond(int operations, long nanos) {
        return operations * 1_000_000_000L / Math.max(1, nanos);
    }

    private record Throughput(long insertsPerSecond, long bulkWritesPerSecond, long fileBytes) {
        @Override
        public String toString() {
            return String.format(
                    "%,6d inserts/s, %,4d bulk writes/s, file %,d KB before close",
                    insertsPerSecond, bulkWritesPerSecond, fileBytes / 1024);
        }
    }
}
