package com.customer360.command.eventstore;

import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.springframework.stereotype.Component;

/** Whether an aggregate's stream exists, by one point lookup in the event store. */
@Component
public class EventStreams {

    private final MongoTemplate template;

    EventStreams(MongoTemplate template) {
        this.template = template;
    }

    public boolean exists(String streamId) {
        return PointLookupStorageStrategy.streamExists(
                template.eventCollection(), EventEntryConfiguration.getDefault(), streamId);
    }
}
