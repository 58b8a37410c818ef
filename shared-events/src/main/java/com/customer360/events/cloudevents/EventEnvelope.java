package com.customer360.events.cloudevents;

import static java.util.Objects.requireNonNull;

import com.customer360.events.DomainEvent;
import com.customer360.events.EventCatalog;
import java.time.Instant;

/**
 * An event with the CloudEvents attributes around it. {@code aggregateSequence} is the event's position in its
 * aggregate's own history (0, 1, 2, ...); readers use it to apply each event exactly once.
 */
public record EventEnvelope(String id, String source, Instant time, long aggregateSequence, DomainEvent event) {

    public EventEnvelope {
        requireNonNull(id, "id");
        requireNonNull(source, "source");
        requireNonNull(time, "time");
        requireNonNull(event, "event");
    }

    public String type() {
        return EventCatalog.typeOf(event.getClass()).name();
    }

    public int revision() {
        return EventCatalog.typeOf(event.getClass()).revision();
    }

    public String aggregateType() {
        return EventCatalog.aggregateTypeOf(event);
    }

    public String aggregateId() {
        return EventCatalog.aggregateIdOf(event);
    }

    /** The Kafka record key: every event of one customer goes to the same partition. */
    public String key() {
        return event.customerId();
    }
}
