package com.customer360.query;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.projection.ProjectionCheckpoints;
import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;

/**
 * Fails the next batches the way a store that went away between the customer and the order writes would: to show
 * that a failed batch is retried until it goes through, and that the customer documents it already wrote do not count
 * its events twice.
 */
@TestComponent
public class InjectedFailures implements ProjectionCheckpoints {

    private final AtomicInteger failuresLeft = new AtomicInteger();

    public void failNextBatches(int count) {
        failuresLeft.set(count);
    }

    public int failuresLeft() {
        return failuresLeft.get();
    }

    @Override
    public void customersWritten(List<EventEnvelope> events) {
        if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new MongoSocketException("injected: store unreachable", new ServerAddress("127.0.0.1"));
        }
    }
}
