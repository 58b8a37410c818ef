package com.customer360.events.order;

/** Where an order is in its life. */
public enum OrderStatus {
    DRAFT,
    PLACED,
    IN_TRANSIT,
    DELIVERED,
    CANCELLED,
    RETURNED;

    /** A counted order is any order that is neither a draft nor cancelled; only those make up the figures. */
    public boolean isCounted() {
        return this != DRAFT && this != CANCELLED;
    }
}
