package com.customer360.query.customer;

import com.customer360.events.Address;
import com.customer360.events.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order as the customer's document sees it: enough for the order history table and the figures. It keeps its
 * own sequence guard because each order has its own history.
 */
final class OrderRow {

    final String orderId;
    String storeId;
    String currency;
    OrderStatus status;
    BigDecimal total;
    BigDecimal refundedTotal;
    /** The placed time, or the drafted time while a draft. */
    Instant orderDate;

    Instant placedAt;
    Address shippingAddress;
    Instant lastShipmentUpdateAt;
    /** The last applied position in the order's own history; -1 before any. */
    long seq = -1;

    OrderRow(String orderId) {
        this.orderId = orderId;
    }

    boolean isCounted() {
        return status != null && status.isCounted();
    }

    /** Order count, lifetime value and average order value only count what was not given back. */
    BigDecimal netValue() {
        return total.subtract(refundedTotal);
    }
}
