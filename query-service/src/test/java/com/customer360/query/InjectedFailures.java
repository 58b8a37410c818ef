package com.customer360.query;

import com.customer360.events.DomainEvent;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.fold.FoldOutcome;
import com.customer360.query.fold.Projection;
import com.customer360.query.store.ReadModel;
import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import com.mongodb.client.model.IndexModel;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.springframework.boot.test.context.TestComponent;

/**
 * A read model that ignores every event, except that it can be told to fail the next batches the way an unreachable
 * store would: to show that a failed batch is retried until it goes through and loses nothing.
 */
@TestComponent
public class InjectedFailures implements ReadModel<Object> {

    private final AtomicInteger failuresLeft = new AtomicInteger();

    public void failNextBatches(int count) {
        failuresLeft.set(count);
    }

    public int failuresLeft() {
        return failuresLeft.get();
    }

    @Override
    public String collection() {
        return "injected_failures";
    }

    @Override
    public Projection<Object> projection() {
        return new Projection<>() {
            @Override
            public String documentIdOf(DomainEvent event) {
                if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    throw new MongoSocketException("injected: store unreachable", new ServerAddress("127.0.0.1"));
                }
                return null;
            }

            @Override
            public Object newDocument(String id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<FoldOutcome> apply(Object document, List<EventEnvelope> events) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Override
    public Document toBson(Object document, long version, Instant updatedAt) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object fromBson(Document stored) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of();
    }
}
