package com.customer360.query;

import static org.awaitility.Awaitility.await;

import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes to {@code customer-order-events} as the command side does (CloudEvents JSON keyed by customer id), and
 * waits until the query service's consumer group has committed past a record.
 */
public final class EventPublisher {

    public static final String TOPIC = "customer-order-events";
    public static final String GROUP = "query-service-views";

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final CloudEventCodec codec = new CloudEventCodec();

    public EventPublisher(KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin) {
        this.kafka = kafka;
        this.admin = admin;
    }

    public byte[] encode(EventEnvelope event) {
        return codec.encode(event);
    }

    /** Publishes in order and returns the last record's position. */
    public RecordMetadata publish(List<EventEnvelope> events) {
        RecordMetadata last = null;
        for (EventEnvelope event : events) {
            last = publish(new ProducerRecord<>(TOPIC, event.key(), codec.encode(event)));
        }
        return last;
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
                Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get();
                OffsetAndMetadata offset = committed.get(partition);
                return offset != null && offset.offset() > record.offset();
            });
        }
    }
}
