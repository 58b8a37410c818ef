package com.customer360.events.order;

/** What a carrier reported about a shipment; both values also move the order's own status. */
public enum ShipmentStatus {
    IN_TRANSIT,
    DELIVERED
}
