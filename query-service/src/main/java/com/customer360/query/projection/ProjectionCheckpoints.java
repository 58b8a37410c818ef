package com.customer360.query.projection;

import com.customer360.events.cloudevents.EventEnvelope;
import java.util.List;

/**
 * The point inside a projection where a crash leaves the customer and order documents furthest apart: the customer
 * documents written, the order documents not yet. Tests declare a bean of this type to fail or stop the service
 * exactly there and prove that the documents still end as a clean run leaves them; the service uses {@link #NONE}.
 */
public interface ProjectionCheckpoints {

    ProjectionCheckpoints NONE = new ProjectionCheckpoints() {};

    /** The customer documents of these events are acknowledged; their order documents are not written yet. */
    default void customersWritten(List<EventEnvelope> events) {}
}
