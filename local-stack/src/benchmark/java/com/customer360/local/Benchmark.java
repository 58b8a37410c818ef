package com.customer360.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * The one benchmark command: every figure of the live path with its baseline measured in the same run on the same
 * machine, checked against what the run should have produced, printed as one table and written as Markdown and JSON
 * under {@code local-stack/target/benchmark/}.
 *
 * <ul>
 *   <li>Catch-up: the query service projecting a history already on the topic ({@link SkewedHistory}: customers with
 *       1 to thousands of orders, interleaved at random) against {@link NaiveProjection} on a history of the same
 *       kind, and against the store's raw bulk-write rate of the very documents the projection produced.
 *   <li>Commands: registrations through the HTTP API of the local stack with 16 clients (closed loop) against the
 *       raw insert rate of the event store's own documents with 16 threads; registrations published to the inbound
 *       topic against the same rate ({@link UpstreamBenchmark}); then commands open loop, until visible in the query
 *       API.
 *   <li>Reads: details and history pages at a fixed rate, open loop over {@code benchmark.read-connections}
 *       connections ({@link ReadBenchmark}).
 *   <li>Scale: the heap and the catch-up rate after {@code benchmark.scale-customers} customers and {@code
 *       benchmark.scale-orders} orders, against the same after a tenth of them ({@link ScaleBenchmark}).
 * </ul>
 *
 * <p>{@code benchmark.parts} ({@code catch-up,http,scale} by default) chooses the parts.
 *
 * <p>Missed targets, KO answers and a part that failed are all in the table; only wrong documents fail the run.
 *
 * <pre>./mvnw -q -B -ntp -pl local-stack -am -DskipTests -Pbenchmark verify</pre>
 */
public final class Benchmark {

    static final int PARTITIONS = 3;
    static final int CLIENTS = 16;
    static final Duration LIMIT = Duration.ofMinutes(20);

    private final BenchmarkReport report = new BenchmarkReport();
    private final List<String> wrong = new ArrayList<>();

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int naiveEvents = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int commandsPerClient = args.length > 2 ? Integer.parseInt(args[2]) : 250;
        int largeOrders = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        int readConnections = Integer.getInteger("benchmark.read-connections", ReadSimulation.DEFAULT_CONNECTIONS);
        int scaleCustomers = Integer.getInteger("benchmark.scale-customers", 100_000);
        int scaleOrders = Integer.getInteger("benchmark.scale-orders", 1_000_000);
        Set<String> parts = Set.of(
                System.getProperty("benchmark.parts", "catch-up,http,scale").split(","));
        Path out = Path.of(args.length > 4 ? args[4] : "target/benchmark").toAbsolutePath();
        Benchmark benchmark = new Benchmark();
        if (parts.contains("catch-up")) {
            new CatchUpBenchmark(benchmark.report, benchmark.wrong).run(events, naiveEvents);
            // Written after each part too, so that a later part that dies leaves the figures measured before it.
            benchmark.report.write(out);
        }
        if (parts.contains("http")) {
            try {
                new HttpBenchmark(benchmark.report, benchmark.wrong, parts.contains("catch-up"))
                        .run(commandsPerClient, largeOrders, readConnections, out);
            } catch (Exception e) {
                // What it measured before stopping is in the table; what it did not check cannot count as right.
                benchmark.wrong.add("the HTTP parts stopped before their checks were done: " + e);
            }
            benchmark.report.write(out);
        }
        if (parts.contains("scale")) {
            try {
                new ScaleBenchmark(benchmark.report, benchmark.wrong).run(scaleCustomers, scaleOrders);
            } catch (Exception e) {
                benchmark.report.add(BenchmarkReport.Row.failed("heap in use at scale", null, e));
                benchmark.wrong.add("the scale part stopped before its checks were done: " + e);
            }
            benchmark.report.write(out);
        }
        System.out.println();
        System.out.println(benchmark.report.markdown());
        System.out.println("Written to " + out.toAbsolutePath().normalize() + "/benchmark.{md,json}");
        if (!benchmark.wrong.isEmpty()) {
            benchmark.wrong.stream().limit(20).forEach(System.out::println);
            throw new IllegalStateException(benchmark.wrong.size() + " figures were wrong; the run does not count");
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static long committed(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                .filter(java.util.Objects::nonNull)
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static long usedHeapMiB() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
