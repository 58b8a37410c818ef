package com.customer360.command.api;

import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * A running command service with a customer and two orders of the test's own (one placed, one delivered), and a way to
 * send each endpoint's valid request with one field set: the ground every input validation test stands on. Its
 * subclasses share the one running service of {@link RunningCommandService}.
 */
abstract class InputValidationFixture extends RunningCommandService {

    final ObjectMapper json = new ObjectMapper();
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String customerId = "c-" + suffix;
    final String placedOrder = "o-" + suffix;
    final String deliveredOrder = "d-" + suffix;
    TestHttp http;

    @BeforeEach
    void setUp() {
        http = http();
        assertAccepted(http.post("/api/customers", validBody("register").toString()));
        assertAccepted(
                http.post("/api/orders", order(placedOrder, "USD", "12.50").toString()));
        assertAccepted(
                http.post("/api/orders", order(deliveredOrder, "USD", "12.50").toString()));
        assertAccepted(http.post("/api/orders/" + deliveredOrder + "/shipment-updates", "{\"status\":\"IN_TRANSIT\"}"));
        assertAccepted(http.post("/api/orders/" + deliveredOrder + "/shipment-updates", "{\"status\":\"DELIVERED\"}"));
    }

    /**
     * The endpoint's valid request with one field set (added if absent): a registration of a new customer, or a request
     * about this test's own records.
     */
    TestHttp.Answer send(String endpoint, String field, JsonNode value) {
        ObjectNode body = validBody(endpoint);
        if (endpoint.equals("register")) {
            body.put("customerId", "n-" + UUID.randomUUID());
        }
        set(body, field, value);
        return switch (endpoint) {
            case "register" -> http.post("/api/customers", body.toString());
            case "change" -> http.send("PATCH", "/api/customers/" + customerId, body.toString());
            case "order" -> http.post("/api/orders", body.toString());
            case "refund" -> http.post("/api/orders/" + placedOrder + "/refunds", body.toString());
            case "cancel" -> http.post("/api/orders/" + placedOrder + "/cancel", body.toString());
            case "return" -> http.post("/api/orders/" + deliveredOrder + "/return", body.toString());
            case "shipment" -> http.post("/api/orders/" + placedOrder + "/shipment-updates", body.toString());
            case "address" -> http.send("PUT", "/api/orders/" + placedOrder + "/shipping-address", body.toString());
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    ObjectNode validBody(String endpoint) {
        return switch (endpoint) {
            case "register" -> {
                ObjectNode customer = json.createObjectNode();
                customer.put("customerId", customerId);
                customer.put("name", "Ada Lovelace");
                customer.put("email", "ada@example.com");
                customer.put("phone", "+44 20 7946 0000");
                customer.set("defaultShippingAddress", address("GB"));
                yield customer;
            }
            case "change" -> json.createObjectNode().put("name", "Ada King");
            case "order" -> order(null, "USD", "12.50");
            case "refund" -> json.createObjectNode().put("amount", "1.00");
            case "cancel", "return" -> json.createObjectNode().put("reason", "changed my mind");
            case "shipment" -> json.createObjectNode().put("status", "IN_TRANSIT");
            case "address" -> address("US");
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    ObjectNode order(String orderId, String currency, String unitPrice) {
        ObjectNode order = json.createObjectNode();
        if (orderId != null) {
            order.put("orderId", orderId);
        }
        order.put("customerId", customerId);
        order.put("storeId", "store-1");
        order.put("currency", currency);
        order.putArray("lines").add(line(unitPrice));
        order.set("shippingAddress", address("US"));
        return order;
    }

    ObjectNode line(String unitPrice) {
        ObjectNode line = json.createObjectNode();
        line.put("sku", "TEA");
        line.put("name", "Tea");
        line.put("quantity", 2);
        line.put("unitPrice", unitPrice);
        return line;
    }

    private ObjectNode address(String country) {
        ObjectNode address = json.createObjectNode();
        address.put("line1", "1 Main St");
        address.put("city", "Springfield");
        address.put("postalCode", "12345");
        address.put("country", country);
        return address;
    }

    /** Sets a field given as a path such as {@code lines[0].sku} or {@code shippingAddress.city}. */
    private static void set(ObjectNode body, String path, JsonNode value) {
        JsonNode parent = body;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = step(parent, steps[i]);
        }
        ((ObjectNode) parent).set(steps[steps.length - 1], value);
    }

    private static JsonNode step(JsonNode node, String step) {
        int bracket = step.indexOf('[');
        if (bracket < 0) {
            return node.get(step);
        }
        return node.get(step.substring(0, bracket))
                .get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
    }

    /**
     * Text of exactly the given length for the field: a well-formed email address for an email, a unique id for an id
     * (so that accepting it records something new), and plain letters otherwise.
     */
    String text(String field, int length) {
        if (field.endsWith("email")) {
            // 64 characters before the '@' at most; labels of the domain of 63 at most.
            String local = "a".repeat(64);
            int labels = length - local.length() - 1 - ".com".length();
            String first = "b".repeat((labels - 2) / 3);
            String second = "c".repeat((labels - 2) / 3);
            String third = "d".repeat(labels - 2 - first.length() - second.length());
            return local + "@" + first + "." + second + "." + third + ".com";
        }
        String unique = UUID.randomUUID().toString().replace("-", "");
        return (unique + "x".repeat(length)).substring(0, length);
    }
}
