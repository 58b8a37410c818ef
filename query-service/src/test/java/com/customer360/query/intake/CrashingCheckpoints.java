package com.customer360.query.intake;

import com.customer360.events.cloudevents.EventEnvelope;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;

/**
 * Makes the service fail once at a chosen checkpoint ({@code test.crash-at}: {@code after-first-read-model} or
 * {@code after-batch-written}), the way a crash there would leave things: the writes so far acknowledged, the batch's
 * offsets not committed. Records what reached each checkpoint so a test can see the batch come again.
 */
@TestComponent
class CrashingCheckpoints implements BatchCheckpoints {

    static final String AFTER_FIRST_READ_MODEL = "after-first-read-model";
    static final String AFTER_BATCH_WRITTEN = "after-batch-written";

    private final String crashAt;
    private final AtomicBoolean crashed = new AtomicBoolean();
    private final List<String> firstReadModel = new CopyOnWriteArrayList<>();
    private final List<List<String>> readModelWrites = new CopyOnWriteArrayList<>();
    private final List<List<String>> writtenBatches = new CopyOnWriteArrayList<>();

    CrashingCheckpoints(@Value("${test.crash-at:never}") String crashAt) {
        this.crashAt = crashAt;
    }

    @Override
    public void readModelWritten(String collection, List<EventEnvelope> events) {
        readModelWrites.add(events.stream().map(EventEnvelope::id).toList());
        firstReadModel.add(collection);
        if (crashAt.equals(AFTER_FIRST_READ_MODEL) && crashed.compareAndSet(false, true)) {
            throw new SimulatedCrash("after " + collection + " was written");
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

    /** The collection written first, where {@code after-first-read-model} crashes. */
    String firstCollection() {
        return firstReadModel.get(0);
    }

    /** The ids of the events of each read-model write, in order. */
    List<List<String>> readModelWrites() {
        return readModelWrites;
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
