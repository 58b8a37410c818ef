package com.customer360.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A generated shop history as upstream systems would publish it, and — computed independently of the services, by
 * following DESIGN.md's rules on the generated facts — the figures every customer must end up with. Each customer
 * registers (sometimes changes details later) and places orders that go through every lifecycle: placed, drafted and
 * placed later, shipped, delivered, refunded, returned, cancelled, left as drafts.
 */
final class UpstreamHistory {

    /** One upstream message: its record key and the record value. */
    record Message(String key, byte[] value) {}

    /** Expected figures of one currency. */
    record Figures(int orderCount, BigDecimal lifetimeValue, BigDecimal averageOrderValue, BigDecimal refundedTotal) {}

    /** What a customer's page must show once everything was consumed. */
    record Expected(
            String customerId,
            String email,
            Map<String, Figures> byCurrency,
            String latestLine1,
            Instant lastOrderAt) {}

    /** One customer's messages: their own, then each order's, every sequence in the order it happened. */
    record CustomerMessages(List<Message> customer, List<List<Message>> orders) {}

    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");
    private static final String[] PRICES = {"9.95", "12.50", "18.95", "24.90", "39.00", "64.00", "89.99"};

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private int messageNumber;

    final List<CustomerMessages> customers = new ArrayList<>();
    final List<Expected> expected = new ArrayList<>();
    /** Orders that were placed (not only drafted), with their totals: a refund above the total breaks a rule. */
    final List<PlacedOrder> placedOrders = new ArrayList<>();

    /** An order that was placed, and its total. */
    record PlacedOrder(String customerId, String orderId, BigDecimal total) {}

    private UpstreamHistory(long seed) {
        this.random = new Random(seed);
    }

    static UpstreamHistory generate(long seed, int customerCount, String run) {
        UpstreamHistory history = new UpstreamHistory(seed);
        for (int c = 0; c < customerCount; c++) {
            history.customer(run + "-c" + c);
        }
        return history;
    }

    private void customer(String customerId) {
        List<Message> own = new ArrayList<>();
        String email = customerId + "@example.com";
        ObjectNode registered = data().put("customerId", customerId)
                .put("name", "Customer " + customerId)
                .put("email", email);
        String defaultLine1 = null;
        if (random.nextBoolean()) {
            defaultLine1 = "1 Home St " + customerId;
            registered.set("defaultShippingAddress", address(defaultLine1));
        }
        own.add(message(customerId, "customer.registered", registered));
        if (random.nextInt(4) == 0) {
            email = customerId + "@new.example.com";
            own.add(message(
                    customerId,
                    "customer.updated",
                    data().put("customerId", customerId).put("email", email)));
        }
        Map<String, Totals> totals = new TreeMap<>();
        List<List<Message>> orders = new ArrayList<>();
        Instant latestPlaced = null;
        String latestLine1 = defaultLine1;
        int orderCount = 1 + random.nextInt(5);
        for (int o = 0; o < orderCount; o++) {
            OrderFate fate = order(customerId, customerId + "-o" + o, orders);
            Totals currency = totals.computeIfAbsent(fate.currency, code -> new Totals());
            if (fate.counted) {
                currency.add(fate.total.subtract(fate.refunded), fate.refunded);
                if (latestPlaced == null || fate.placedAt.isAfter(latestPlaced)) {
                    latestPlaced = fate.placedAt;
                    latestLine1 = fate.line1;
                }
            }
        }
        Map<String, Figures> byCurrency = new LinkedHashMap<>();
        totals.forEach((code, t) -> byCurrency.put(code, t.figures()));
        customers.add(new CustomerMessages(own, orders));
        expected.add(new Expected(customerId, email, byCurrency, latestLine1, latestPlaced));
    }

    /** How an order ended, for the independent figures. */
    private record OrderFate(
            String currency, BigDecimal total, BigDecimal refunded, boolean counted, Instant placedAt, String line1) {}

    private OrderFate order(String customerId, String orderId, List<List<Message>> orders) {
        List<Message> messages = new ArrayList<>();
        String currency = random.nextInt(3) == 0 ? "EUR" : "USD";
        BigDecimal price = new BigDecimal(PRICES[random.nextInt(PRICES.length)]);
        int quantity = 1 + random.nextInt(3);
        BigDecimal total = price.multiply(BigDecimal.valueOf(quantity));
        Instant placedAt = START.plus(Duration.ofMinutes(random.nextInt(400_000)));
        String line1 = "2 Order Rd " + orderId;
        ObjectNode create = data().put("orderId", orderId)
                .put("customerId", customerId)
                .put("storeId", "store-" + currency.toLowerCase())
                .put("currency", currency);
        ArrayNode lines = create.putArray("lines");
        lines.addObject()
                .put("sku", "SKU-" + price)
                .put("name", "Item")
                .put("quantity", quantity)
                .put("unitPrice", price.toPlainString());
        create.set("shippingAddress", address(line1));
        BigDecimal refunded = BigDecimal.ZERO.setScale(2);
        boolean counted = true;
        int fate = random.nextInt(100);
        if (fate < 12) {
            messages.add(message(customerId, "order.drafted", create));
            if (fate < 4) {
                counted = false; // left as a draft
            } else if (fate < 6) {
                messages.add(message(customerId, "order.cancelled", data().put("orderId", orderId)));
                counted = false;
            } else {
                messages.add(message(
                        customerId,
                        "order.placed",
                        data().put("orderId", orderId).put("placedAt", placedAt.toString())));
            }
        } else {
            messages.add(message(customerId, "order.placed", create.deepCopy().put("placedAt", placedAt.toString())));
            placedOrders.add(new PlacedOrder(customerId, orderId, total));
            if (fate < 22) {
                messages.add(message(
                        customerId,
                        "order.cancelled",
                        data().put("orderId", orderId).put("reason", "no")));
                counted = false;
            } else if (fate < 30) {
                line1 = "3 Changed Ave " + orderId;
                messages.add(message(
                        customerId,
                        "order.shipping-address-changed",
                        address(line1).put("orderId", orderId)));
            } else if (fate >= 40) {
                messages.add(shipment(customerId, orderId, "IN_TRANSIT", placedAt.plus(Duration.ofHours(20))));
                if (fate >= 50) {
                    messages.add(shipment(customerId, orderId, "DELIVERED", placedAt.plus(Duration.ofHours(70))));
                    if (fate >= 75) {
                        refunded = price;
                        messages.add(message(
                                customerId,
                                "order.refunded",
                                data().put("orderId", orderId)
                                        .put("refundId", orderId + "-r1")
                                        .put("amount", price.toPlainString())));
                    }
                    if (fate >= 90) {
                        messages.add(message(customerId, "order.returned", data().put("orderId", orderId)));
                    }
                }
            }
        }
        orders.add(messages);
        return new OrderFate(currency, total, refunded, counted, placedAt, line1);
    }

    private Message shipment(String customerId, String orderId, String status, Instant at) {
        return message(
                customerId,
                "order.shipment-updated",
                data().put("orderId", orderId)
                        .put("status", status)
                        .put("carrier", "DHL")
                        .put("at", at.toString()));
    }

    private ObjectNode address(String line1) {
        return data().put("line1", line1)
                .put("city", "Berlin")
                .put("postalCode", "10115")
                .put("country", "DE");
    }

    private ObjectNode data() {
        return json.createObjectNode();
    }

    Message message(String key, String type, ObjectNode data) {
        ObjectNode event = json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", "msg-" + (messageNumber++))
                .put("source", "urn:fault-suite:pos")
                .put("type", type);
        event.set("data", data);
        return new Message(key, event.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Running sums of one currency; the average follows DESIGN.md: half-even to the minor unit, 0 without orders. */
    private static final class Totals {
        private int count;
        private BigDecimal lifetimeValue = BigDecimal.ZERO.setScale(2);
        private BigDecimal refunded = BigDecimal.ZERO.setScale(2);

        void add(BigDecimal net, BigDecimal refund) {
            count++;
            lifetimeValue = lifetimeValue.add(net);
            refunded = refunded.add(refund);
        }

        Figures figures() {
            BigDecimal average = count == 0
                    ? BigDecimal.ZERO.setScale(2)
                    : lifetimeValue.divide(BigDecimal.valueOf(count), 2, java.math.RoundingMode.HALF_EVEN);
            return new Figures(count, lifetimeValue, average, refunded);
        }
    }
}
