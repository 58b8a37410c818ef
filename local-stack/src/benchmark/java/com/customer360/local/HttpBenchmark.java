package com.customer360.local;

import static com.customer360.local.Benchmark.CLIENTS;
import static com.customer360.local.Benchmark.LIMIT;
import static com.customer360.local.Benchmark.seconds;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.stream.Collectors;
import org.bson.Document;

/** The HTTP parts of the benchmark: commands closed and open loop beside the event store's raw insert rate, then reads at a fixed rate, through Gatling. */
final class HttpBenchmark {

    private final BenchmarkReport report;
    private final List<String> wrong;

    HttpBenchmark(BenchmarkReport report, List<String> wrong) {
        this.report = report;
        this.wrong = wrong;
    }

    void run(int perClient, int largeOrders, Path out) throws Exception {
        Path data = Files.createTempDirectory("c360-benchmark-stack");
        // One writer's credentials for all 16 clients: the per-client rate limit (2,000/s) is raised for the run.
        LocalSettings settings =
                new LocalSettings(data, 0, 0, 0, 0, false, 0, 0, List.of("--customer360.security.rate-limit=1000000"));
        long start = System.nanoTime();
        try (LocalStack stack = new LocalStack(settings)) {
            stack.start();
            double startUp = seconds(start);
            String run = Long.toString(System.currentTimeMillis(), 36);
            Map<String, String> gatling = Map.of(
                    "benchmark.base", stack.commandApi().toString(),
                    "benchmark.query-base", stack.queryApi().toString(),
                    "benchmark.authorization", stack.authorization("writer"),
                    "benchmark.query-authorization", stack.authorization("viewer"),
                    "benchmark.run", run,
                    "benchmark.clients", Integer.toString(CLIENTS),
                    "benchmark.per-client", Integer.toString(perClient));
            Map<String, String> warmUp = new java.util.HashMap<>(gatling);
            warmUp.put("benchmark.run", run + "-warm");
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
                    "commands through HTTP, 16 clients (closed loop, Gatling)",
                    measured.perSecond(),
                    "commands/s",
                    "raw event-store inserts, 16 threads",
                    raw,
                    measured.perSecond() / raw,
                    "≥ 1,000 commands/s",
                    measured.perSecond() >= 1_000,
                    String.format(
                            "%,d registrations after %,d warm-up ones; one writer, rate limit raised for the run; "
                                    + "report %s",
                            measured.ok(), warm.ok(), out.relativize(commands.report))));
            report.add(row("command latency p50, 16 clients", measured.p50(), null, null));
            report.add(row("command latency p99, 16 clients", measured.p99(), "≤ 50 ms", measured.p99() <= 50));

            GatlingRun visible = GatlingRun.run(
                    VisibleSimulation.class,
                    out.resolve("gatling"),
                    Map.of("benchmark.rate", "200", "benchmark.seconds", "20", "benchmark.poll-millis", "5"));
            GatlingRun.Stats seen = visible.stats(VisibleSimulation.GROUP);
            if (seen.failed() > 0) {
                wrong.add(seen.failed() + " commands of the open-loop run failed or never became visible");
            }
            report.add(new BenchmarkReport.Row(
                    "command → visible in the query API, p99, 200 commands/s open loop",
                    seen.p99(),
                    "ms",
                    null,
                    null,
                    null,
                    "≤ 100 ms",
                    seen.p99() <= 100,
                    String.format(
                            "p50 %.0f ms, p95 %.0f ms, max %.0f ms over %,d commands; polled every 5 ms; report %s",
                            seen.p50(), seen.p95(), seen.max(), seen.ok(), out.relativize(visible.report))));

            report.write(out);
            reads(stack, largeOrders, out);
            report.add(new BenchmarkReport.Row(
                    "local stack start-up (both stores, both services)",
                    startUp,
                    "s",
                    null,
                    null,
                    null,
                    null,
                    null,
                    "no demo data; the JVM already warm from the catch-up part"));
        }
    }

    /**
     * Reads at 2,000 requests/s: a customer with 10 orders and one with {@code largeOrders}, published to the local
     * stack's event topic and projected first; details, the first page of the history and the last (by page number
     * and by cursor).
     */
    private void reads(LocalStack stack, int largeOrders, Path out) throws Exception {
        String small = "reads-small";
        String large = "reads-large";
        List<EventEnvelope> events = new ArrayList<>();
        events.add(LargeCustomers.registered(small));
        events.add(LargeCustomers.registered(large));
        for (int i = 0; i < 10; i++) {
            events.add(LargeCustomers.placed(small, i));
        }
        for (int i = 0; i < largeOrders; i++) {
            events.add(LargeCustomers.placed(large, i));
        }
        BenchmarkTopic.publish(stack.kafkaBootstrapServers(), "customer-order-events", events);
        TestHttp viewer = new TestHttp(stack.queryApi()).authorizedBy(stack.authorization("viewer"));
        LargeCustomerBenchmark.awaitOrderCount(viewer, small, 10, LIMIT);
        LargeCustomerBenchmark.awaitOrderCount(viewer, large, largeOrders, LIMIT);
        int lastPage = (largeOrders - 1) / 20;
        String cursor = LargeCustomers.cursorBefore(large, largeOrders - lastPage * 20);
        String byNumber = "history last page by number, " + largeOrders + " orders";
        String byCursor = "history last page by cursor, " + largeOrders + " orders";
        Map<String, String> paths = new java.util.LinkedHashMap<>();
        paths.put("details, 10 orders", "/api/customers/" + small);
        paths.put("details, " + largeOrders + " orders", "/api/customers/" + large);
        paths.put("history page 1, 10 orders", "/api/customers/" + small + "/orders?size=20");
        paths.put("history page 1, " + largeOrders + " orders", "/api/customers/" + large + "/orders?size=20");
        paths.put(byNumber, "/api/customers/" + large + "/orders?size=20&page=" + lastPage);
        paths.put(byCursor, "/api/customers/" + large + "/orders?size=20&cursor=" + cursor);
        for (String path : paths.values()) {
            TestHttp.Answer answer = viewer.get(path);
            if (answer.status() != 200) {
                wrong.add("GET " + path + " answered " + answer.status());
            }
        }
        checkLastPage(viewer.get(paths.get(byNumber)), large, largeOrders);
        checkLastPage(viewer.get(paths.get(byCursor)), large, largeOrders);
        report.checked("the last history page (by number and by cursor) of the " + largeOrders
                + "-order customer ends with its first order, and counts all orders");
        GatlingRun reads = GatlingRun.run(
                ReadSimulation.class,
                out.resolve("gatling"),
                Map.of(
                        "benchmark.authorization",
                        stack.authorization("viewer"),
                        "benchmark.base",
                        stack.queryApi().toString(),
                        "benchmark.rate",
                        "2000",
                        "benchmark.seconds",
                        "15",
                        "benchmark.warm-up-seconds",
                        "5",
                        "benchmark.paths",
                        paths.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("|"))));
        GatlingRun.Stats smallDetails = reads.stats("details, 10 orders");
        GatlingRun.Stats smallPage = reads.stats("history page 1, 10 orders");
        for (Map.Entry<String, String> path : paths.entrySet()) {
            GatlingRun.Stats stats = reads.stats(path.getKey());
            if (stats.failed() > 0) {
                wrong.add(stats.failed() + " GETs of " + path.getKey() + " failed");
            }
            boolean details = path.getKey().startsWith("details");
            GatlingRun.Stats base = details ? smallDetails : smallPage;
            double limit = details ? 5 : 10;
            Double ratio = base.p99() == 0 ? null : stats.p99() / base.p99();
            report.add(new BenchmarkReport.Row(
                    "GET " + path.getKey() + ", p99 at 2,000/s open loop",
                    stats.p99(),
                    "ms",
                    details ? "details, 10 orders" : "page 1, 10 orders",
                    base.p99(),
                    ratio,
                    "≤ " + (int) limit + " ms, flat (±20 %)",
                    stats.p99() <= limit && (ratio == null || Math.abs(ratio - 1) <= 0.2),
                    String.format(
                            "p50 %.0f ms, p95 %.0f ms, max %.0f ms, %,d answered",
                            stats.p50(), stats.p95(), stats.max(), stats.ok())));
        }
        report.checked("reads: report " + out.relativize(reads.report));
    }

    private void checkLastPage(TestHttp.Answer page, String customerId, int orders) {
        JsonNode items = page.json().path("items");
        String oldest = items.path(items.size() - 1).path("orderId").asText();
        if (!oldest.equals(customerId + "-o-0")
                || page.json().path("totalItems").asLong() != orders) {
            wrong.add("wrong last page for " + customerId + ": oldest " + oldest);
        }
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
