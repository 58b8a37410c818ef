package com.customer360.query;

import com.customer360.events.Address;
import com.customer360.events.DomainEvent;
import com.customer360.events.EventCatalog;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerDetailsChanged;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.events.order.OrderCancelled;
import com.customer360.events.order.OrderDrafted;
import com.customer360.events.order.OrderLine;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderRefunded;
import com.customer360.events.order.OrderReturned;
import com.customer360.events.order.OrderShippingAddressChanged;
import com.customer360.events.order.ShipmentStatus;
import com.customer360.events.order.ShipmentUpdated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes event histories the way the command side does: every event wrapped in an envelope whose sequence is its
 * position in its own aggregate's history. Orders have one line whose price is the order total.
 */
public final class EventHistory {

    private final Map<String, Long> nextSequence = new HashMap<>();

    public static Address address(String line1) {
        return new Address("Ada Lovelace", line1, null, "London", null, "SW1Y 4JH", "GB");
    }

    public EventEnvelope registered(String customerId, Address defaultAddress) {
        return next(new CustomerRegistered(
                customerId, "Ada Lovelace", "ada@example.com", "+44 20 7946 0000", defaultAddress, at("2026-01-01")));
    }

    public EventEnvelope registered(String customerId, String name, String email, String phone) {
        return next(new CustomerRegistered(customerId, name, email, phone, null, at("2026-01-01")));
    }

    public EventEnvelope detailsChanged(String customerId, String email, Address defaultAddress) {
        return next(new CustomerDetailsChanged(customerId, "Ada King", email, null, defaultAddress, at("2026-01-02")));
    }

    public EventEnvelope drafted(String orderId, String customerId, String currency, String total, String draftedAt) {
        return next(new OrderDrafted(
                orderId,
                customerId,
                "store-1",
                currency,
                lines(total),
                new BigDecimal(total),
                address("Draft Street " + orderId),
                at(draftedAt)));
    }

    public EventEnvelope placed(String orderId, String customerId, String currency, String total, String placedAt) {
        return placed(orderId, customerId, currency, total, placedAt, address("Order Street " + orderId));
    }

    public EventEnvelope placed(
            String orderId, String customerId, String currency, String total, String placedAt, Address address) {
        return next(new OrderPlaced(
                orderId, customerId, "store-1", currency, lines(total), new BigDecimal(total), address, at(placedAt)));
    }

    /** An order placed in a store of its own. */
    public EventEnvelope placedIn(
            String storeId, String orderId, String customerId, String currency, String total, String placedAt) {
        return next(new OrderPlaced(
                orderId,
                customerId,
                storeId,
                currency,
                lines(total),
                new BigDecimal(total),
                address("Order Street " + orderId),
                at(placedAt)));
    }

    /** A draft in a store of its own. */
    public EventEnvelope draftedIn(
            String storeId, String orderId, String customerId, String currency, String total, String draftedAt) {
        return next(new OrderDrafted(
                orderId,
                customerId,
                storeId,
                currency,
                lines(total),
                new BigDecimal(total),
                address("Draft Street " + orderId),
                at(draftedAt)));
    }

    public EventEnvelope addressChanged(String orderId, String customerId, Address address) {
        return next(new OrderShippingAddressChanged(orderId, customerId, address, at("2026-06-01")));
    }

    public EventEnvelope shipped(String orderId, String customerId, Instant at) {
        return shipped(orderId, customerId, at.toString());
    }

    public EventEnvelope shipped(String orderId, String customerId, String at) {
        return next(new ShipmentUpdated(
                orderId, customerId, ShipmentStatus.IN_TRANSIT, "DHL", "TRACK-" + orderId, "Leipzig", null, at(at)));
    }

    public EventEnvelope delivered(String orderId, String customerId, String at) {
        return next(new ShipmentUpdated(
                orderId,
                customerId,
                ShipmentStatus.DELIVERED,
                "DHL",
                "TRACK-" + orderId,
                "London",
                "front door",
                at(at)));
    }

    public EventEnvelope cancelled(String orderId, String customerId) {
        return next(new OrderCancelled(orderId, customerId, "changed mind", at("2026-06-02")));
    }

    public EventEnvelope refunded(String orderId, String customerId, String currency, String amount) {
        return next(new OrderRefunded(
                orderId,
                customerId,
                "r-" + UUID.randomUUID(),
                new BigDecimal(amount),
                currency,
                "damaged",
                at("2026-06-03")));
    }

    public EventEnvelope returned(String orderId, String customerId) {
        return next(new OrderReturned(orderId, customerId, "too small", at("2026-06-04")));
    }

    /** {@code 2026-01-10} is midnight UTC that day; a full ISO instant is taken as it is. */
    public static Instant at(String dateOrInstant) {
        return Instant.parse(dateOrInstant.length() == 10 ? dateOrInstant + "T00:00:00Z" : dateOrInstant);
    }

    private static List<OrderLine> lines(String total) {
        return List.of(new OrderLine("SKU-1", "Thing", 1, new BigDecimal(total)));
    }

    /** Leaves out the aggregate's next position, as an event the relay never published would. */
    public void skip(String aggregateId) {
        nextSequence.merge(aggregateId, 1L, Long::sum);
    }

    /** Places an order of {@code lines} lines of the given price each, such as a large basket. */
    public EventEnvelope placedWithLines(String orderId, String customerId, String currency, int lines, String price) {
        List<OrderLine> basket = new java.util.ArrayList<>();
        for (int i = 0; i < lines; i++) {
            basket.add(new OrderLine("SKU-" + i, "Thing number " + i, 1, new BigDecimal(price)));
        }
        BigDecimal total = new BigDecimal(price).multiply(BigDecimal.valueOf(lines));
        return next(new OrderPlaced(
                orderId,
                customerId,
                "store-1",
                currency,
                basket,
                total,
                address("Order Street " + orderId),
                at("2026-01-01")));
    }

    /** A refund recorded in the given currency, which may not be the order's. */
    public EventEnvelope refundedIn(String orderId, String customerId, String currency, String amount) {
        return refunded(orderId, customerId, currency, amount);
    }

    private EventEnvelope next(DomainEvent event) {
        long sequence = nextSequence.merge(EventCatalog.aggregateIdOf(event), 1L, Long::sum) - 1;
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                "urn:customer360:test",
                Instant.parse("2026-06-10T00:00:00Z"),
                sequence,
                event);
    }
}
