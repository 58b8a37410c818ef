package com.customer360.command.order;

import com.customer360.command.eventstore.AggregateStreams;
import com.customer360.events.order.ShipmentStatus;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records what a carrier reported. */
record RecordShipmentUpdate(
        String orderId,
        ShipmentStatus status,
        String carrier,
        String trackingNumber,
        String location,
        String note,
        Instant at) {

    @TargetAggregateIdentifier
    String streamId() {
        return AggregateStreams.order(orderId);
    }
}
