package com.customer360.local;

import static com.customer360.local.Benchmark.LIMIT;
import static com.customer360.local.Benchmark.PARTITIONS;
import static com.customer360.local.Benchmark.committed;
import static com.customer360.local.Benchmark.seconds;
import static com.customer360.local.Benchmark.usedHeapMiB;

import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.context.ConfigurableApplicationContext;

/** The catch-up part of the benchmark: the query service, the naive projection and the store's ceiling on the same kind of history, every figure checked. */
final class CatchUpBenchmark {

    private final BenchmarkReport report;
    private final List<String> wrong;

    CatchUpBenchmark(BenchmarkReport report, List<String> wrong) {
        this.report = report;
        this.wrong = wrong;
    }

    void run(int eventCount, int naiveEventCount) throws Exception {
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
}
