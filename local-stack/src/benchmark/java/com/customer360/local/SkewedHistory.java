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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The benchmark's history: customers with from one to thousands of orders (most have a few, some hundreds, the
 * first of a large history thousands), each order placed and then cancelled, shipped and delivered, or delivered and
 * refunded, in EUR or USD; every customer's events interleaved at random with everyone else's, each aggregate's own
 * events in order with consecutive sequence numbers. Beside the events it keeps what every customer's figures must
 * be, computed here from the generated facts by DESIGN's rules (counted orders are those not cancelled; lifetime
 * value is total minus refunded over them), not by any code of the services.
 */
final class SkewedHistory {

    /** The expected figures of one currency. */
    record Figures(int orderCount, BigDecimal lifetimeValue, BigDecimal refundedTotal) {
        Figures plus(int count, BigDecimal value, BigDecimal refunded) {
            return new Figures(orderCount + count, lifetimeValue.add(value), refundedTotal.add(refunded));
        }
    }

    /** One customer's expected figures by currency, and how many orders (of any status) they placed. */
    record Expected(String customerId, Map<String, Figures> byCurrency, int orders) {}

    private static final Address ADDRESS = new Address("Ada", "1 Main St", null, "Berlin", null, "10115", "DE");
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Figures NONE = new Figures(0, money(0), money(0));

    final List<EventEnvelope> events;
    final List<Expected> expected;
    final int orders;

    private SkewedHistory(List<EventEnvelope> events, List<Expected> expected, int orders) {
        this.events = events;
        this.expected = expected;
        this.orders = orders;
    }

    /** At least {@code eventCount} events (whole customers only), reproducible from the seed. */
    static SkewedHistory generate(String prefix, int eventCount, long seed) {
        Random random = new Random(seed);
        List<Deque<EventEnvelope>> customers = new ArrayList<>();
        List<Expected> expected = new ArrayList<>();
        int produced = 0;
        int orders = 0;
        for (int c = 0; produced < eventCount; c++) {
            int orderCount = c == 0 && eventCount >= 20_000 ? 2_000 + random.nextInt(1_000) : orderCount(random);
            Deque<EventEnvelope> history = new ArrayDeque<>();
            expected.add(customer(prefix + "-c" + c, orderCount, random, history));
            produced += history.size();
            orders += orderCount;
            customers.add(history);
        }
        return new SkewedHistory(SyntheticHistory.interleave(customers, random, produced), expected, orders);
    }

    /** 80 % of customers 1–4 orders, 17 % 5–50, 2.5 % 51–500, 0.5 % 1,000–3,000. */
    private static int orderCount(Random random) {
        int r = random.nextInt(1000);
        if (r < 800) {
            return 1 + random.nextInt(4);
        } else if (r < 970) {
            return 5 + random.nextInt(46);
        } else if (r < 995) {
            return 51 + random.nextInt(450);
        }
        return 1_000 + random.nextInt(2_001);
    }

    private static Expected customer(String customerId, int orderCount, Random random, Deque<EventEnvelope> events) {
        Instant at = START.plus(Duration.ofMinutes(random.nextInt(500_000)));
        events.add(envelope(0, at, new CustomerRegistered(customerId, "Customer", "c@example.com", null, ADDRESS, at)));
        Map<String, Figures> figures = new TreeMap<>();
        List<EventEnvelope> orderEvents = new ArrayList<>();
        for (int o = 0; o < orderCount; o++) {
            String orderId = customerId + "-o" + o;
            String currency = random.nextInt(4) == 0 ? "EUR" : "USD";
            BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(9900), 2);
            int quantity = 1 + random.nextInt(3);
            List<OrderLine> lines = List.of(new OrderLine("SKU-" + random.nextInt(50), "Item", quantity, price));
            BigDecimal total = price.multiply(BigDecimal.valueOf(quantity));
            Instant placed = at.plus(Duration.ofMinutes(1 + random.nextInt(5_000_000)));
            List<DomainEvent> lifecycle = new ArrayList<>();
            lifecycle.add(new OrderPlaced(orderId, customerId, "store-1", currency, lines, total, ADDRESS, placed));
            int fate = random.nextInt(10);
            Figures before = figures.getOrDefault(currency, NONE);
            if (fate == 0) {
                lifecycle.add(new OrderCancelled(orderId, customerId, null, placed.plusSeconds(60)));
                figures.put(currency, before);
            } else {
                BigDecimal refunded = money(0);
                if (fate > 3) {
                    lifecycle.add(shipment(orderId, customerId, ShipmentStatus.IN_TRANSIT, placed.plusSeconds(3600)));
                    lifecycle.add(shipment(orderId, customerId, ShipmentStatus.DELIVERED, placed.plusSeconds(90_000)));
                    if (fate == 9) {
                        refunded = price;
                        lifecycle.add(new OrderRefunded(
                                orderId,
                                customerId,
                                orderId + "-r",
                                price,
                                currency,
                                null,
                                placed.plusSeconds(90_060)));
                    }
                }
                figures.put(currency, before.plus(1, total.subtract(refunded), refunded));
            }
            for (int seq = 0; seq < lifecycle.size(); seq++) {
                orderEvents.add(envelope(seq, placed, lifecycle.get(seq)));
            }
        }
        // The customer's own stream first, then the orders' events, each order's in sequence; the interleaving with
        // other customers happens above. Orders of one customer are interleaved with each other here.
        interleaveOrders(orderEvents, random).forEach(events::add);
        return new Expected(customerId, new LinkedHashMap<>(figures), orderCount);
    }

    /** Shuffles one customer's order events while keeping each order's own events in sequence. */
    private static List<EventEnvelope> interleaveOrders(List<EventEnvelope> orderEvents, Random random) {
        Map<String, Deque<EventEnvelope>> byOrder = new LinkedHashMap<>();
        for (EventEnvelope event : orderEvents) {
            byOrder.computeIfAbsent(event.aggregateId(), id -> new ArrayDeque<>())
                    .add(event);
        }
        List<Deque<EventEnvelope>> queues = new ArrayList<>(byOrder.values());
        List<EventEnvelope> out = new ArrayList<>(orderEvents.size());
        while (!queues.isEmpty()) {
            int pick = random.nextInt(queues.size());
            Deque<EventEnvelope> queue = queues.get(pick);
            out.add(queue.poll());
            if (queue.isEmpty()) {
                queues.set(pick, queues.get(queues.size() - 1));
                queues.remove(queues.size() - 1);
            }
        }
        return out;
    }

    private static ShipmentUpdated shipment(String orderId, String customerId, ShipmentStatus status, Instant at) {
        return new ShipmentUpdated(orderId, customerId, status, "DHL", "JD01", "Hub", null, at);
    }

    private static EventEnvelope envelope(long sequence, Instant time, DomainEvent event) {
        return new EventEnvelope(
                java.util
                        .UUID
                        .nameUUIDFromBytes(
                                (event.toString() + sequence).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString(),
                "urn:customer360:benchmark",
                time,
                sequence,
                event);
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
