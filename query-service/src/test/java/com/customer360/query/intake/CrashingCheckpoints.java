package com.customer360.query.intake;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.deadletters.DeadLetter;
import com.customer360.query.projection.ProjectionCheckpoints;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;

/**
 * Makes the service fail once at a chosen point ({@code test.crash-at}: {@code after-customers-written}, {@code
 * after-orders-written} or {@code after-batch-written}), the way a crash there would leave things: the writes so far acknowledged, the batch's offsets
 * not committed. Records what reached each point so a test can see the batch come again.
 */
@TestComponent
class CrashingCheckpoints implements BatchCheckpoints, ProjectionCheckpoints {

    static final String AFTER_CUSTOMERS_WRITTEN = "after-customers-written";
    static final String AFTER_ORDERS_WRITTEN = "after-orders-written";
    static final String AFTER_BATCH_WRITTEN = "after-batch-written";

    private final String crashAt;
    private final AtomicBoolean crashed = new AtomicBoolean();
    private final List<List<String>> customerWrites = new CopyOnWriteArrayList<>();
    private final List<List<String>> writtenBatches = new CopyOnWriteArrayList<>();

    CrashingCheckpoints(@Value("${test.crash-at:never}") String crashAt) {
        this.crashAt = crashAt;
    }

    @Override
    public void customersWritten(List<EventEnvelope> events) {
        customerWrites.add(events.stream().map(EventEnvelope::id).toList());
        if (crashAt.equals(AFTER_CUSTOMERS_WRITTEN) && crashed.compareAndSet(false, true)) {
            throw new SimulatedCrash("after the customer documents were written");
        }
    }

    @Override
    public void ordersWritten(List<EventEnvelope> events) {
        if (crashAt.equals(AFTER_ORDERS_WRITTEN) && crashed.compareAndSet(false, true)) {
            throw new SimulatedCrash("after the order documents were written");
        }
    }

    @Override
    public void batchWritten(List<ConsumerRecord<String, byte[]>> records) {
        writtenBatches.add(records.stream().map(DeadLetter::idOf).toList());
        if (crashAt.equals(AFTER_BATCH_WRITTEN) && crashed.compareAndSet(false, true)) {
            throw new SimulatedCrash("after the batch was written");
        }
    }

    boolean crashed() {
        return crashed.get();
    }

    /** The ids of the events of each projection that got its customer documents written, in order. */
    List<List<String>> customerWrites() {
        return customerWrites;
    }

    /** The record ids of each batch that got through its writes, in order. */
    List<List<String>> writtenBatches() {
        return writtenBatches;
    }

    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }
}
