package com.customer360.command.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Reads stored events back as the relay's tracking processor sees them — same identifier, timestamp, sequence and
 * payload, deserialized with the same serializer and (none yet) upcasters as the storage engine — so that a gap the
 * relay left can be filled by publishing them again.
 */
@Component
public class StoredEvents {

    private static final int BATCH = 500;

    private final MongoTemplate template;
    private final Serializer serializer;
    private final EventEntryConfiguration fields = EventEntryConfiguration.getDefault();

    StoredEvents(MongoTemplate template, @Qualifier("eventSerializer") Serializer serializer) {
        this.template = template;
        this.serializer = serializer;
    }

    /** Thrown when a time range holds more events than a caller allowed. */
    public static final class TooMany extends Exception {
        TooMany(long limit) {
            super("more than " + limit + " events", null, false, false);
        }
    }

    /**
     * One aggregate's whole stream, by point lookups on the unique (aggregateIdentifier, sequenceNumber) index —
     * sequence 0, 1, 2, ... until one is missing — rather than a range query, which mongo-java-server answers with a
     * scan of the whole event collection. Empty when no such stream exists.
     */
    public List<DomainEventMessage<?>> stream(String streamId) {
        MongoCollection<Document> events = template.eventCollection();
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        for (long sequence = 0; ; sequence++) {
            Document stored = events.find(new Document(fields.aggregateIdentifierProperty(), streamId)
                            .append(fields.sequenceNumberProperty(), sequence))
                    .first();
            if (stored == null) {
                return stream;
            }
            stream.add(message(stored));
        }
    }

    /**
     * Every event stored with a timestamp in {@code [from, to)} (to the millisecond, as stored), each aggregate's in
     * sequence order. On real MongoDB the timestamp index serves the range; mongo-java-server scans the collection,
     * twice (once to count).
     *
     * @throws TooMany when the range holds more than {@code limit} events; nothing was handed on then
     */
    public long inRange(Instant from, Instant to, long limit, Consumer<DomainEventMessage<?>> each) throws TooMany {
        MongoCollection<Document> events = template.eventCollection();
        Bson range = Filters.and(
                Filters.gte(fields.timestampProperty(), DateTimeUtils.formatInstant(from)),
                Filters.lt(fields.timestampProperty(), DateTimeUtils.formatInstant(to)));
        if (events.countDocuments(range, new CountOptions().limit((int) Math.min(Integer.MAX_VALUE, limit + 1)))
                > limit) {
            throw new TooMany(limit);
        }
        long handed = 0;
        for (Document stored : events.find(range)
                .sort(Sorts.ascending(fields.aggregateIdentifierProperty(), fields.sequenceNumberProperty()))
                .batchSize(BATCH)) {
            each.accept(message(stored));
            handed++;
        }
        return handed;
    }

    private DomainEventMessage<?> message(Document stored) {
        DomainEventStream one = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(new EventEntry(stored, fields)), serializer, NoOpEventUpcaster.INSTANCE);
        return one.next();
    }
}
