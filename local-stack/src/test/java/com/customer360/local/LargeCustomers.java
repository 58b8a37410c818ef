package com.customer360.local;

import com.customer360.events.Address;
import com.customer360.events.DomainEvent;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.events.order.OrderLine;
import com.customer360.events.order.OrderPlaced;
import com.customer360.query.store.KeysetCursor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reads' customers: one registration, then orders {@code <customer>-o-<i>} placed an hour apart, so that the
 * oldest order and the cursor of any page are known without asking the service.
 */
final class LargeCustomers {

    private static final Instant FIRST = Instant.parse("2015-01-01T00:00:00Z");
    private static final Address ADDRESS = new Address(null, "1 Main St", null, "Berlin", null, "10115", "DE");

    private LargeCustomers() {}

    static EventEnvelope registered(String customerId) {
        return envelope(new CustomerRegistered(
                customerId, "Customer " + customerId, customerId + "@example.com", null, null, FIRST));
    }

    static EventEnvelope placed(String customerId, int i) {
        BigDecimal price = new BigDecimal("10.00");
        return envelope(new OrderPlaced(
                customerId + "-o-" + i,
                customerId,
                "store-1",
                "EUR",
                List.of(new OrderLine("SKU", "Thing", 1, price)),
                price,
                ADDRESS,
                placedAt(i)));
    }

    /** The cursor of the history row of order {@code i}: the page after it starts with order {@code i - 1}. */
    static String cursorBefore(String customerId, int i) {
        return new KeysetCursor(placedAt(i), customerId + "-o-" + i, true).encode();
    }

    private static Instant placedAt(int i) {
        return FIRST.plusSeconds(3600L * i);
    }

    private static EventEnvelope envelope(DomainEvent event) {
        return new EventEnvelope(UUID.randomUUID().toString(), "urn:benchmark", FIRST, 0, event);
    }
}
