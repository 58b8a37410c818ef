package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
import com.customer360.events.cloudevents.DeadLetterHeaders;
import com.customer360.local.UpstreamHistory.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite. Thousands of upstream messages — customers' histories interleaved at random, orders before their
 * customers, several changes of every customer and order, a tenth of them sent twice, a few hundred broken ones mixed
 * in — are consumed while the services, each in a JVM of its own, are stopped cleanly or killed with SIGKILL in the
 * middle of their work, at random points. At the end every customer's page, their whole order history and every one
 * of their orders must show what was computed independently from the valid messages, every broken message must be in
 * the dead-letter topic with its reason, and no valid one may be there.
 */
class UpstreamFaultSuiteIntegrationTest {

    /** Fixed, so a failure can be replayed; {@code -Dcustomer360.faults.seed=...} tries other histories. */
    private static final long SEED = Long.getLong("customer360.faults.seed", 20261124);

    private static final int CUSTOMERS = 250;
    private static final int FAULTY = 300;
    private static final int CHUNKS = 10;

    @TempDir
    Path data;

    private final Random random = new Random(SEED);
    private final String run = "fs" + UUID.randomUUID().toString().substring(0, 6);
    private EmbeddedKafkaBroker kafka;
    private EmbeddedMongoServer mongo;
    private ServiceProcess command;
    private ServiceProcess query;
    private int restarts;
    private int kills;

    @Test
    void shouldEndWithExactFiguresWhateverTheOrderTheRepeatsTheGarbageAndTheRestarts() throws Exception {
        UpstreamHistory history = UpstreamHistory.generate(SEED, CUSTOMERS, run);
        List<FaultyMessages.Faulty> faulty = FaultyMessages.generate(SEED, FAULTY, history);
        List<Message> stream = interleave(history);
        int valid = stream.size();
        int duplicates = addDuplicates(stream);
        faulty.forEach(f -> stream.add(random.nextInt(stream.size() + 1), f.message()));

        mongo = EmbeddedMongoServer.persistent(data.resolve("mongo"), 0);
        kafka = EmbeddedKafkaBroker.persistent(data.resolve("kafka"), 0);
        command = new ServiceProcess("command", settings("fault-events"), data);
        query = new ServiceProcess("query", settings("fault-views"), data);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            command.start();
            query.start();
            int chunk = stream.size() / CHUNKS + 1;
            for (int from = 0; from < stream.size(); from += chunk) {
                for (Message message : stream.subList(from, Math.min(stream.size(), from + chunk))) {
                    producer.send(new ProducerRecord<>("upstream-order-events", message.key(), message.value()));
                }
                producer.flush();
                restartSomething();
            }
            ensureRunning();

            List<String> mismatches = new ArrayList<>();
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        mismatches.clear();
                        mismatches.addAll(FaultSuiteVerdict.mismatches(api(), history.expected));
                        return mismatches.isEmpty();
                    });
            Map<String, String> deadLettered = deadLetters();
            System.out.printf(
                    "Fault suite: %d messages (%d valid, %d repeated, %d broken) from %d customers, %d restarts of "
                            + "which %d kill -9; %d dead letters; %d mismatching customers%s%n",
                    stream.size(),
                    valid,
                    duplicates,
                    faulty.size(),
                    CUSTOMERS,
                    restarts,
                    kills,
                    deadLettered.size(),
                    mismatches.size(),
                    mismatches.isEmpty()
                            ? ""
                            : ", the first: " + mismatches.subList(0, Math.min(5, mismatches.size())));

            assertThat(kills).as("some restarts were kill -9").isPositive();
            assertThat(mismatches).isEmpty();
            Map<String, String> expectedDeadLetters = new HashMap<>();
            faulty.forEach(f -> expectedDeadLetters.put(text(f.message().value()), f.reasonCode()));
            assertThat(FaultSuiteVerdict.differences(deadLettered, expectedDeadLetters))
                    .isEmpty();
        } finally {
            stopQuietly();
        }
    }

    /** Each customer's and each order's messages stay in order; everything else is shuffled. */
    private List<Message> interleave(UpstreamHistory history) {
        List<List<Message>> sequences = new ArrayList<>();
        for (UpstreamHistory.CustomerMessages customer : history.customers) {
            sequences.add(new ArrayList<>(customer.customer()));
            customer.orders().forEach(order -> sequences.add(new ArrayList<>(order)));
        }
        List<Message> stream = new ArrayList<>();
        while (!sequences.isEmpty()) {
            int pick = random.nextInt(sequences.size());
            List<Message> sequence = sequences.get(pick);
            stream.add(sequence.remove(0));
            if (sequence.isEmpty()) {
                sequences.remove(pick);
            }
        }
        return stream;
    }

    /** Sends a tenth of the messages again, later on, as an upstream system retrying would. */
    private int addDuplicates(List<Message> stream) {
        int count = stream.size() / 10;
        for (int i = 0; i < count; i++) {
            int original = random.nextInt(stream.size());
            int later = original + 1 + random.nextInt(stream.size() - original);
            stream.add(later, stream.get(original));
        }
        return count;
    }

    /**
     * Between chunks: nothing, or a service stopped cleanly, or killed with SIGKILL — the query service once it is in
     * the middle of consuming what is there, so a batch is cut off between its writes and its offset commit.
     */
    private void restartSomething() throws Exception {
        int dice = random.nextInt(10);
        if (dice < 2) {
            query.stop();
            query.start();
        } else if (dice < 5 || (kills == 0 && dice < 7)) {
            long committed = committedBy("query-service-views");
            await().atMost(Duration.ofSeconds(60)).until(() -> committedBy("query-service-views") > committed);
            query.kill();
            kills++;
            query.start();
        } else if (dice < 7) {
            command.kill();
            kills++;
            command.start();
        } else if (dice < 8) {
            command.stop();
            command.start();
        } else {
            return;
        }
        restarts++;
    }

    /** Every dead letter's original value and reason code, repeats of the same record counted once. */
    private Map<String, String> deadLetters() {
        Map<String, String> deadLetters = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "fault-suite-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                        2 * 1024 * 1024),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("upstream-order-events.dlq"));
            Set<String> seen = new HashSet<>();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String value = text(record.value());
                    seen.add(value);
                    deadLetters.put(
                            value,
                            text(record.headers()
                                    .lastHeader(DeadLetterHeaders.REASON_CODE)
                                    .value()));
                }
                return seen.size() >= FAULTY;
            });
            consumer.poll(Duration.ofSeconds(1))
                    .forEach(record -> deadLetters.put(
                            text(record.value()),
                            text(record.headers()
                                    .lastHeader(DeadLetterHeaders.REASON_CODE)
                                    .value())));
        }
        return deadLetters;
    }

    private long committedBy(String group) throws Exception {
        try (var admin =
                org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .filter(java.util.Objects::nonNull)
                    .mapToLong(org.apache.kafka.clients.consumer.OffsetAndMetadata::offset)
                    .sum();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        2 * 1024 * 1024),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private Map<String, String> settings(String database) {
        return Map.of(
                "server.address", "127.0.0.1",
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN",
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "spring.data.mongodb.uri", mongo.connectionString() + "/" + database,
                "customer360.inbound.max-wait", "10m",
                "customer360.inbound.retry-interval", "300ms");
    }

    private void ensureRunning() {
        if (!command.isRunning()) {
            command.start();
        }
        if (!query.isRunning()) {
            query.start();
        }
    }

    private Api api() {
        return new Api(command.http(), query.http());
    }

    private void stopQuietly() {
        for (AutoCloseable resource : new AutoCloseable[] {query, command, kafka, mongo}) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                // the test's outcome is already decided
            }
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
