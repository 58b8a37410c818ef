package com.customer360.query.intake;

import com.customer360.events.cloudevents.EventEnvelope;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The points inside the processing of a batch where a crash leaves the store and the committed offsets furthest
 * apart. Tests declare a bean of this type to fail or stop the service exactly there and prove that the read models
 * still end as a clean run leaves them; the service itself uses {@link #NONE}.
 */
interface BatchCheckpoints {

    BatchCheckpoints NONE = new BatchCheckpoints() {};

    /** One read model's writes for these events are acknowledged; the other read models may not be written yet. */
    default void readModelWritten(String collection, List<EventEnvelope> events) {}

    /** Every write of the batch is acknowledged; its offsets are not committed yet. */
    default void batchWritten(List<ConsumerRecord<String, byte[]>> records) {}
}
