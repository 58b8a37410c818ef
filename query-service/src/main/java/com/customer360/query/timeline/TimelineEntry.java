package com.customer360.query.timeline;

import com.customer360.events.Money;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerDetailsChanged;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.events.order.OrderCancelled;
import com.customer360.events.order.OrderDrafted;
import com.customer360.events.order.OrderEvent;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderRefunded;
import com.customer360.events.order.OrderReturned;
import com.customer360.events.order.OrderShippingAddressChanged;
import com.customer360.events.order.ShipmentUpdated;
import com.customer360.query.fold.StoredTime;
import java.time.Instant;

/**
 * One thing that happened, as the timeline shows it: when (the time the fact happened, not when it arrived), what
 * kind of fact, which order, and a short description without contact details.
 *
 * @param amount with {@code currency}, for placed, drafted and refunded orders
 */
public record TimelineEntry(
        String eventId,
        String customerId,
        Instant at,
        String type,
        String orderId,
        String amount,
        String currency,
        String description) {

    static TimelineEntry of(EventEnvelope envelope) {
        Object event = envelope.event();
        String orderId = event instanceof OrderEvent order ? order.orderId() : null;
        Instant at = envelope.time();
        String amount = null;
        String currency = null;
        String description;
        if (event instanceof CustomerRegistered registered) {
            at = registered.registeredAt();
            description = "Registered as a customer";
        } else if (event instanceof CustomerDetailsChanged changed) {
            at = changed.changedAt();
            description = "Contact details changed";
        } else if (event instanceof OrderDrafted drafted) {
            at = drafted.draftedAt();
            amount = Money.format(drafted.total(), drafted.currency());
            currency = drafted.currency();
            description = "Order drafted at store " + drafted.storeId();
        } else if (event instanceof OrderPlaced placed) {
            at = placed.placedAt();
            amount = Money.format(placed.total(), placed.currency());
            currency = placed.currency();
            description = "Order placed at store " + placed.storeId() + " ("
                    + placed.lines().size() + " lines)";
        } else if (event instanceof OrderShippingAddressChanged changed) {
            at = changed.changedAt();
            description = "Shipping address changed";
        } else if (event instanceof ShipmentUpdated shipment) {
            at = shipment.at();
            description = switch (shipment.status()) {
                case IN_TRANSIT -> "In transit" + detail(shipment.carrier(), shipment.location());
                case DELIVERED -> "Delivered" + detail(shipment.carrier(), shipment.location());
            };
        } else if (event instanceof OrderCancelled cancelled) {
            at = cancelled.cancelledAt();
            description = "Order cancelled" + reason(cancelled.reason());
        } else if (event instanceof OrderRefunded refunded) {
            at = refunded.refundedAt();
            amount = Money.format(refunded.amount(), refunded.currency());
            currency = refunded.currency();
            description = "Refunded" + reason(refunded.reason());
        } else if (event instanceof OrderReturned returned) {
            at = returned.returnedAt();
            description = "Order returned" + reason(returned.reason());
        } else {
            description = envelope.type();
        }
        return new TimelineEntry(
                envelope.id(),
                envelope.event().customerId(),
                StoredTime.of(at == null ? envelope.time() : at),
                envelope.type(),
                orderId,
                amount,
                currency,
                description);
    }

    private static String detail(String carrier, String location) {
        String where = location == null || location.isBlank() ? "" : " at " + location;
        String who = carrier == null || carrier.isBlank() ? "" : " with " + carrier;
        return who + where;
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }
}
