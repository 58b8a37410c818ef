package com.customer360.command.order;

import com.customer360.command.eventstore.AggregateStreams;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Places a draft; without placedAt it is placed now. */
record PlaceOrder(String orderId, Instant placedAt, Instant at) {

    @TargetAggregateIdentifier
    String streamId() {
        return AggregateStreams.order(orderId);
    }
}
