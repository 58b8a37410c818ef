package com.customer360.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tempDir;

    @Test
    void shouldServeATopicCreatedByTheAdminClient() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.temporary()) {
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
            assertThat(broker.port()).isPositive();

            try (Admin admin = KafkaClients.admin(broker.bootstrapServers())) {
                admin.createTopics(List.of(new NewTopic("orders", 3, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
                assertThat(admin.describeTopics(Set.of("orders"))
                                .allTopicNames()
                                .get(30, TimeUnit.SECONDS)
                                .get("orders")
                                .partitions())
                        .hasSize(3);
            }
            produce(broker, "orders", "customer-1", "order placed");

            try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(broker.bootstrapServers(), "readers")) {
                consumer.subscribe(List.of("orders"));
                List<ConsumerRecord<String, String>> records = KafkaClients.poll(consumer, 1, WAIT);
                assertThat(records).extracting(ConsumerRecord::value).containsExactly("order placed");
            }
        }
    }

    @Test
    void shouldDeleteTheTemporaryDirectoryOnClose() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.temporary();
        Path directory = broker.dataDirectory();
        assertThat(directory).isDirectory();

        broker.close();

        assertThat(directory).doesNotExist();
    }

    @Test
    void shouldKeepRecordsAndCommittedOffsetsAcrossARestart() throws Exception {
        Path dataDirectory = tempDir.resolve("kafka");
        String clusterId;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.persistent(dataDirectory, 0)) {
            clusterId = broker.clusterId();
            produce(broker, "events", "customer-1", "first");
            produce(broker, "events", "customer-1", "second");
            try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(broker.bootstrapServers(), "view")) {
                consumer.subscribe(List.of("events"));
                assertThat(KafkaClients.poll(consumer, 2, WAIT)).hasSize(2);
                consumer.commitSync();
            }
        }
        assertThat(dataDirectory).isDirectory();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.persistent(dataDirectory, 0)) {
            assertThat(broker.clusterId()).isEqualTo(clusterId);
            try (KafkaConsumer<String, String> consumer =
                    KafkaClients.consumer(broker.bootstrapServers(), "fresh-reader")) {
                consumer.subscribe(List.of("events"));
                assertThat(KafkaClients.poll(consumer, 2, WAIT))
                        .extracting(ConsumerRecord::value)
                        .containsExactly("first", "second");
            }
            try (Admin admin = KafkaClients.admin(broker.bootstrapServers())) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("view")
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                assertThat(offsets.values().stream()
                                .mapToLong(OffsetAndMetadata::offset)
                                .sum())
                        .isEqualTo(2);
            }
        }
    }

    @Test
    void cannotStartOnAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.temporary(taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    private static RecordMetadata produce(EmbeddedKafkaBroker broker, String topic, String key, String value)
            throws Exception {
        try (KafkaProducer<String, String> producer = KafkaClients.producer(broker.bootstrapServers())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }
}
