package com.customer360.command.order;

import com.customer360.command.eventstore.AggregateStreams;
import com.customer360.events.Address;
import com.customer360.events.order.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates an order, as a draft or placed. {@code total} and {@code placedAt} are as the caller sent them (either may
 * be null); amounts already have the currency's digits.
 */
record CreateOrder(
        String orderId,
        String customerId,
        String storeId,
        String currency,
        List<OrderLine> lines,
        BigDecimal total,
        Address shippingAddress,
        Instant placedAt,
        boolean draft,
        Instant at) {

    @TargetAggregateIdentifier
    String streamId() {
        return AggregateStreams.order(orderId);
    }

    BigDecimal computedTotal() {
        return lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
