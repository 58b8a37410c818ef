package com.customer360.events.order;

import static java.util.Objects.requireNonNull;

import com.customer360.events.EventType;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;

/** Money was given back on an order; never more than what was not yet refunded. */
@EventType(name = "order.refunded", revision = 1)
public record OrderRefunded(
        String orderId,
        String customerId,
        String refundId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        String reason,
        Instant refundedAt)
        implements OrderEvent {

    public OrderRefunded {
        requireNonNull(orderId, "orderId");
        requireNonNull(customerId, "customerId");
        requireNonNull(refundId, "refundId");
        requireNonNull(amount, "amount");
        requireNonNull(currency, "currency");
        requireNonNull(refundedAt, "refundedAt");
    }
}
