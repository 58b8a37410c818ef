package com.customer360.local;

import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
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
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast the query service catches up with events already on the topic, on the embedded default (in-JVM Kafka
 * broker, file-backed mongo-java-server committing every write): the batched projection against the baseline of
 * one event per batch, which is what a per-event load-modify-save projection costs.
 *
 * <pre>./mvnw -q -pl local-stack -am -DskipTests -Pbenchmark verify -Dbenchmark.events=100000</pre>
 */
public final class ProjectionCatchUpBenchmark {

    private static final int PARTITIONS = 3;
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(20);

    private ProjectionCatchUpBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int baselineEvents = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path data = Files.createTempDirectory("c360-benchmark");
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.persistent(data.resolve("mongo"), 0);
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.temporary()) {
            Result batched = run("batched", events, 500, kafka, mongo);
            Result perEvent = run("per-event", baselineEvents, 1, kafka, mongo);
            System.out.printf(
                    """

                    Projection catch-up on the embedded stack (%d partitions, file-backed store, 2-core machine)
                    | projection                     | events  | publish events/s | catch-up s | catch-up events/s |
                    |--------------------------------|---------|------------------|------------|-------------------|
                    %s
                    %s
                    Batched is %.1fx the per-event baseline. Heap in use after the runs: %d MiB.
                    """,
                    PARTITIONS,
                    batched.row("batched (max.poll.records=500)"),
                    perEvent.row("per event (max.poll.records=1)"),
                    batched.rate() / perEvent.rate(),
                    usedHeapMiB());
        }
    }

    private record Result(int events, double publishRate, Duration catchUp) {
        double rate() {
            return events / (catchUp.toMillis() / 1000.0);
        }

        String row(String name) {
            return String.format(
                    "| %-30s | %7d | %16.0f | %10.1f | %17.0f |",
                    name, events, publishRate, catchUp.toMillis() / 1000.0, rate());
        }
    }

    private static Result run(
            String name, int eventCount, int maxPollRecords, EmbeddedKafkaBroker kafka, EmbeddedMongoServer mongo)
            throws Exception {
        String topic = "bench-" + name;
        List<EventEnvelope> history = SyntheticHistory.generate(name, eventCount, 42);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                    .all()
                    .get();
            long publishStart = System.nanoTime();
            publish(kafka.bootstrapServers(), topic, history);
            double publishRate = eventCount / ((System.nanoTime() - publishStart) / 1e9);
            String group = "bench-" + name;
            long start = System.nanoTime();
            Map<String, String> settings = Map.of(
                    "server.port",
                    "0",
                    "server.address",
                    "127.0.0.1",
                    "spring.main.banner-mode",
                    "off",
                    "logging.level.root",
                    "WARN",
                    "spring.kafka.bootstrap-servers",
                    kafka.bootstrapServers(),
                    "spring.data.mongodb.uri",
                    mongo.connectionString() + "/" + group,
                    "spring.kafka.consumer.group-id",
                    group,
                    "spring.kafka.consumer.max-poll-records",
                    Integer.toString(maxPollRecords),
                    "customer360.topics.events",
                    topic,
                    "customer360.topics.dead-letters",
                    topic + ".dlq");
            try (ConfigurableApplicationContext query = Services.startQueryService(settings, List.of())) {
                awaitCaughtUp(admin, topic, group);
                return new Result(eventCount, publishRate, Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    private static void publish(String bootstrapServers, String topic, List<EventEnvelope> history) throws Exception {
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

    /** Done when the group's committed offsets reach the end of every partition. */
    private static void awaitCaughtUp(Admin admin, String topic, String group) throws Exception {
        Set<TopicPartition> partitions = java.util.stream.IntStream.range(0, PARTITIONS)
                .mapToObj(p -> new TopicPartition(topic, p))
                .collect(Collectors.toSet());
        Map<TopicPartition, Long> end = admin
                .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()
                .get()
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            if (partitions.stream()
                    .allMatch(p -> committed.get(p) != null && committed.get(p).offset() >= end.get(p))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(group + " did not catch up within " + GIVE_UP_AFTER);
    }

    private static long usedHeapMiB() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
