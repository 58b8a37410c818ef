package com.customer360.events.order;

import static java.util.Objects.requireNonNull;

import com.customer360.events.EventType;
import java.time.Instant;

/** A draft or placed order was cancelled; it no longer counts in any figure. */
@EventType(name = "order.cancelled", revision = 1)
public record OrderCancelled(String orderId, String customerId, String reason, Instant cancelledAt)
        implements OrderEvent {

    public OrderCancelled {
        requireNonNull(orderId, "orderId");
        requireNonNull(customerId, "customerId");
        requireNonNull(cancelledAt, "cancelledAt");
    }
}
