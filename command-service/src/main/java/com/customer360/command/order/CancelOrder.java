package com.customer360.command.order;

import com.customer360.command.eventstore.AggregateStreams;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels a draft or a placed order. */
record CancelOrder(String orderId, String reason, Instant at) {

    @TargetAggregateIdentifier
    String streamId() {
        return AggregateStreams.order(orderId);
    }
}
