package com.customer360.command.order;

import com.customer360.command.customer.KnownCustomers;
import com.customer360.events.Address;
import com.customer360.events.order.OrderDrafted;
import com.customer360.events.order.OrderLine;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderRefunded;
import com.customer360.events.order.ShipmentStatus;
import com.customer360.events.order.ShipmentUpdated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * The one order the {@link Order} tests talk about ({@code o-1} of customer {@code c-1}, two lines worth 43.95 USD),
 * its commands and events at three moments, and a fresh aggregate fixture that knows only that customer.
 */
final class OrderFixtures {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-02T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-03T10:00:00Z");
    static final Address HOME = new Address("Ada", "1 Main St", null, "Springfield", null, "12345", "US");
    static final Address OFFICE = new Address("Ada", "9 Work Rd", "Suite 4", "Shelbyville", null, "54321", "US");
    static final List<OrderLine> LINES = List.of(
            new OrderLine("TEA", "Tea", 2, new BigDecimal("12.50")),
            new OrderLine("MUG", "Mug", 1, new BigDecimal("18.95")));
    static final BigDecimal TOTAL = new BigDecimal("43.95");

    private OrderFixtures() {}

    static FixtureConfiguration<Order> newFixture() {
        FixtureConfiguration<Order> fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource((KnownCustomers) customerId -> customerId.equals("c-1"));
        return fixture;
    }

    static CreateOrder create(boolean draft, BigDecimal total, Instant placedAt) {
        return new CreateOrder("o-1", "c-1", "s-1", "USD", LINES, total, HOME, placedAt, draft, T0);
    }

    static OrderPlaced placed(Instant at) {
        return new OrderPlaced("o-1", "c-1", "s-1", "USD", LINES, TOTAL, HOME, at);
    }

    static OrderDrafted drafted() {
        return new OrderDrafted("o-1", "c-1", "s-1", "USD", LINES, TOTAL, HOME, T0);
    }

    static ShipmentUpdated shipment(ShipmentStatus status, Instant at) {
        return new ShipmentUpdated("o-1", "c-1", status, "UPS", "1Z999", "Depot", null, at);
    }

    static OrderRefunded refunded(String refundId, String amount) {
        return new OrderRefunded("o-1", "c-1", refundId, new BigDecimal(amount), "USD", null, T2);
    }

    static RefundOrder refund(String refundId, String amount) {
        return new RefundOrder("o-1", refundId, new BigDecimal(amount), null, T2);
    }
}
