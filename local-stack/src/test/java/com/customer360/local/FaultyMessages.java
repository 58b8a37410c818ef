package com.customer360.local;

import com.customer360.local.UpstreamHistory.Message;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Messages no upstream system should send, each with the reason code it must be dead-lettered with: bytes that are
 * not JSON, JSON that is not a CloudEvent, unknown types, data against the schema, records above the size limit, and
 * well-formed refunds larger than their order.
 */
final class FaultyMessages {

    /** A bad message and why it must be refused. */
    record Faulty(Message message, String reasonCode) {}

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final UpstreamHistory history;
    private int number;

    private FaultyMessages(Random random, UpstreamHistory history) {
        this.random = random;
        this.history = history;
    }

    static List<Faulty> generate(long seed, int count, UpstreamHistory history) {
        FaultyMessages faulty = new FaultyMessages(new Random(seed), history);
        List<Faulty> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(faulty.next(i % 6));
        }
        return messages;
    }

    private Faulty next(int kind) {
        String key =
                history.expected.get(random.nextInt(history.expected.size())).customerId();
        String id = "faulty-" + (number++);
        return switch (kind) {
            case 0 -> new Faulty(bytes(key, "garbage " + id + " {\"not\": json"), "MALFORMED_JSON");
            case 1 ->
                new Faulty(
                        event(
                                key,
                                id,
                                "order.teleported",
                                json.createObjectNode().put("orderId", "x")),
                        "UNKNOWN_TYPE");
            case 2 ->
                new Faulty(
                        event(
                                key,
                                id,
                                "customer.registered",
                                json.createObjectNode()
                                        .put("customerId", key)
                                        .put("name", "Broken")
                                        .put("email", "no-at-sign-" + id)),
                        "SCHEMA_VIOLATION");
            case 3 ->
                new Faulty(
                        event(
                                key,
                                id,
                                "order.cancelled",
                                json.createObjectNode().put("orderId", "x").put("reason", "y".repeat(300 * 1024))),
                        "TOO_LARGE");
            case 4 ->
                new Faulty(
                        bytes(
                                key,
                                "{\"specversion\":\"1.0\",\"source\":\"s\",\"type\":\"order.cancelled\","
                                        + "\"data\":{\"orderId\":\"" + id + "\"}}"),
                        "NOT_A_CLOUDEVENT");
            default -> refundTooLarge(id);
        };
    }

    private Faulty refundTooLarge(String id) {
        UpstreamHistory.PlacedOrder order = history.placedOrders.get(random.nextInt(history.placedOrders.size()));
        ObjectNode data = json.createObjectNode()
                .put("orderId", order.orderId())
                .put("refundId", id)
                .put("amount", order.total().add(BigDecimal.ONE).toPlainString());
        return new Faulty(event(order.customerId(), id, "order.refunded", data), "RULE_BROKEN");
    }

    private Message event(String key, String id, String type, ObjectNode data) {
        ObjectNode event = json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", id)
                .put("source", "urn:fault-suite:broken-pos")
                .put("type", type);
        event.set("data", data);
        return new Message(key, event.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Message bytes(String key, String value) {
        return new Message(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
