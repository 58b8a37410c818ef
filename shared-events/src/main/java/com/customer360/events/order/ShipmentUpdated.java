package com.customer360.events.order;

import static java.util.Objects.requireNonNull;

import com.customer360.events.EventType;
import java.time.Instant;

/**
 * A carrier reported on the order's shipment. {@code IN_TRANSIT} and {@code DELIVERED} also move the order's status;
 * repeated {@code IN_TRANSIT} reports are progress updates of a shipment under way.
 */
@EventType(name = "order.shipment-updated", revision = 1)
public record ShipmentUpdated(
        String orderId,
        String customerId,
        ShipmentStatus status,
        String carrier,
        String trackingNumber,
        String location,
        String note,
        Instant at)
        implements OrderEvent {

    public ShipmentUpdated {
        requireNonNull(orderId, "orderId");
        requireNonNull(customerId, "customerId");
        requireNonNull(status, "status");
        requireNonNull(at, "at");
    }
}
