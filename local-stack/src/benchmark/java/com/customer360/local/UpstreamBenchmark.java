package com.customer360.local;

import static com.customer360.local.Benchmark.LIMIT;
import static com.customer360.local.Benchmark.committed;
import static com.customer360.local.Benchmark.seconds;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;

/**
 * The second door, measured: registrations published to the inbound topic as an order system does, as fast as the
 * broker takes them, and carried out by the command side's intake — from the first send until its consumer group's
 * committed offsets reach every message. Checked: the event store holds exactly one new event per message (a message
 * dead-lettered or carried out twice would show).
 */
final class UpstreamBenchmark {

    static final String FIGURE = "upstream topic → event store";
    static final String TARGET = "≥ 2,000 messages/s";

    private static final String TOPIC = "upstream-order-events";
    private static final String GROUP = "command-service-upstream";

    private final BenchmarkReport report;
    private final List<String> wrong;

    UpstreamBenchmark(BenchmarkReport report, List<String> wrong) {
        this.report = report;
        this.wrong = wrong;
    }

    /** @param rawInserts the event store's raw insert rate measured before in the same run, the baseline */
    void run(LocalStack stack, int messages, String run, double rawInserts) throws Exception {
        try (MongoClient client = MongoClients.create(stack.mongoConnectionString());
                Admin admin = Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
                KafkaProducer<String, byte[]> producer = producer(stack.kafkaBootstrapServers())) {
            MongoCollection<Document> events =
                    client.getDatabase("customer360-events").getCollection("domainevents");
            long eventsBefore = events.countDocuments();
            long committedBefore = committed(admin, GROUP);
            long start = System.nanoTime();
            List<Future<RecordMetadata>> sent = new ArrayList<>(messages);
            for (int i = 0; i < messages; i++) {
                String customerId = "up-" + run + "-" + i;
                sent.add(producer.send(new ProducerRecord<>(TOPIC, customerId, registration(customerId))));
            }
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            double published = messages / seconds(start);
            Awaitility.await()
                    .atMost(LIMIT)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> committed(admin, GROUP) >= committedBefore + messages);
            double rate = messages / seconds(start);
            long added = events.countDocuments() - eventsBefore;
            if (added != messages) {
                wrong.add("upstream: the event store gained " + added + " events for " + messages + " messages");
            } else {
                report.checked(String.format(
                        "the event store gained exactly one event for each of the %,d upstream messages", messages));
            }
            boolean baseline = !Double.isNaN(rawInserts);
            report.add(new BenchmarkReport.Row(
                    FIGURE,
                    rate,
                    "messages/s",
                    baseline ? "raw event-store inserts, 16 threads" : null,
                    baseline ? rawInserts : null,
                    baseline ? rate / rawInserts : null,
                    TARGET,
                    rate >= 2_000,
                    String.format(
                            "%,d registrations on %s, published at %,.0f/s (acks=all), carried out by group %s",
                            messages, TOPIC, published, GROUP)));
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, "5"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static byte[] registration(String customerId) {
        return ("{\"specversion\":\"1.0\",\"id\":\"" + customerId + "\",\"source\":\"urn:benchmark\","
                        + "\"type\":\"customer.registered\",\"data\":{\"customerId\":\"" + customerId
                        + "\",\"name\":\"Upstream\",\"email\":\"" + customerId + "@example.com\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
