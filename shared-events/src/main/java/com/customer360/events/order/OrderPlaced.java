package com.customer360.events.order;

import static java.util.Objects.requireNonNull;

import com.customer360.events.Address;
import com.customer360.events.EventType;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order was placed, either directly or from a draft. The event is complete on its own: a reader that never saw
 * the draft still knows the store, currency, lines, total and address. {@code placedAt} is when the customer placed
 * it, which upstream systems may send for orders placed before they reached us.
 */
@EventType(name = "order.placed", revision = 1)
public record OrderPlaced(
        String orderId,
        String customerId,
        String storeId,
        String currency,
        List<OrderLine> lines,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        Address shippingAddress,
        Instant placedAt)
        implements OrderEvent {

    public OrderPlaced {
        requireNonNull(orderId, "orderId");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        requireNonNull(total, "total");
        requireNonNull(placedAt, "placedAt");
        lines = List.copyOf(requireNonNull(lines, "lines"));
    }
}
