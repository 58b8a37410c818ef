package com.customer360.query.projection;

import com.customer360.events.cloudevents.EventEnvelope;
import java.util.List;

/**
 * The points inside a projection where a crash hurts most: the customer documents written and the order documents not
 * yet (the two furthest apart), and the order documents written before the customer documents forget the positions
 * those caught up with ({@link PendingPositions}). Tests declare a bean of this type to fail or stop the service
 * exactly there and prove that the documents still end as a clean run leaves them; the service uses {@link #NONE}.
 */
public interface ProjectionCheckpoints {

    ProjectionCheckpoints NONE = new ProjectionCheckpoints() {};

    /** The customer documents of these events are acknowledged; their order documents are not written yet. */
    default void customersWritten(List<EventEnvelope> events) {}

    /** The order documents of these events are acknowledged too; the customer documents hold all their positions. */
    default void ordersWritten(List<EventEnvelope> events) {}
}
