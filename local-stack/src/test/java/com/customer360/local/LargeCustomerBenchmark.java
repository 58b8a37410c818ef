package com.customer360.local;

import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.testing.TestHttp;
import com.customer360.testing.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A customer with 100,000 orders beside one with 10, published straight to the events topic and projected by the
 * query service on the embedded stack: how long the catch-up takes, how large each customer document is, and what a
 * details page and the first and last pages of the order history cost. It checks what it measured (the counts, the
 * oldest order on the last page) and fails otherwise.
 *
 * <pre>./mvnw -q -pl local-stack -am -DskipTests -Plarge-customer verify -Dbenchmark.orders=100000</pre>
 */
public final class LargeCustomerBenchmark {

    private static final int PAGE = 20;

    private LargeCustomerBenchmark() {}

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path data = Files.createTempDirectory("c360-large-customer");
        String run = UUID.randomUUID().toString().substring(0, 6);
        String large = "large-" + run;
        String small = "small-" + run;
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.persistent(data.resolve("mongo"), 0);
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.temporary()) {
            List<EventEnvelope> events = new ArrayList<>();
            events.add(LargeCustomers.registered(large));
            events.add(LargeCustomers.registered(small));
            for (int i = 0; i < orders; i++) {
                events.add(LargeCustomers.placed(large, i));
            }
            for (int i = 0; i < 10; i++) {
                events.add(LargeCustomers.placed(small, i));
            }
            BenchmarkTopic topic = new BenchmarkTopic(kafka, mongo, "large").publish(events);

            long start = System.nanoTime();
            try (ConfigurableApplicationContext query =
                    Services.startQueryService(topic.queryServiceSettings(), List.of())) {
                TestHttp http = TestUsers.as(new TestHttp(Services.port(query)), "viewer");
                awaitOrderCount(http, large, orders, Duration.ofMinutes(30));
                double catchUp = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        "%nProjected %d events (one customer with %d orders, one with 10) in %.1f s: %.0f events/s%n",
                        events.size(), orders, catchUp, events.size() / catchUp);
                try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                    System.out.println();
                    System.out.println(
                            "| customer | orders | customer document | GET details p50 / max | history page 1 "
                                    + "| last page by number | last page by cursor |");
                    System.out.println("|---|---|---|---|---|---|---|");
                    System.out.println(row(http, client, small, 10));
                    System.out.println(row(http, client, large, orders));
                }
            }
        }
    }

    private static String row(TestHttp http, MongoClient client, String customerId, int orders) {
        RawBsonDocument stored = client.getDatabase("large")
                .getCollection("customer_details", RawBsonDocument.class)
                .find(new Document("_id", customerId))
                .first();
        int size = stored.getByteBuffer().remaining();
        double[] details = BenchmarkTopic.times(http, "/api/customers/" + customerId, 50);
        double[] first = BenchmarkTopic.times(http, "/api/customers/" + customerId + "/orders?size=" + PAGE, 5);
        int lastPage = (orders - 1) / PAGE;
        String lastByNumber = "/api/customers/" + customerId + "/orders?size=" + PAGE + "&page=" + lastPage;
        double[] last = BenchmarkTopic.times(http, lastByNumber, 3);
        // The cursor of the row just before the last page: the order placed (orders - lastPage * PAGE) hours in.
        int rowBefore = orders - lastPage * PAGE;
        String cursor = LargeCustomers.cursorBefore(customerId, rowBefore);
        String lastByCursor = "/api/customers/" + customerId + "/orders?size=" + PAGE + "&cursor=" + cursor;
        double[] viaCursor = BenchmarkTopic.times(http, lastByCursor, 3);
        check(http.get(lastByNumber).json(), customerId, orders);
        check(http.get(lastByCursor).json(), customerId, orders);
        return String.format(
                "| %s | %,d | %,d bytes | %.1f / %.1f ms | %.1f ms | %.1f ms | %.1f ms |",
                customerId.startsWith("large") ? "large" : "small",
                orders,
                size,
                details[details.length / 2],
                details[details.length - 1],
                BenchmarkTopic.quantile(first, 0.5),
                BenchmarkTopic.quantile(last, 0.5),
                BenchmarkTopic.quantile(viaCursor, 0.5));
    }

    /** The last page ends with the customer's first order, and the history counts them all. */
    private static void check(JsonNode page, String customerId, int orders) {
        JsonNode items = page.path("items");
        String oldest = items.path(items.size() - 1).path("orderId").asText();
        if (!oldest.equals(customerId + "-o-0") || page.path("totalItems").asLong() != orders) {
            throw new IllegalStateException("wrong last page for " + customerId + ": " + page);
        }
    }

    /** Polls the customer's details until they count {@code orders} orders, or fails after {@code limit}. */
    static void awaitOrderCount(TestHttp http, String customerId, int orders, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
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
        throw new IllegalStateException(customerId + " did not reach " + orders + " orders");
    }
}
