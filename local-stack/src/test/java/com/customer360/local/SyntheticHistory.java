package com.customer360.local;

import com.customer360.events.Address;
import com.customer360.events.DomainEvent;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.customer.CustomerRegistered;
import com.customer360.events.order.OrderCancelled;
import com.customer360.events.order.OrderLine;
import com.customer360.events.order.OrderPlaced;
import com.customer360.events.order.OrderRefunded;
import com.customer360.events.order.ShipmentStatus;
import com.customer360.events.order.ShipmentUpdated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A realistic stream of domain events as the command side would publish it: each customer registers, then places
 * orders that ship, get delivered, refunded or cancelled. Customers' histories are interleaved at random; each
 * aggregate's own events stay in order with consecutive sequence numbers.
 */
final class SyntheticHistory {

    private static final Address ADDRESS = new Address("Ada", "1 Main St", null, "Berlin", null, "10115", "DE");
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private SyntheticHistory() {}

    static List<EventEnvelope> generate(String prefix, int eventCount, long seed) {
        Random random = new Random(seed);
        List<Deque<EventEnvelope>> customers = new ArrayList<>();
        int produced = 0;
        for (int c = 0; produced < eventCount; c++) {
            Deque<EventEnvelope> history = customer(prefix + "-c" + c, random, eventCount - produced);
            produced += history.size();
            customers.add(history);
        }
        return interleave(customers, random, eventCount);
    }

    /**
     * The customers' histories as one stream, each customer's events in their order, the customers interleaved at
     * random as live traffic is. Empties the given histories.
     */
    static List<EventEnvelope> interleave(List<Deque<EventEnvelope>> customers, Random random, int size) {
        List<EventEnvelope> stream = new ArrayList<>(size);
        while (!customers.isEmpty()) {
            int pick = random.nextInt(customers.size());
            Deque<EventEnvelope> history = customers.get(pick);
            stream.add(history.poll());
            if (history.isEmpty()) {
                customers.set(pick, customers.get(customers.size() - 1));
                customers.remove(customers.size() - 1);
            }
        }
        return stream;
    }

    private static Deque<EventEnvelope> customer(String customerId, Random random, int budget) {
        Deque<EventEnvelope> events = new ArrayDeque<>();
        Instant at = START.plus(Duration.ofMinutes(random.nextInt(500_000)));
        events.add(envelope(0, at, new CustomerRegistered(customerId, "Customer", "c@example.com", null, ADDRESS, at)));
        int orders = 1 + random.nextInt(4);
        for (int o = 0; o < orders && events.size() < budget; o++) {
            String orderId = customerId + "-o" + o;
            String currency = random.nextInt(4) == 0 ? "EUR" : "USD";
            BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(9900), 2);
            List<OrderLine> lines = List.of(new OrderLine("SKU-" + random.nextInt(50), "Item", 2, price));
            BigDecimal total = price.multiply(BigDecimal.valueOf(2));
            Instant placed = at.plus(Duration.ofHours(1 + random.nextInt(5000)));
            List<DomainEvent> lifecycle = new ArrayList<>();
            lifecycle.add(new OrderPlaced(orderId, customerId, "store-1", currency, lines, total, ADDRESS, placed));
            int fate = random.nextInt(10);
            if (fate == 0) {
                lifecycle.add(new OrderCancelled(orderId, customerId, null, placed.plusSeconds(60)));
            } else if (fate > 3) {
                lifecycle.add(shipment(orderId, customerId, ShipmentStatus.IN_TRANSIT, placed.plusSeconds(3600)));
                lifecycle.add(shipment(orderId, customerId, ShipmentStatus.DELIVERED, placed.plusSeconds(90_000)));
                if (fate == 9) {
                    lifecycle.add(new OrderRefunded(
                            orderId, customerId, UUID.randomUUID().toString(), price, currency, null, placed));
                }
            }
            for (int seq = 0; seq < lifecycle.size() && events.size() < budget; seq++) {
                events.add(envelope(seq, placed, lifecycle.get(seq)));
            }
        }
        return events;
    }

    private static ShipmentUpdated shipment(String orderId, String customerId, ShipmentStatus status, Instant at) {
        return new ShipmentUpdated(orderId, customerId, status, "DHL", "JD01", "Hub", null, at);
    }

    private static EventEnvelope envelope(long sequence, Instant time, DomainEvent event) {
        return new EventEnvelope(UUID.randomUUID().toString(), "urn:customer360:benchmark", time, sequence, event);
    }
}
