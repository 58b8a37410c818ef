package com.customer360.query.intake;

import com.customer360.events.cloudevents.CloudEventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;

/**
 * Stands in for "the fix" of records dead-lettered as {@code UNSUPPORTED_REVISION}: the reader of a later version of
 * the service, which understands revision 2 of {@code order.placed} (here: the same data under a new revision number)
 * by upcasting it to revision 1. Until {@link #deployTheFix()} it reads like today's service.
 */
class UpcastingEventReader extends EventReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile boolean fixed;

    UpcastingEventReader(CloudEventCodec codec, boolean fixed) {
        super(codec);
        this.fixed = fixed;
    }

    /** An encoded {@code order.placed} event as a producer one version ahead of this service writes it. */
    static byte[] asRevision2(byte[] orderPlaced) {
        return withRevision(orderPlaced, 2);
    }

    void deployTheFix() {
        fixed = true;
    }

    @Override
    public Read read(ConsumerRecord<String, byte[]> record) {
        if (!fixed || record.value() == null) {
            return super.read(record);
        }
        return super.read(new ConsumerRecord<>(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE,
                record.key(),
                upcast(record.value()),
                record.headers(),
                Optional.empty()));
    }

    private static byte[] upcast(byte[] value) {
        try {
            JsonNode node = JSON.readTree(value);
            if (node instanceof ObjectNode event
                    && "order.placed".equals(event.path("type").asText())
                    && event.path("datarevision").asInt() == 2) {
                return withRevision(value, 1);
            }
        } catch (IOException e) {
            // Not JSON: nothing to upcast, the reader says why.
        }
        return value;
    }

    private static byte[] withRevision(byte[] value, int revision) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(value);
            event.put("datarevision", revision);
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
