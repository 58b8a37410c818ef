package com.customer360.local;

import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.testing.TestHttp;
import com.customer360.testing.TestUsers;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An event topic of its own for a benchmark, filled straight from a synthetic history, and a query service that reads
 * it into a database of its own: what the read-side benchmarks share.
 */
record BenchmarkTopic(EmbeddedKafkaBroker kafka, EmbeddedMongoServer mongo, String name) {

    static final int PARTITIONS = 3;
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(30);

    /** Creates the topic and publishes the history to it, keyed as the relay keys it. */
    BenchmarkTopic publish(List<EventEnvelope> history) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
        publish(kafka.bootstrapServers(), name, history);
        return this;
    }

    /** Publishes a history to a topic as the relay would (CloudEvents keyed by customer), acknowledged by all. */
    static void publish(String bootstrapServers, String topic, List<EventEnvelope> history) throws Exception {
        CloudEventCodec codec = new CloudEventCodec();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            Future<RecordMetadata> last = null;
            for (EventEnvelope envelope : history) {
                last = producer.send(new ProducerRecord<>(topic, envelope.key(), codec.encode(envelope)));
            }
            producer.flush();
            if (last != null) {
                last.get();
            }
        }
    }

    /** The settings of a query service that projects this topic into the database of the same name. */
    Map<String, String> queryServiceSettings() {
        return queryServiceSettings(kafka, mongo, name, name);
    }

    /**
     * The settings of a query service on the embedded stores that projects {@code topic} with the consumer group
     * {@code group} into the database of that name, signed in with the test users, quiet.
     */
    static Map<String, String> queryServiceSettings(
            EmbeddedKafkaBroker kafka, EmbeddedMongoServer mongo, String topic, String group) {
        return Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("server.address", "127.0.0.1"),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("logging.level.root", "WARN"),
                Map.entry("spring.kafka.bootstrap-servers", kafka.bootstrapServers()),
                Map.entry("spring.data.mongodb.uri", mongo.connectionString() + "/" + group),
                Map.entry("spring.kafka.consumer.group-id", group),
                Map.entry("customer360.topics.events", topic),
                Map.entry("customer360.topics.dead-letters", topic + ".dlq"),
                Map.entry(
                        "customer360.security.local-users-file",
                        TestUsers.file().toString()));
    }

    /** Waits until the query service's committed offsets reach the end of every partition. */
    void awaitProjected() throws Exception {
        try (Admin admin = admin()) {
            awaitCommitted(admin, name, name, GIVE_UP_AFTER);
        }
    }

    /** Waits until a consumer group's committed offsets reach the end of every partition of a topic. */
    static void awaitCommitted(Admin admin, String topic, String group, Duration giveUpAfter) throws Exception {
        Set<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                .mapToObj(p -> new TopicPartition(topic, p))
                .collect(Collectors.toSet());
        Map<TopicPartition, Long> end = admin
                .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()
                .get()
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            if (partitions.stream()
                    .allMatch(p -> committed.get(p) != null && committed.get(p).offset() >= end.get(p))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(group + " did not catch up within " + giveUpAfter);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    /** The times of {@code count} GETs of one path in milliseconds, sorted; any answer but 200 ends the run. */
    static double[] times(TestHttp http, String path, int count) {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            TestHttp.Answer answer = http.get(path);
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (answer.status() != 200) {
                throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.body());
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    /** The value at a quantile of sorted times (0.5 the median). */
    static double quantile(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
