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
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes to the events topic as the command side does (CloudEvents JSON keyed by customer id), and waits until the
 * query service's consumer group has committed past a record.
 */
public final class EventPublisher {

    public static final String TOPIC = "customer-order-events";
    public static final String GROUP = "query-service-views";

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final String topic;
    private final String group;
    private final CloudEventCodec codec = new CloudEventCodec();

    public EventPublisher(KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin) {
        this(kafka, admin, TOPIC, GROUP);
    }

    public EventPublisher(KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin, String topic, String group) {
        this.kafka = kafka;
        this.admin = admin;
        this.topic = topic;
        this.group = group;
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

    /** Publishes any value, readable or not, under a key (which may be {@code null}). */
    public RecordMetadata publish(String key, byte[] value) {
        return publish(new ProducerRecord<>(topic, key, value));
    }

    public RecordMetadata publish(ProducerRecord<String, byte[]> record) {
        try {
            return kafka.send(record).get().getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits until the consumer group's committed offset is past {@code record}: its batch is done. */
    public void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                OffsetAndMetadata offset = committed(client).get(partition);
                return offset != null && offset.offset() > record.offset();
            });
        }
    }

    /** Waits until the consumer group has committed everything on every partition of the topic. */
    public void awaitAllConsumed() {
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
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
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            return committed(client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
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
