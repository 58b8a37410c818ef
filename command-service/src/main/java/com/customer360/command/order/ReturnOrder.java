package com.customer360.command.order;

import com.customer360.command.eventstore.AggregateStreams;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a delivered order came back. */
record ReturnOrder(String orderId, String reason, Instant at) {

    @TargetAggregateIdentifier
    String streamId() {
        return AggregateStreams.order(orderId);
    }
}
