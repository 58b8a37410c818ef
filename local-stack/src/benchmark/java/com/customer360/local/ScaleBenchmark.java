package com.customer360.local;

import static com.customer360.local.Benchmark.PARTITIONS;
import static com.customer360.local.Benchmark.committed;
import static com.customer360.local.Benchmark.seconds;
import static com.customer360.local.Benchmark.usedHeapMiB;

import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
import com.customer360.events.Address;
import com.customer360.events.DomainEvent;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.events.order.OrderLine;
import com.customer360.events.order.OrderPlaced;
import com.customer360.query.customer.CustomerDetailsDocuments;
import com.customer360.query.order.OrderDetailsDocuments;
import com.customer360.testing.TestHttp;
import com.customer360.testing.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The live path at the size the issue names: {@code customers} customers with {@code orders} orders among them (each
 * placed, in EUR), generated and published slice by slice so the history never sits in the benchmark's heap, then
 * caught up by the query service from the topic. The heap in use after a GC is taken as the catch-up passes a tenth of
 * the events (the baseline, in the same run) and at its end; so is the rate. Then it checks the store holds every
 * customer and order document, and that the figures of a sample of customers, read through the API, are the ones the
 * generator gave them.
 */
final class ScaleBenchmark {

    private static final Address ADDRESS = new Address("Ada", "1 Main St", null, "Berlin", null, "10115", "DE");
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final int SLICE_CUSTOMERS = 5_000;
    private static final int SAMPLE = 1_000;
    private static final Duration GIVE_UP_AFTER =
            Duration.ofMinutes(Long.getLong("benchmark.scale-give-up-minutes", 60));

    private final BenchmarkReport report;
    private final List<String> wrong;

    ScaleBenchmark(BenchmarkReport report, List<String> wrong) {
        this.report = report;
        this.wrong = wrong;
    }

    void run(int customers, int orders) throws Exception {
        if (orders % customers != 0) {
            throw new IllegalArgumentException("the orders must share evenly among the customers");
        }
        int perCustomer = orders / customers;
        long events = (long) customers * (1 + perCustomer);
        Path data = Files.createTempDirectory("c360-scale-benchmark");
        long baselineHeap;
        double baselineRate;
        long heap;
        double rate;
        long storeMiB;
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.persistent(data.resolve("mongo"), 0);
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.temporary();
                MongoClient client = MongoClients.create(mongo.connectionString());
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            String topic = "bench-scale";
            String group = "bench-scale-views";
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                    .all()
                    .get();
            Random random = new Random(11);
            for (int from = 0; from < customers; from += SLICE_CUSTOMERS) {
                BenchmarkTopic.publish(
                        kafka.bootstrapServers(),
                        topic,
                        slice(from, Math.min(customers, from + SLICE_CUSTOMERS), perCustomer, random));
            }
            try (ConfigurableApplicationContext query = Services.startQueryService(
                    BenchmarkTopic.queryServiceSettings(kafka, mongo, topic, group), List.of())) {
                long start = System.nanoTime();
                long before = committed(admin, group);
                awaitCommitted(admin, group, before + (events - before) / 10, start);
                baselineRate = (committed(admin, group) - before) / seconds(start);
                baselineHeap = usedHeapMiB();
                System.out.printf(
                        "Scale: a tenth of the events in %.0f s, %.0f events/s, heap after GC %d MiB%n",
                        seconds(start), baselineRate, baselineHeap);
                BenchmarkTopic.awaitCommitted(admin, topic, group, GIVE_UP_AFTER);
                rate = (events - before) / seconds(start);
                heap = usedHeapMiB();
                System.out.printf(
                        "Scale: all %,d events in %.0f s, %.0f events/s, heap after GC %d MiB%n",
                        events, seconds(start), rate, heap);
                try {
                    verify(
                            client.getDatabase(group),
                            TestUsers.as(new TestHttp(Services.port(query)), "viewer"),
                            customers,
                            perCustomer);
                } catch (RuntimeException e) {
                    // The figures measured stay in the table; what could not be checked cannot count as right.
                    wrong.add("scale: the checks stopped: " + e);
                }
            }
            storeMiB = sizeOf(data.resolve("mongo")) / (1024 * 1024);
        } finally {
            // Gigabytes at the default size: not left behind in the temporary directory.
            delete(data);
        }
        String shape = String.format(
                "%,d events: %,d customers with %,d orders each (%,d orders), in slices of %,d customers interleaved "
                        + "at random",
                events, customers, perCustomer, orders, SLICE_CUSTOMERS);
        report.add(new BenchmarkReport.Row(
                String.format("heap in use after %,d customers and %,d orders projected (after GC)", customers, orders),
                heap,
                "MiB",
                "the same after the first tenth of the events",
                (double) baselineHeap,
                (double) heap / baselineHeap,
                null,
                null,
                shape
                        + String.format(
                                "; the JVM also holds both embedded stores; the store's file was %,d MiB at the end",
                                storeMiB)));
        report.add(new BenchmarkReport.Row(
                String.format("catch-up of %,d orders", orders),
                rate,
                "events/s",
                "its first tenth of the events",
                baselineRate,
                rate / baselineRate,
                null,
                null,
                "the same catch-up as the heap figure: how far the rate holds as the store grows tenfold"));
    }

    /** One slice of customers: their registrations first, then all their orders in a random order. */
    private static List<EventEnvelope> slice(int from, int to, int perCustomer, Random random) {
        List<EventEnvelope> registrations = new ArrayList<>(to - from);
        List<EventEnvelope> placed = new ArrayList<>((to - from) * perCustomer);
        for (int c = from; c < to; c++) {
            String customerId = customerId(c);
            Instant at = START.plusSeconds(60L * c);
            registrations.add(envelope(
                    at, new CustomerRegistered(customerId, "Customer " + c, "c@example.com", null, ADDRESS, at)));
            for (int o = 0; o < perCustomer; o++) {
                BigDecimal total = total(c, o);
                Instant placedAt = at.plusSeconds(3_600L * (o + 1));
                placed.add(envelope(
                        placedAt,
                        new OrderPlaced(
                                customerId + "-o" + o,
                                customerId,
                                "store-1",
                                "EUR",
                                List.of(new OrderLine("SKU-1", "Item", 1, total)),
                                total,
                                ADDRESS,
                                placedAt)));
            }
        }
        Collections.shuffle(placed, random);
        registrations.addAll(placed);
        return registrations;
    }

    private void verify(MongoDatabase views, TestHttp http, int customers, int perCustomer) {
        // The count command, not countDocuments(): mongo-java-server answers an aggregation's count by collecting every
        // matching document in memory, which ran the heap out at a million order documents.
        long customerDocuments =
                views.getCollection(CustomerDetailsDocuments.COLLECTION).estimatedDocumentCount();
        long orderDocuments =
                views.getCollection(OrderDetailsDocuments.COLLECTION).estimatedDocumentCount();
        if (customerDocuments != customers || orderDocuments != (long) customers * perCustomer) {
            wrong.add(String.format(
                    "scale: %,d customer and %,d order documents, expected %,d and %,d",
                    customerDocuments, orderDocuments, customers, (long) customers * perCustomer));
        }
        int step = Math.max(1, customers / SAMPLE);
        int checked = 0;
        for (int c = 0; c < customers; c += step) {
            BigDecimal expected = BigDecimal.ZERO;
            for (int o = 0; o < perCustomer; o++) {
                expected = expected.add(total(c, o));
            }
            TestHttp.Answer answer = http.get("/api/customers/" + customerId(c));
            JsonNode summary =
                    answer.status() == 200 ? answer.json().path("summaries").path(0) : null;
            if (summary == null
                    || !summary.path("currency").asText().equals("EUR")
                    || summary.path("orderCount").asInt() != perCustomer
                    || new BigDecimal(summary.path("lifetimeValue").asText()).compareTo(expected) != 0) {
                wrong.add("scale: customer " + customerId(c) + " answered " + answer.status() + " " + summary
                        + ", expected " + perCustomer + " orders worth " + expected + " EUR");
            }
            checked++;
        }
        report.checked(String.format(
                "at scale, the store holds all %,d customer and %,d order documents, and the figures (order count, "
                        + "lifetime value) of %,d customers spread over the history equal the generator's",
                customers, (long) customers * perCustomer, checked));
    }

    private static void awaitCommitted(Admin admin, String group, long offsets, long start) throws Exception {
        while (committed(admin, group) < offsets) {
            if (seconds(start) > GIVE_UP_AFTER.toSeconds()) {
                throw new IllegalStateException(group + " did not commit " + offsets + " offsets in " + GIVE_UP_AFTER);
            }
            Thread.sleep(200);
        }
    }

    private static String customerId(int c) {
        return "scale-c" + c;
    }

    /** An order's total, from 1.00 to 99.99 EUR, known from its customer and order number alone. */
    private static BigDecimal total(int customer, int order) {
        return BigDecimal.valueOf(100 + (customer * 31L + order * 17L) % 9_900, 2);
    }

    private static EventEnvelope envelope(Instant time, DomainEvent event) {
        String id = UUID.nameUUIDFromBytes(event.toString().getBytes(StandardCharsets.UTF_8))
                .toString();
        return new EventEnvelope(id, "urn:customer360:benchmark", time, 0, event);
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }
}
