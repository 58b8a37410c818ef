package com.customer360.query.order;

import static com.customer360.query.fold.FoldOutcome.APPLIED;
import static com.customer360.query.fold.FoldOutcome.CURRENCY_MISMATCH;
import static com.customer360.query.fold.FoldOutcome.ORDER_UNKNOWN;

import com.customer360.events.Money;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.order.OrderCancelled;
import com.customer360.events.order.OrderDrafted;
import com.customer360.events.order.OrderEvent;
import com.customer360.events.order.OrderLine;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderRefunded;
import com.customer360.events.order.OrderReturned;
import com.customer360.events.order.OrderShippingAddressChanged;
import com.customer360.events.order.OrderStatus;
import com.customer360.events.order.ShipmentStatus;
import com.customer360.events.order.ShipmentUpdated;
import com.customer360.query.fold.FoldOutcome;
import com.customer360.query.fold.Sequence;
import com.customer360.query.fold.StoredTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The order detail projection: folds an order's events into its document, each exactly once and in its order. An
 * event applies only if it is the next position of the order's history ({@link Sequence}); every check is made before
 * anything changes, so an event that does not apply leaves the document as it was.
 */
public final class OrderDetailsProjection {

    /** Applies one event of this order. */
    public FoldOutcome apply(OrderDetails order, EventEnvelope envelope) {
        OrderEvent event = (OrderEvent) envelope.event();
        FoldOutcome refused = Sequence.check(order.seq, envelope.aggregateSequence());
        if (refused != null) {
            return refused;
        }
        boolean creates = event instanceof OrderDrafted || event instanceof OrderPlaced;
        if (!order.exists() && !creates) {
            return ORDER_UNKNOWN;
        }
        if (event instanceof OrderRefunded refunded && !refunded.currency().equals(order.currency)) {
            return CURRENCY_MISMATCH;
        }
        if (event instanceof OrderDrafted drafted) {
            content(
                    order,
                    drafted.customerId(),
                    drafted.storeId(),
                    drafted.currency(),
                    drafted.lines(),
                    drafted.total());
            order.shippingAddress = drafted.shippingAddress();
            order.status = OrderStatus.DRAFT;
            order.draftedAt = StoredTime.of(drafted.draftedAt());
            order.placedAt = null;
            order.orderDate = order.draftedAt;
        } else if (event instanceof OrderPlaced placed) {
            content(order, placed.customerId(), placed.storeId(), placed.currency(), placed.lines(), placed.total());
            order.shippingAddress = placed.shippingAddress();
            order.status = OrderStatus.PLACED;
            order.placedAt = StoredTime.of(placed.placedAt());
            order.orderDate = order.placedAt;
        } else {
            applyLifecycle(order, event);
        }
        order.seq = envelope.aggregateSequence();
        return APPLIED;
    }

    private static void content(
            OrderDetails order,
            String customerId,
            String storeId,
            String currency,
            List<OrderLine> lines,
            BigDecimal total) {
        order.customerId = customerId;
        order.storeId = storeId;
        order.currency = currency;
        order.lines = lines.stream()
                .map(line -> new OrderDetails.Line(
                        line.sku(),
                        line.name(),
                        line.quantity(),
                        Money.exact(line.unitPrice(), currency),
                        Money.exact(line.lineTotal(), currency)))
                .toList();
        order.total = Money.exact(total, currency);
        if (order.refundedTotal == null) {
            order.refundedTotal = Money.zero(currency);
        }
    }

    private static void applyLifecycle(OrderDetails order, OrderEvent event) {
        if (event instanceof OrderShippingAddressChanged changed) {
            order.shippingAddress = changed.shippingAddress();
        } else if (event instanceof ShipmentUpdated shipment) {
            Instant at = StoredTime.of(shipment.at());
            order.addShipmentUpdate(new OrderDetails.ShipmentUpdate(
                    shipment.status(),
                    shipment.carrier(),
                    shipment.trackingNumber(),
                    shipment.location(),
                    shipment.note(),
                    at));
            order.lastShipmentUpdateAt = at;
            order.status = OrderStatus.valueOf(shipment.status().name());
            if (shipment.status() == ShipmentStatus.DELIVERED) {
                order.deliveredAt = at;
            }
        } else if (event instanceof OrderCancelled cancelled) {
            order.status = OrderStatus.CANCELLED;
            order.cancelledAt = StoredTime.of(cancelled.cancelledAt());
            order.cancelReason = cancelled.reason();
        } else if (event instanceof OrderRefunded refunded) {
            BigDecimal amount = Money.exact(refunded.amount(), order.currency);
            order.addRefund(new OrderDetails.Refund(
                    refunded.refundId(), amount, refunded.reason(), StoredTime.of(refunded.refundedAt())));
            order.refundedTotal = order.refundedTotal.add(amount);
        } else if (event instanceof OrderReturned returned) {
            order.status = OrderStatus.RETURNED;
            order.returnedAt = StoredTime.of(returned.returnedAt());
            order.returnReason = returned.reason();
        }
    }
}
