package com.customer360.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.netty.channel.Channel;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.h2.mvstore.MVStore;

/**
 * The stores the embedded-store benchmarks compare, and what they share: a server with a client, and a clock of
 * wall and CPU time.
 *
 * <p>The baseline is mongo-java-server's own H2 backend as the project used it before it had an embedded-infra
 * module of its own: compressed pages and a commit after every command (so that it is as durable as the store as
 * shipped), documents Java-serialised, non-unique indexes ignored, every query that is not an exact match on a
 * unique index a scan.
 */
final class BenchmarkStores {

    static final Function<Path, MongoBackend> BASELINE = StockCommittingBackend::new;
    static final Function<Path, MongoBackend> SHIPPED = CommittingH2Backend::new;

    private BenchmarkStores() {}

    /** A server over a backend on a file of its own, and a client of it. */
    static final class Store implements AutoCloseable {
        private final MongoServer server;
        private final MongoClient client;

        Store(Function<Path, MongoBackend> backend, Path file) {
            server = new MongoServer(backend.apply(file));
            server.bind("127.0.0.1", 0);
            client = MongoClients.create(
                    "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        }

        MongoClient client() {
            return client;
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }

    /** Wall-clock and CPU time of this JVM (server and client) since it was started. */
    static final class Stopwatch {
        private final long startNanos = System.nanoTime();
        private final long startCpuNanos = processCpuNanos();

        double millis() {
            return (System.nanoTime() - startNanos) / 1e6;
        }

        double cpuMillis() {
            return (processCpuNanos() - startCpuNanos) / 1e6;
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static double percentile(List<Double> values, double percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100 * sorted.size()) - 1));
    }

    private static final class StockCommittingBackend extends H2Backend {

        StockCommittingBackend(Path file) {
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
}
