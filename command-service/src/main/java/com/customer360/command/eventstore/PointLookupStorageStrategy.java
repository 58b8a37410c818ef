package com.customer360.command.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;

/**
 * Axon's document-per-event storage, tuned for a store that may only use indexes for exact matches
 * (mongo-java-server, the embedded default) without costing real MongoDB anything:
 *
 * <ul>
 *   <li>"does this stream exist?" is answered by a point lookup on the unique (aggregateIdentifier, sequenceNumber)
 *       index before the range query runs; every new customer and order asks it;
 *   <li>the readers that follow the store (the Kafka relay) query it at most once per poll interval. They query
 *       again as soon as a query returned events, which under a steady stream of commands means back to back, and
 *       each such range query scans the collection on mongo-java-server.
 * </ul>
 */
final class PointLookupStorageStrategy extends DocumentPerEventStorageStrategy {

    private final long pollIntervalNanos;
    private long lastTrackedQuery;

    PointLookupStorageStrategy(Duration trackingLookBack, Duration pollInterval) {
        super(null, trackingLookBack);
        this.pollIntervalNanos = pollInterval.toNanos();
    }

    @Override
    public List<? extends DomainEventData<?>> findDomainEvents(
            MongoCollection<Document> collection, String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        if (firstSequenceNumber == 0 && !streamExists(collection, eventConfiguration(), aggregateIdentifier)) {
            return List.of();
        }
        return super.findDomainEvents(collection, aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(MongoCollection<Document> collection, String aggregateIdentifier) {
        if (!streamExists(collection, eventConfiguration(), aggregateIdentifier)) {
            return Optional.empty();
        }
        return super.lastSequenceNumberFor(collection, aggregateIdentifier);
    }

    @Override
    public List<? extends TrackedEventData<?>> findTrackedEvents(
            MongoCollection<Document> collection, TrackingToken lastToken, int batchSize) {
        waitForPollInterval();
        return super.findTrackedEvents(collection, lastToken, batchSize);
    }

    private synchronized void waitForPollInterval() {
        long wait = lastTrackedQuery + pollIntervalNanos - System.nanoTime();
        try {
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lastTrackedQuery = System.nanoTime();
    }

    static boolean streamExists(
            MongoCollection<Document> collection, EventEntryConfiguration fields, String aggregateIdentifier) {
        Document firstEvent = new Document(fields.aggregateIdentifierProperty(), aggregateIdentifier)
                .append(fields.sequenceNumberProperty(), 0L);
        return collection
                        .find(firstEvent)
                        .projection(Projections.include("_id"))
                        .first()
                != null;
    }
}
