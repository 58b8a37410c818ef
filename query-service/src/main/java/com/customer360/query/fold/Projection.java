package com.customer360.query.fold;

import com.customer360.events.DomainEvent;
import com.customer360.events.cloudevents.EventEnvelope;
import java.util.List;

/**
 * Folds events into one kind of read-model document, in memory. Implementations hold the domain rules of their read
 * model and nothing else, so the same code serves the live consumer, a rebuild and a unit test.
 *
 * @param <D> the document type
 */
public interface Projection<D> {

    /** The id of the document the event changes, or {@code null} when this read model ignores the event. */
    String documentIdOf(DomainEvent event);

    /** A document that no event has touched yet. */
    D newDocument(String id);

    /**
     * Applies the events, all of which belong to {@code document}, in the given order, and recomputes whatever the
     * document derives from its state once at the end if anything changed.
     *
     * @return one outcome per event, in the same order
     */
    List<FoldOutcome> apply(D document, List<EventEnvelope> events);

    default FoldOutcome apply(D document, EventEnvelope event) {
        return apply(document, List.of(event)).get(0);
    }
}
