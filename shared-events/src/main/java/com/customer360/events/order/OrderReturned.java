package com.customer360.events.order;

import static java.util.Objects.requireNonNull;

import com.customer360.events.EventType;
import java.time.Instant;

/** A delivered order came back. It still counts; money given back is recorded as refunds. */
@EventType(name = "order.returned", revision = 1)
public record OrderReturned(String orderId, String customerId, String reason, Instant returnedAt)
        implements OrderEvent {

    public OrderReturned {
        requireNonNull(orderId, "orderId");
        requireNonNull(customerId, "customerId");
        requireNonNull(returnedAt, "returnedAt");
    }
}
