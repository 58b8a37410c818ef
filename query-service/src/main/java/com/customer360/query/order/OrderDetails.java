package com.customer360.query.order;

import com.customer360.events.Address;
import com.customer360.events.order.OrderStatus;
import com.customer360.events.order.ShipmentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One order's detail document, folded in memory and then written whole. A document exists for the API only once the
 * order was drafted or placed ({@link #status} is set).
 */
final class OrderDetails {

    final String orderId;
    String customerId;
    String storeId;
    String currency;
    OrderStatus status;
    List<Line> lines = List.of();
    BigDecimal total;
    BigDecimal refundedTotal;
    Address shippingAddress;
    final List<ShipmentUpdate> shipmentUpdates = new ArrayList<>();
    final List<Refund> refunds = new ArrayList<>();
    Instant draftedAt;
    Instant placedAt;
    /** The placed time, or the drafted time while a draft. */
    Instant orderDate;

    Instant cancelledAt;
    String cancelReason;
    Instant deliveredAt;
    Instant returnedAt;
    String returnReason;
    /** The last applied position in the order's own history; -1 before any. */
    long seq = -1;

    OrderDetails(String orderId) {
        this.orderId = orderId;
    }

    boolean exists() {
        return status != null;
    }

    /** An order line with its exact line total. */
    record Line(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}

    /** What a carrier reported, in order of arrival. */
    record ShipmentUpdate(
            ShipmentStatus status, String carrier, String trackingNumber, String location, String note, Instant at) {}

    /** Money given back on the order. */
    record Refund(String refundId, BigDecimal amount, String reason, Instant refundedAt) {}
}
