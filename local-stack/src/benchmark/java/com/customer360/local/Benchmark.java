package com.customer360.local;

import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.customer.CustomerDetailsDocuments;
import com.customer360.query.order.OrderDetailsDocuments;
import com.customer360.query.timeline.TimelineDocuments;
import com.customer360.testing.TestHttp;
import com.customer360.testing.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one benchmark command: every figure of the live path with its baseline measured in the same run on the same
 * machine, checked against what the run should have produced, printed as one table and written as Markdown and JSON
 * under {@code local-stack/target/benchmark/}. It fails when any document it produced is wrong.
 *
 * <ul>
 *   <li>Catch-up: the query service projecting a history already on the topic ({@link SkewedHistory}: customers with
 *       1 to thousands of orders, interleaved at random) against {@link NaiveProjection} on a history of the same
 *       kind, and against the store's raw bulk-write rate of the very documents the projection produced.
 *   <li>Commands: registrations through the HTTP API of the local stack with 16 clients (closed loop) against the
 *       raw insert rate of the event store's own documents with 16 threads.
 * </ul>
 *
 * <pre>./mvnw -q -B -ntp -pl local-stack -am -DskipTests -Pbenchmark verify</pre>
 */
public final class Benchmark {

    private static final int PARTITIONS = 3;
    private static final int CLIENTS = 16;
    private static final Duration LIMIT = Duration.ofMinutes(20);

    private final BenchmarkReport report = new BenchmarkReport();
    private final List<String> wrong = new ArrayList<>();

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int naiveEvents = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int commandsPerClient = args.length > 2 ? Integer.parseInt(args[2]) : 250;
        int largeOrders = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        Path out = Path.of(args.length > 4 ? args[4] : "target/benchmark").toAbsolutePath();
        Benchmark benchmark = new Benchmark();
        benchmark.catchUp(events, naiveEvents);
        // Written after each part too, so that a later part that dies leaves the figures measured before it.
        benchmark.report.write(out);
        benchmark.commands(commandsPerClient, largeOrders, out);
        benchmark.report.write(out);
        System.out.println();
        System.out.println(benchmark.report.markdown());
        System.out.println("Written to " + out.toAbsolutePath().normalize() + "/benchmark.{md,json}");
        if (!benchmark.wrong.isEmpty()) {
            benchmark.wrong.stream().limit(20).forEach(System.out::println);
            throw new IllegalStateException(benchmark.wrong.size() + " figures were wrong; the run does not count");
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------------------------------------- catch-up

    private void catchUp(int eventCount, int naiveEventCount) throws Exception {
        SkewedHistory history = SkewedHistory.generate("run", eventCount, 42);
        SkewedHistory naiveHistory = SkewedHistory.generate("naive", naiveEventCount, 7);
        Path data = Files.createTempDirectory("c360-benchmark");
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.persistent(data.resolve("mongo"), 0);
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.temporary();
                MongoClient client = MongoClients.create(mongo.connectionString());
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic("bench-events", PARTITIONS, (short) 1),
                            new NewTopic("bench-naive", PARTITIONS, (short) 1)))
                    .all()
                    .get();
            BenchmarkTopic.publish(kafka.bootstrapServers(), "bench-events", history.events);
            BenchmarkTopic.publish(kafka.bootstrapServers(), "bench-naive", naiveHistory.events);

            NaiveProjection naive = new NaiveProjection(client.getDatabase("naive"));
            double naiveRate = naiveHistory.events.size()
                    / naive.consume(kafka.bootstrapServers(), "bench-naive", naiveHistory.events.size(), LIMIT);
            int naiveChecked = 0;
            for (SkewedHistory.Expected expected : naiveHistory.expected) {
                compare(
                        "naive " + expected.customerId(),
                        expected.byCurrency(),
                        naive.figuresOf(expected.customerId()));
                naiveChecked++;
            }
            report.checked(String.format(
                    "the naive projection's figures of all %,d customers equal the generator's", naiveChecked));

            Map<String, String> settings = Map.ofEntries(
                    Map.entry("server.port", "0"),
                    Map.entry("server.address", "127.0.0.1"),
                    Map.entry("spring.main.banner-mode", "off"),
                    Map.entry("logging.level.root", "WARN"),
                    Map.entry("spring.kafka.bootstrap-servers", kafka.bootstrapServers()),
                    Map.entry("spring.data.mongodb.uri", mongo.connectionString() + "/views"),
                    Map.entry("spring.kafka.consumer.group-id", "bench-views"),
                    Map.entry("customer360.topics.events", "bench-events"),
                    Map.entry("customer360.topics.dead-letters", "bench-events.dlq"),
                    Map.entry(
                            "customer360.security.local-users-file",
                            TestUsers.file().toString()));
            double rate;
            long heapMiB;
            try (ConfigurableApplicationContext query = Services.startQueryService(settings, List.of())) {
                // The clock starts once the service is up; what it committed while starting is not counted.
                long start = System.nanoTime();
                long before = committed(admin, "bench-views");
                BenchmarkTopic.awaitCommitted(admin, "bench-events", "bench-views", LIMIT);
                rate = (history.events.size() - before) / seconds(start);
                heapMiB = usedHeapMiB();
                verifyProjected(TestUsers.as(new TestHttp(Services.port(query)), "viewer"), history);
            }
            double ceiling = ceiling(client.getDatabase("views"), client.getDatabase("ceiling"), history.events.size());

            String shape = String.format(
                    "%,d events: %,d customers with 1 to %,d orders (%,d orders), interleaved at random",
                    history.events.size(),
                    history.expected.size(),
                    history.expected.stream()
                            .mapToInt(SkewedHistory.Expected::orders)
                            .max()
                            .orElse(0),
                    history.orders);
            report.add(new BenchmarkReport.Row(
                    "catch-up, query service (" + String.format("%,d", history.events.size()) + " events)",
                    rate,
                    "events/s",
                    "naive projection",
                    naiveRate,
                    rate / naiveRate,
                    "≥ 30× naive and ≥ 10,000 events/s",
                    rate / naiveRate >= 30 && rate >= 10_000,
                    shape + "; the naive baseline ran " + String.format("%,d", naiveHistory.events.size())
                            + " events of the same kind (" + naiveHistory.expected.size() + " customers)"));
            report.add(new BenchmarkReport.Row(
                    "catch-up against the store's ceiling",
                    rate,
                    "events/s",
                    "raw bulk writes of the same documents",
                    ceiling,
                    rate / ceiling,
                    "≥ 0.5× the ceiling",
                    rate / ceiling >= 0.5,
                    "the ceiling writes each final customer, order and timeline document once, unordered batches "
                            + "of 500, with the projection's indexes, expressed per event of the history"));
            report.add(new BenchmarkReport.Row(
                    "heap in use after the catch-up (after GC)",
                    heapMiB,
                    "MiB",
                    null,
                    null,
                    null,
                    null,
                    null,
                    String.format(
                            "%,d customers and %,d orders projected, in the JVM that also holds both embedded stores "
                                    + "and the generated history",
                            history.expected.size(), history.orders)));
        }
    }

    private void verifyProjected(TestHttp http, SkewedHistory history) {
        int checked = 0;
        for (SkewedHistory.Expected expected : history.expected) {
            TestHttp.Answer answer = http.get("/api/customers/" + expected.customerId());
            if (answer.status() != 200) {
                wrong.add("GET customer " + expected.customerId() + " answered " + answer.status());
                continue;
            }
            Map<String, SkewedHistory.Figures> actual = new TreeMap<>();
            for (JsonNode summary : answer.json().path("summaries")) {
                actual.put(
                        summary.path("currency").asText(),
                        new SkewedHistory.Figures(
                                summary.path("orderCount").asInt(),
                                new BigDecimal(summary.path("lifetimeValue").asText()),
                                new BigDecimal(summary.path("refundedTotal").asText())));
            }
            compare("query service " + expected.customerId(), expected.byCurrency(), actual);
            long orders = http.get("/api/customers/" + expected.customerId() + "/orders?size=1")
                    .json()
                    .path("totalItems")
                    .asLong();
            if (orders != expected.orders()) {
                wrong.add("query service " + expected.customerId() + ": " + orders + " orders in the history, expected "
                        + expected.orders());
            }
            checked++;
        }
        report.checked(String.format(
                "the query service's figures (count, lifetime value, refunded per currency) and order-history size "
                        + "of all %,d customers equal the generator's",
                checked));
    }

    private void compare(
            String who, Map<String, SkewedHistory.Figures> expected, Map<String, SkewedHistory.Figures> actual) {
        if (!expected.keySet().equals(actual.keySet())) {
            wrong.add(who + ": currencies " + actual.keySet() + ", expected " + expected.keySet());
            return;
        }
        expected.forEach((currency, figures) -> {
            SkewedHistory.Figures got = actual.get(currency);
            if (got.orderCount() != figures.orderCount()
                    || got.lifetimeValue().compareTo(figures.lifetimeValue()) != 0
                    || got.refundedTotal().compareTo(figures.refundedTotal()) != 0) {
                wrong.add(who + " " + currency + ": " + got + ", expected " + figures);
            }
        });
    }

    /**
     * The store's raw bulk-write rate for the projection's own documents: every final document of the projected
     * collections written once into empty collections with the same indexes, as events of the history per second.
     */
    private double ceiling(MongoDatabase views, MongoDatabase target, int events) {
        List<String> names = List.of(
                CustomerDetailsDocuments.COLLECTION, OrderDetailsDocuments.COLLECTION, TimelineDocuments.COLLECTION);
        Map<String, List<RawBsonDocument>> documents = new TreeMap<>();
        for (String name : names) {
            MongoCollection<RawBsonDocument> source = views.getCollection(name, RawBsonDocument.class);
            documents.put(name, source.find().into(new ArrayList<>()));
            List<IndexModel> indexes = new ArrayList<>();
            for (Document index : views.getCollection(name).listIndexes()) {
                if (!index.getString("name").equals("_id_")) {
                    indexes.add(new IndexModel(
                            index.get("key", Document.class),
                            new IndexOptions().unique(index.getBoolean("unique", false))));
                }
            }
            if (!indexes.isEmpty()) {
                target.getCollection(name).createIndexes(indexes);
            }
        }
        long start = System.nanoTime();
        long written = 0;
        for (String name : names) {
            MongoCollection<RawBsonDocument> collection = target.getCollection(name, RawBsonDocument.class);
            List<RawBsonDocument> all = documents.get(name);
            for (int from = 0; from < all.size(); from += 500) {
                collection.insertMany(
                        all.subList(from, Math.min(all.size(), from + 500)), new InsertManyOptions().ordered(false));
            }
            written += all.size();
        }
        double ceiling = events / seconds(start);
        for (String name : names) {
            long copies = target.getCollection(name).countDocuments();
            if (copies != documents.get(name).size()) {
                wrong.add("ceiling: " + copies + " documents in " + name + ", expected "
                        + documents.get(name).size());
            }
        }
        report.checked(String.format("the ceiling wrote all %,d documents of the projection", written));
        return ceiling;
    }

    // ---------------------------------------------------------------------------------------------- commands

    private void commands(int perClient, int largeOrders, Path out) throws Exception {
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
        awaitOrderCount(viewer, small, 10);
        awaitOrderCount(viewer, large, largeOrders);
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

    private static void awaitOrderCount(TestHttp http, String customerId, int orders) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            TestHttp.Answer answer = http.get("/api/customers/" + customerId);
            if (answer.status() == 200
                    && answer.json()
                                    .path("summaries")
                                    .path(0)
                                    .path("orderCount")
                                    .asLong()
                            == orders) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(customerId + " did not reach " + orders + " orders within " + LIMIT);
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

    // ---------------------------------------------------------------------------------------------- helpers

    private static long committed(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                .filter(java.util.Objects::nonNull)
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long usedHeapMiB() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
