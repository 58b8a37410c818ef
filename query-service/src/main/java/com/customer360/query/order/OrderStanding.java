package com.customer360.query.order;

import com.customer360.events.Address;
import com.customer360.events.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one order contributes to its customer's document at one position of its history: the customer document keeps
 * sums and rankings of these, never the orders themselves, and moves from one standing of an order to the next as
 * the order's events arrive.
 *
 * @param seq the order's position this standing is at
 * @param placedAt {@code null} while a draft
 * @param inTransitSince the time of the last shipment update while the order is in transit, else {@code null}
 */
public record OrderStanding(
        String orderId,
        long seq,
        String currency,
        OrderStatus status,
        BigDecimal total,
        BigDecimal refundedTotal,
        Instant placedAt,
        Address shippingAddress,
        Instant inTransitSince) {

    /** Counted orders make up the figures: every order that is neither a draft nor cancelled. */
    public boolean counted() {
        return status.isCounted();
    }

    /** What the order is worth to its customer: its total less what was given back. */
    public BigDecimal net() {
        return total.subtract(refundedTotal);
    }
}
