package com.customer360.local;

import static com.customer360.local.Benchmark.CLIENTS;
import static com.customer360.local.Benchmark.LIMIT;
import static com.customer360.local.Benchmark.seconds;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The HTTP parts of the benchmark, on one local stack: commands closed loop beside the event store's raw insert rate,
 * commands open loop until visible, then the reads ({@link ReadBenchmark}), through Gatling. A Gatling run that fails
 * leaves its rows in the table, marked failed with the reason, and the parts after it still run.
 */
final class HttpBenchmark {

    private static final String COMMANDS = "commands through HTTP, 16 clients (closed loop, Gatling)";
    private static final String VISIBLE = "command → visible in the query API, p99, 200 commands/s open loop";

    private final BenchmarkReport report;
    private final List<String> wrong;
    private final boolean warm;

    /** {@code warm}: the catch-up part ran before in this JVM, so the start-up is that of a warm JVM. */
    HttpBenchmark(BenchmarkReport report, List<String> wrong, boolean warm) {
        this.report = report;
        this.wrong = wrong;
        this.warm = warm;
    }

    void run(int perClient, int largeOrders, int readConnections, Path out) throws Exception {
        Path data = Files.createTempDirectory("c360-benchmark-stack");
        // One writer's credentials for all 16 clients: the per-client rate limit (2,000/s) is raised for the run.
        LocalSettings settings =
                new LocalSettings(data, 0, 0, 0, 0, false, 0, 0, List.of("--customer360.security.rate-limit=1000000"));
        long start = System.nanoTime();
        try (LocalStack stack = new LocalStack(settings)) {
            stack.start();
            report.add(new BenchmarkReport.Row(
                    "local stack start-up (both stores, both services)",
                    seconds(start),
                    "s",
                    null,
                    null,
                    null,
                    null,
                    null,
                    warm
                            ? "no demo data; the JVM already warm from the catch-up part"
                            : "no demo data; a cold JVM (the catch-up part did not run first)"));
            String run = Long.toString(System.currentTimeMillis(), 36);
            Map<String, String> gatling = Map.of(
                    "benchmark.base", stack.commandApi().toString(),
                    "benchmark.query-base", stack.queryApi().toString(),
                    "benchmark.authorization", stack.authorization("writer"),
                    "benchmark.query-authorization", stack.authorization("viewer"),
                    "benchmark.run", run,
                    "benchmark.clients", Integer.toString(CLIENTS),
                    "benchmark.per-client", Integer.toString(perClient));
            double rawInserts = Double.NaN;
            try {
                rawInserts = commands(stack, gatling, perClient, out);
            } catch (Exception e) {
                report.add(BenchmarkReport.Row.failed(COMMANDS, "≥ 1,000 commands/s", e));
            }
            try {
                new UpstreamBenchmark(report, wrong)
                        .run(stack, Integer.getInteger("benchmark.upstream-messages", 10_000), run, rawInserts);
            } catch (Exception e) {
                report.add(BenchmarkReport.Row.failed(UpstreamBenchmark.FIGURE, UpstreamBenchmark.TARGET, e));
            }
            try {
                visible(out);
            } catch (Exception e) {
                report.add(BenchmarkReport.Row.failed(VISIBLE, "≤ 100 ms", e));
            }
            report.write(out);
            new ReadBenchmark(report, wrong, readConnections).run(stack, largeOrders, out);
        }
    }

    /** Returns the event store's raw insert rate it measured beside the commands. */
    private double commands(LocalStack stack, Map<String, String> gatling, int perClient, Path out) throws Exception {
        Map<String, String> warmUp = new java.util.HashMap<>(gatling);
        warmUp.put("benchmark.run", gatling.get("benchmark.run") + "-warm");
        warmUp.put("benchmark.per-client", Integer.toString(perClient / 5 + 1));
        GatlingRun.Stats warm = GatlingRun.run(CommandSimulation.class, out.resolve("gatling"), warmUp)
                .stats(CommandSimulation.MEASURED);
        GatlingRun commands = GatlingRun.run(CommandSimulation.class, out.resolve("gatling"), gatling);
        GatlingRun.Stats measured = commands.stats(CommandSimulation.MEASURED);
        long sent = measured.ok() + measured.failed() + warm.ok() + warm.failed();
        if (measured.failed() + warm.failed() > 0) {
            wrong.add((measured.failed() + warm.failed()) + " commands were not answered 201");
        }
        double raw;
        try (MongoClient client = MongoClients.create(stack.mongoConnectionString())) {
            MongoDatabase events = client.getDatabase("customer360-events");
            long stored = events.getCollection("domainevents").countDocuments();
            if (stored != sent) {
                wrong.add("the event store holds " + stored + " events, " + sent + " commands were accepted");
            } else {
                report.checked(String.format(
                        "the event store holds exactly one event for each of the %,d commands sent", sent));
            }
            raw = rawInserts(events.getCollection("domainevents"), client.getDatabase("raw-events"));
        }
        report.add(new BenchmarkReport.Row(
                COMMANDS,
                measured.perSecond(),
                "commands/s",
                "raw event-store inserts, 16 threads",
                raw,
                measured.perSecond() / raw,
                "≥ 1,000 commands/s",
                measured.perSecond() >= 1_000,
                String.format(
                        "%,d registrations after %,d warm-up ones; one writer, rate limit raised for the run; report %s",
                        measured.ok(), warm.ok(), out.relativize(commands.report))));
        report.add(row("command latency p50, 16 clients", measured.p50(), null, null));
        report.add(row("command latency p99, 16 clients", measured.p99(), "≤ 50 ms", measured.p99() <= 50));
        return raw;
    }

    /**
     * Commands that failed or never became visible here are a missed target, not wrong documents: the run keeps
     * their count in the notes. No rate answered: Gatling counts the commands, not when the last became visible.
     */
    private void visible(Path out) throws Exception {
        GatlingRun visible = GatlingRun.run(
                VisibleSimulation.class,
                out.resolve("gatling"),
                Map.of("benchmark.rate", "200", "benchmark.seconds", "20", "benchmark.poll-millis", "5"));
        GatlingRun.Stats seen = visible.stats(VisibleSimulation.GROUP);
        report.add(new BenchmarkReport.Row(
                VISIBLE,
                seen.p99(),
                "ms",
                null,
                null,
                null,
                "≤ 100 ms, every command visible",
                seen.failed() == 0 && seen.p99() <= 100,
                String.format(
                        "p50 %.0f ms, p95 %.0f ms, max %.0f ms over %,d commands visible, %,d failed or never visible;"
                                + " polled every 5 ms; report %s",
                        seen.p50(), seen.p95(), seen.max(), seen.ok(), seen.failed(), out.relativize(visible.report))));
    }

    private static BenchmarkReport.Row row(String figure, double millis, String target, Boolean met) {
        return new BenchmarkReport.Row(figure, millis, "ms", null, null, null, target, met, null);
    }

    /** The event store's raw insert rate: its own event documents inserted one by one, 16 threads, same indexes. */
    private double rawInserts(MongoCollection<Document> source, MongoDatabase target) throws Exception {
        List<Document> documents = source.find().into(new ArrayList<>());
        documents.forEach(document -> document.remove("_id"));
        List<IndexModel> indexes = new ArrayList<>();
        for (Document index : source.listIndexes()) {
            if (!index.getString("name").equals("_id_")) {
                indexes.add(new IndexModel(
                        index.get("key", Document.class),
                        new IndexOptions().unique(index.getBoolean("unique", false))));
            }
        }
        MongoCollection<Document> collection = target.getCollection("domainevents");
        if (!indexes.isEmpty()) {
            collection.createIndexes(indexes);
        }
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < CLIENTS; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = thread; i < documents.size(); i += CLIENTS) {
                        collection.insertOne(documents.get(i));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        double rate = documents.size() / seconds(start);
        if (collection.countDocuments() != documents.size()) {
            wrong.add("raw inserts: " + collection.countDocuments() + " of " + documents.size() + " documents");
        }
        return rate;
    }
}
