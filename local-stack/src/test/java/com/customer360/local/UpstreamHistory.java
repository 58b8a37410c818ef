package com.customer360.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;

/**
 * A generated shop history as upstream systems would publish it, and — computed independently of the services, by
 * following the domain rules (docs/domain-rules.md) on the generated facts — the figures every customer must end up with. Each customer
 * registers, changes contact details several times, and places orders in EUR, USD and JPY that go through every
 * lifecycle: placed, drafted and placed later (by id, or by sending the whole order again with its current address),
 * sent to other addresses before and after they are placed, shipped with several progress reports, delivered,
 * refunded, returned, cancelled, left as drafts. Each sequence — a customer's own messages, each order's messages —
 * is in the order it happened, and the expected values are what that order gives: the last contact details, each
 * order's last address.
 */
final class UpstreamHistory {

    /** One upstream message: its record key and the record value. */
    record Message(String key, byte[] value) {}

    /** One customer's messages: their own, then each order's, every sequence in the order it happened. */
    record CustomerMessages(List<Message> customer, List<List<Message>> orders) {}

    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");
    private static final String[] PRICES = {"9.95", "12.50", "18.95", "24.90", "39.00", "64.00", "89.99"};
    private static final String[] YEN_PRICES = {"480", "980", "1200", "3400", "12800"};

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private int messageNumber;

    final List<CustomerMessages> customers = new ArrayList<>();
    final List<ExpectedCustomer.Expected> expected = new ArrayList<>();
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
        String name = "Customer " + customerId;
        String email = customerId + "@example.com";
        String phone = random.nextBoolean() ? phone() : null;
        ObjectNode registered =
                data().put("customerId", customerId).put("name", name).put("email", email);
        if (phone != null) {
            registered.put("phone", phone);
        }
        String defaultLine1 = null;
        if (random.nextBoolean()) {
            defaultLine1 = "1 Home St " + customerId;
            registered.set("defaultShippingAddress", address(defaultLine1));
        }
        own.add(message(customerId, "customer.registered", registered));
        // Several contact changes, each with a new email, so that one carried out out of turn shows.
        int updates = 1 + random.nextInt(3);
        for (int u = 1; u <= updates; u++) {
            email = customerId + "-v" + u + "@example.com";
            ObjectNode patch = data().put("customerId", customerId).put("email", email);
            switch (random.nextInt(4)) {
                case 0 -> {
                    name = "Customer " + customerId + " v" + u;
                    patch.put("name", name);
                }
                case 1 -> {
                    phone = random.nextBoolean() ? phone() : null;
                    patch.put("phone", phone);
                }
                case 2 -> {
                    if (random.nextInt(3) == 0) {
                        defaultLine1 = null;
                        patch.putNull("defaultShippingAddress");
                    } else {
                        defaultLine1 = "1 Home St v" + u + " " + customerId;
                        patch.set("defaultShippingAddress", address(defaultLine1));
                    }
                }
                default -> {
                    // the email alone
                }
            }
            own.add(message(customerId, "customer.updated", patch));
        }
        List<List<Message>> orders = new ArrayList<>();
        List<ExpectedCustomer.ExpectedOrder> fates = new ArrayList<>();
        int orderCount = 1 + random.nextInt(5);
        for (int o = 0; o < orderCount; o++) {
            fates.add(order(customerId, customerId + "-o" + o, o, orders));
        }
        customers.add(new CustomerMessages(own, orders));
        expected.add(ExpectedCustomer.of(customerId, name, email, phone, defaultLine1, fates));
    }

    /** One order's messages, in the order they happened, and how it must end. */
    private ExpectedCustomer.ExpectedOrder order(
            String customerId, String orderId, int number, List<List<Message>> orders) {
        List<Message> messages = new ArrayList<>();
        int pick = random.nextInt(6);
        String currency = pick < 2 ? "EUR" : pick == 2 ? "JPY" : "USD";
        BigDecimal price = new BigDecimal(
                currency.equals("JPY")
                        ? YEN_PRICES[random.nextInt(YEN_PRICES.length)]
                        : PRICES[random.nextInt(PRICES.length)]);
        int quantity = 1 + random.nextInt(3);
        BigDecimal total = price.multiply(BigDecimal.valueOf(quantity));
        // Seconds apart, so that no two orders of a customer share a placed time.
        Instant placedAt =
                START.plus(Duration.ofMinutes(random.nextInt(400_000))).plusSeconds(number);
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
        OrderFate fate = new OrderFate(currency, total, price, quantity, line1);
        if (random.nextInt(100) < 25) {
            messages.add(message(customerId, "order.drafted", create));
            fate.status = "DRAFT";
            changeAddress(customerId, orderId, "3 Draft Ave", messages, fate);
            int draftFate = random.nextInt(100);
            if (draftFate < 15) {
                orders.add(messages);
                return fate.expected(orderId, null); // left as a draft
            }
            if (draftFate < 30) {
                messages.add(message(customerId, "order.cancelled", data().put("orderId", orderId)));
                fate.status = "CANCELLED";
                orders.add(messages);
                return fate.expected(orderId, null);
            }
            // Placed late, days after the time the other orders were drawn from.
            placedAt = placedAt.plus(Duration.ofDays(1 + random.nextInt(20)));
            if (random.nextBoolean()) {
                messages.add(message(
                        customerId,
                        "order.placed",
                        data().put("orderId", orderId).put("placedAt", placedAt.toString())));
            } else {
                // The whole order sent as placed, with the address it has now; perhaps sent again under a new id.
                ObjectNode whole = create.deepCopy().put("placedAt", placedAt.toString());
                whole.set("shippingAddress", address(fate.line1));
                messages.add(message(customerId, "order.placed", whole));
                if (random.nextBoolean()) {
                    messages.add(message(customerId, "order.placed", whole.deepCopy()));
                }
            }
        } else {
            // Changes that arrive before the order itself: they wait for it and are carried out right after it, so
            // the last of them is the address it has then.
            if (random.nextInt(100) < 40) {
                changeAddress(customerId, orderId, "4 Early Ln", messages, fate);
            }
            ObjectNode placed = create.deepCopy().put("placedAt", placedAt.toString());
            messages.add(message(customerId, "order.placed", placed));
            // Sometimes sent again under a new id, as an upstream system retrying would.
            if (random.nextInt(100) < 20) {
                messages.add(message(customerId, "order.placed", placed.deepCopy()));
            }
            placedOrders.add(new PlacedOrder(customerId, orderId, total));
        }
        fate.status = "PLACED";
        afterPlacing(customerId, orderId, placedAt, messages, fate);
        orders.add(messages);
        return fate.expected(orderId, placedAt);
    }

    /** What may happen to a placed order: sent elsewhere, cancelled, or shipped, delivered, refunded, returned. */
    private void afterPlacing(
            String customerId, String orderId, Instant placedAt, List<Message> messages, OrderFate fate) {
        int pick = random.nextInt(100);
        changeAddress(customerId, orderId, "5 Late Rd", messages, fate);
        if (pick < 15) {
            messages.add(message(
                    customerId,
                    "order.cancelled",
                    data().put("orderId", orderId).put("reason", "no")));
            fate.status = "CANCELLED";
            return;
        }
        if (pick < 30) {
            return;
        }
        int reports = 1 + random.nextInt(3);
        for (int r = 0; r < reports; r++) {
            messages.add(shipment(customerId, orderId, "IN_TRANSIT", placedAt.plus(Duration.ofHours(20 + 10L * r))));
        }
        fate.status = "IN_TRANSIT";
        if (pick < 45) {
            return;
        }
        messages.add(shipment(customerId, orderId, "DELIVERED", placedAt.plus(Duration.ofHours(70))));
        fate.status = "DELIVERED";
        if (pick >= 65) {
            refund(customerId, orderId, 1, messages, fate);
            if (pick >= 80 && fate.quantity > 1) {
                refund(customerId, orderId, 2, messages, fate);
            }
        }
        if (pick >= 90) {
            messages.add(message(customerId, "order.returned", data().put("orderId", orderId)));
            fate.status = "RETURNED";
        }
    }

    /** None, one or two new shipping addresses, each in a message of its own. */
    private void changeAddress(
            String customerId, String orderId, String street, List<Message> messages, OrderFate fate) {
        int changes = random.nextInt(3);
        for (int k = 1; k <= changes; k++) {
            fate.line1 = street + " v" + k + " " + orderId;
            messages.add(message(
                    customerId,
                    "order.shipping-address-changed",
                    address(fate.line1).put("orderId", orderId)));
        }
    }

    /** One unit's price back. */
    private void refund(String customerId, String orderId, int number, List<Message> messages, OrderFate fate) {
        fate.refunded = fate.refunded.add(fate.price);
        messages.add(message(
                customerId,
                "order.refunded",
                data().put("orderId", orderId)
                        .put("refundId", orderId + "-r" + number)
                        .put("amount", fate.price.toPlainString())));
    }

    private String phone() {
        return "+49 30 " + (1_000_000 + random.nextInt(9_000_000));
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

    /** The currency's minor digits, straight from ISO 4217 (java.util.Currency), not from the services' code. */
    static int digits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }
}
