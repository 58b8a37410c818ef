package com.customer360.command.eventstore;

import com.customer360.events.EventType;
import org.axonframework.serialization.RevisionResolver;

/**
 * Stores each event with the revision its contract declares, so upcasters can recognise old shapes. The contract
 * module stays free of Axon, so it carries its own {@link EventType} annotation instead of Axon's {@code @Revision}.
 */
class EventTypeRevisionResolver implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventType type = payloadType.getAnnotation(EventType.class);
        return type == null ? null : Integer.toString(type.revision());
    }
}
