package com.customer360.command.publishing;

import com.customer360.events.DomainEvent;
import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka record of a stored event: CloudEvents id = the event's identifier, its stored time and aggregate
 * sequence, key = customerId. One place, so that the relay and a re-publication write exactly the same record.
 */
final class EventRecords {

    private final CloudEventCodec codec;
    private final String topic;
    private final String source;

    EventRecords(CloudEventCodec codec, String topic, String source) {
        this.codec = codec;
        this.topic = topic;
        this.source = source;
    }

    ProducerRecord<String, byte[]> of(String id, Instant time, long sequence, DomainEvent event) {
        EventEnvelope envelope = new EventEnvelope(id, source, time, sequence, event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, envelope.key(), codec.encode(envelope));
        record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    String topic() {
        return topic;
    }
}
