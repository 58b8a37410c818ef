package com.customer360.query.intake;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The point at the end of a batch where a crash leaves the store and the committed offsets furthest apart. Tests
 * declare a bean of this type to fail or stop the service exactly there and prove that the read models still end as
 * a clean run leaves them; the service itself uses {@link #NONE}. (The point between the customer and the order
 * writes is {@link com.customer360.query.projection.ProjectionCheckpoints}.)
 */
interface BatchCheckpoints {

    BatchCheckpoints NONE = new BatchCheckpoints() {};

    /** Every write of the batch is acknowledged; its offsets are not committed yet. */
    default void batchWritten(List<ConsumerRecord<String, byte[]>> records) {}
}
