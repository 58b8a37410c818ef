package com.customer360.command.order;

import com.customer360.command.eventstore.AggregateStreams;
import com.customer360.events.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends an order that has not shipped to another address. */
record ChangeShippingAddress(String orderId, Address shippingAddress, Instant at) {

    @TargetAggregateIdentifier
    String streamId() {
        return AggregateStreams.order(orderId);
    }
}
