package com.customer360.events.order;

import static java.util.Objects.requireNonNull;

import com.customer360.events.Address;
import com.customer360.events.EventType;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A draft order was created; it is not counted in any figure until it is placed. */
@EventType(name = "order.drafted", revision = 1)
public record OrderDrafted(
        String orderId,
        String customerId,
        String storeId,
        String currency,
        List<OrderLine> lines,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        Address shippingAddress,
        Instant draftedAt)
        implements OrderEvent {

    public OrderDrafted {
        requireNonNull(orderId, "orderId");
        requireNonNull(customerId, "customerId");
        requireNonNull(currency, "currency");
        requireNonNull(total, "total");
        requireNonNull(draftedAt, "draftedAt");
        lines = List.copyOf(requireNonNull(lines, "lines"));
    }
}
