package com.customer360.query.order;

import com.customer360.events.Address;
import com.customer360.events.Money;
import com.customer360.events.order.OrderStatus;
import com.customer360.query.web.MaskedAddresses;
import com.customer360.security.ContactMasking;
import java.time.Instant;
import java.util.List;

/**
 * The order details view's JSON; amounts as strings with the currency's digits. {@code shipmentUpdates} and {@code
 * refunds} are the newest ones, oldest first; the counts say how many there were in all.
 */
public record OrderDetailsView(
        String orderId,
        String customerId,
        String storeId,
        String currency,
        OrderStatus status,
        Instant orderDate,
        Instant draftedAt,
        Instant placedAt,
        Instant deliveredAt,
        Instant cancelledAt,
        String cancelReason,
        Instant returnedAt,
        String returnReason,
        List<Line> lines,
        String total,
        String refundedTotal,
        Address shippingAddress,
        List<OrderDetails.ShipmentUpdate> shipmentUpdates,
        long shipmentUpdateCount,
        List<Refund> refunds,
        long refundCount,
        boolean stuckInTransit) {

    public static OrderDetailsView of(OrderDetails order, StuckInTransit stuck, ContactMasking masking) {
        String currency = order.currency;
        return new OrderDetailsView(
                order.orderId,
                order.customerId,
                order.storeId,
                currency,
                order.status,
                order.orderDate,
                order.draftedAt,
                order.placedAt,
                order.deliveredAt,
                order.cancelledAt,
                order.cancelReason,
                order.returnedAt,
                order.returnReason,
                order.lines.stream()
                        .map(line -> new Line(
                                line.sku(),
                                line.name(),
                                line.quantity(),
                                Money.format(line.unitPrice(), currency),
                                Money.format(line.lineTotal(), currency)))
                        .toList(),
                Money.format(order.total, currency),
                Money.format(order.refundedTotal, currency),
                MaskedAddresses.of(order.shippingAddress, masking),
                List.copyOf(order.shipmentUpdates),
                order.shipmentUpdateCount,
                order.refunds.stream()
                        .map(refund -> new Refund(
                                refund.refundId(),
                                Money.format(refund.amount(), currency),
                                refund.reason(),
                                refund.refundedAt()))
                        .toList(),
                order.refundCount,
                order.status == OrderStatus.IN_TRANSIT && stuck.isStuck(order.lastShipmentUpdateAt));
    }

    public record Line(String sku, String name, int quantity, String unitPrice, String lineTotal) {}

    public record Refund(String refundId, String amount, String reason, Instant refundedAt) {}
}
