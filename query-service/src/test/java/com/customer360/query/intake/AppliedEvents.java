package com.customer360.query.intake;

import com.customer360.events.DomainEvent;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.fold.FoldOutcome;
import com.customer360.query.fold.Projection;
import com.customer360.query.store.ReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * A read model that keeps, per customer, the ids of the events applied to it in the order they were applied (each
 * once), so a test sees exactly what a re-drive applied and in which order.
 */
final class AppliedEvents implements ReadModel<AppliedEvents.Applied> {

    /** One customer's document: the ids of the events applied, in order. */
    record Applied(String customerId, List<String> eventIds) {}

    static final String COLLECTION = "applied_events";

    /** The event ids applied to the customer's document, in order; empty when none was. */
    static List<String> of(MongoCollection<Document> collection, String customerId) {
        Document stored = collection.find(new Document("_id", customerId)).first();
        return stored == null ? List.of() : stored.getList("events", String.class);
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Projection<Applied> projection() {
        return new Projection<>() {
            @Override
            public String documentIdOf(DomainEvent event) {
                return event.customerId();
            }

            @Override
            public Applied newDocument(String id) {
                return new Applied(id, new ArrayList<>());
            }

            @Override
            public List<FoldOutcome> apply(Applied applied, List<EventEnvelope> events) {
                List<FoldOutcome> outcomes = new ArrayList<>();
                for (EventEnvelope event : events) {
                    if (applied.eventIds().contains(event.id())) {
                        outcomes.add(FoldOutcome.ALREADY_APPLIED);
                    } else {
                        applied.eventIds().add(event.id());
                        outcomes.add(FoldOutcome.APPLIED);
                    }
                }
                return outcomes;
            }
        };
    }

    @Override
    public Document toBson(Applied applied, long version, Instant updatedAt) {
        return new Document("_id", applied.customerId())
                .append("events", applied.eventIds())
                .append(VERSION, version);
    }

    @Override
    public Applied fromBson(Document stored) {
        return new Applied(stored.getString("_id"), new ArrayList<>(stored.getList("events", String.class)));
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of();
    }
}
