package com.customer360.query.order;

import com.customer360.events.Address;
import com.customer360.events.order.OrderStatus;
import com.customer360.events.order.ShipmentStatus;
import com.customer360.query.fold.Sequence;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One order's detail document, folded in memory and then written whole. It stays bounded whatever happens to the
 * order: it keeps the newest {@value #MAX_SHIPMENT_UPDATES} shipment updates and the newest {@value #MAX_REFUNDS}
 * refunds, with a count of each and the exact refunded total. A document exists for the API only once the order was
 * drafted or placed ({@link #status} is set).
 */
public final class OrderDetails {

    /** Shipment updates kept: repeated in-transit reports of a long journey would otherwise grow without end. */
    public static final int MAX_SHIPMENT_UPDATES = 20;

    /** Refunds kept; the refunded total always counts every one of them. */
    public static final int MAX_REFUNDS = 100;

    final String orderId;
    String customerId;
    String storeId;
    String currency;
    OrderStatus status;
    List<Line> lines = List.of();
    BigDecimal total;
    BigDecimal refundedTotal;
    Address shippingAddress;
    /** Oldest first, the newest {@link #MAX_SHIPMENT_UPDATES}. */
    final Deque<ShipmentUpdate> shipmentUpdates = new ArrayDeque<>();

    long shipmentUpdateCount;
    /** Oldest first, the newest {@link #MAX_REFUNDS}. */
    final Deque<Refund> refunds = new ArrayDeque<>();

    long refundCount;
    Instant draftedAt;
    Instant placedAt;
    /** The placed time, or the drafted time while a draft. */
    Instant orderDate;

    Instant lastShipmentUpdateAt;
    Instant cancelledAt;
    String cancelReason;
    Instant deliveredAt;
    Instant returnedAt;
    String returnReason;
    /** The last applied position in the order's own history. */
    long seq = Sequence.NONE;

    public OrderDetails(String orderId) {
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public long seq() {
        return seq;
    }

    public boolean exists() {
        return status != null;
    }

    /** What the order means for its customer's figures, latest address and flags; {@code null} before it exists. */
    public OrderStanding standing() {
        if (!exists()) {
            return null;
        }
        return new OrderStanding(
                orderId,
                seq,
                currency,
                status,
                total,
                refundedTotal,
                placedAt,
                shippingAddress,
                status == OrderStatus.IN_TRANSIT ? lastShipmentUpdateAt : null);
    }

    void addShipmentUpdate(ShipmentUpdate update) {
        shipmentUpdates.addLast(update);
        shipmentUpdateCount++;
        while (shipmentUpdates.size() > MAX_SHIPMENT_UPDATES) {
            shipmentUpdates.removeFirst();
        }
    }

    void addRefund(Refund refund) {
        refunds.addLast(refund);
        refundCount++;
        while (refunds.size() > MAX_REFUNDS) {
            refunds.removeFirst();
        }
    }

    /** An order line with its exact line total. */
    record Line(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}

    /** What a carrier reported, in order of arrival. */
    public record ShipmentUpdate(
            ShipmentStatus status, String carrier, String trackingNumber, String location, String note, Instant at) {}

    /** Money given back on the order. */
    record Refund(String refundId, BigDecimal amount, String reason, Instant refundedAt) {}
}
