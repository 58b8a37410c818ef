package com.customer360.query;

import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
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
 * Publishes to an events topic as the command side does (CloudEvents JSON keyed by customer id), and waits until a
 * consumer group has committed past a record.
 */
public final class EventPublisher {

    private static final Map<String, KafkaProducer<String, byte[]>> PRODUCERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final String bootstrapServers;
    private final String topic;
    private final String group;
    private final CloudEventCodec codec = new CloudEventCodec();

    public EventPublisher(String bootstrapServers, String topic, String group) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.group = group;
    }

    public String topic() {
        return topic;
    }

    public byte[] encode(EventEnvelope event) {
        return codec.encode(event);
    }

    /** Publishes in order and returns the last record's position. */
    public RecordMetadata publish(List<EventEnvelope> events) {
        RecordMetadata last = null;
        for (EventEnvelope event : events) {
            last = publish(event.key(), codec.encode(event));
        }
        return last;
    }

    /** Publishes without waiting for each acknowledgement, then waits once; returns the last record's position. */
    public RecordMetadata publishAll(List<EventEnvelope> events) {
        List<java.util.concurrent.Future<RecordMetadata>> sent = new java.util.ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            sent.add(producer().send(new ProducerRecord<>(topic, event.key(), codec.encode(event))));
        }
        RecordMetadata last = null;
        for (java.util.concurrent.Future<RecordMetadata> ack : sent) {
            last = get(ack);
        }
        return last;
    }

    /** Publishes any value, readable or not, under a key (which may be {@code null}). */
    public RecordMetadata publish(String key, byte[] value) {
        return publish(new ProducerRecord<>(topic, key, value));
    }

    public RecordMetadata publish(ProducerRecord<String, byte[]> record) {
        return get(producer().send(record));
    }

    private static RecordMetadata get(java.util.concurrent.Future<RecordMetadata> ack) {
        try {
            return ack.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return PRODUCERS.computeIfAbsent(
                bootstrapServers,
                servers -> new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                servers,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.LINGER_MS_CONFIG,
                                1,
                                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                                2 * 1024 * 1024),
                        new StringSerializer(),
                        new ByteArraySerializer()));
    }

    /** Waits until the consumer group's committed offset is past {@code record}: its batch is done. */
    public void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin client = admin()) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                OffsetAndMetadata offset = committed(client).get(partition);
                return offset != null && offset.offset() > record.offset();
            });
        }
    }

    /** Waits until the consumer group has committed everything on every partition of the topic. */
    public void awaitAllConsumed() {
        try (Admin client = admin()) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = committed(client);
                return ends(client).entrySet().stream()
                        .allMatch(end -> end.getValue() == 0
                                || (committed.get(end.getKey()) != null
                                        && committed.get(end.getKey()).offset() >= end.getValue()));
            });
        }
    }

    /** The consumer group's committed offsets, by partition; empty while it has committed none. */
    public Map<TopicPartition, OffsetAndMetadata> committedOffsets() {
        try (Admin client = admin()) {
            return committed(client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(Admin client)
            throws InterruptedException, ExecutionException {
        return client.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<TopicPartition, Long> ends(Admin client) throws InterruptedException, ExecutionException {
        List<TopicPartition> partitions =
                client.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
        Map<TopicPartition, ListOffsetsResultInfo> ends = client.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                .all()
                .get();
        return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue()
                .offset()));
    }
}
