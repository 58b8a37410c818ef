package com.customer360.command.api;

import static com.customer360.command.api.Generator.frequency;
import static com.customer360.command.api.Generator.ints;
import static com.customer360.command.api.Generator.longs;
import static com.customer360.command.api.Generator.of;
import static com.customer360.command.api.Generator.range;
import static com.customer360.command.api.Generator.strings;
import static com.customer360.command.api.Generator.weight;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Valid requests to every endpoint of the command API, and the seed records ({@link #CUSTOMER}, {@link #ORDERS}) that
 * they name some of the time, so that they are carried out or break a rule: the ground the other fuzz generators
 * depart from.
 */
final class ValidRequests {

    static final String CUSTOMER = "fuzz-customer";
    static final List<String> ORDERS = List.of("fuzz-draft", "fuzz-placed", "fuzz-delivered");

    /** The one object mapper of the fuzz generators. */
    static final ObjectMapper JSON = new ObjectMapper();

    static final String LETTERS = range('a', 'z') + range('A', 'Z');
    static final String LOWER_CASE_AND_DIGITS = range('a', 'z') + range('0', '9');

    private static final Generator<String> ID =
            strings(LOWER_CASE_AND_DIGITS + "._:-", 1, 40).map(s -> "f" + s);
    private static final Generator<String> TEXT = strings(LETTERS + " 'éü-", 1, 40);

    /** A time in the last ten years, whole seconds, as ISO-8601 text. */
    private static final Generator<String> PAST = longs(0, 3650).map(days -> Instant.now()
            .minus(days, ChronoUnit.DAYS)
            .truncatedTo(ChronoUnit.SECONDS)
            .toString());

    private ValidRequests() {}

    /** The seed records, some of the time, so that valid requests are carried out or break a rule. */
    static Generator<String> validPathId(CommandEndpoint endpoint) {
        Generator<String> unknown = strings(LOWER_CASE_AND_DIGITS, 1, 20).map(s -> "fuzz-" + s);
        Generator<String> known = endpoint == CommandEndpoint.CHANGE_CUSTOMER ? of(CUSTOMER) : of(ORDERS);
        return frequency(weight(3, known), weight(1, unknown));
    }

    static Generator<ObjectNode> validBody(CommandEndpoint endpoint) {
        return switch (endpoint) {
            case REGISTER_CUSTOMER -> registerCustomer();
            case CHANGE_CUSTOMER -> changeCustomer();
            case CREATE_ORDER -> createOrder();
            case PLACE_ORDER ->
                random -> {
                    ObjectNode body = JSON.createObjectNode();
                    putIfPresent(body, "placedAt", PAST.orNull(0.5).next(random));
                    return body;
                };
            case CANCEL_ORDER, RETURN_ORDER ->
                random -> {
                    ObjectNode body = JSON.createObjectNode();
                    putIfPresent(body, "reason", TEXT.orNull(0.5).next(random));
                    return body;
                };
            case REFUND_ORDER ->
                random -> {
                    ObjectNode body = JSON.createObjectNode();
                    putIfPresent(body, "refundId", ID.orNull(0.5).next(random));
                    body.put("amount", price(ints(1, 3000).next(random), "USD"));
                    putIfPresent(body, "reason", TEXT.orNull(0.5).next(random));
                    return body;
                };
            case RECORD_SHIPMENT ->
                random -> {
                    ObjectNode body = JSON.createObjectNode();
                    String carrier = TEXT.next(random);
                    body.put("status", of("IN_TRANSIT", "DELIVERED").next(random));
                    body.put("carrier", carrier);
                    body.put("trackingNumber", "1Z999");
                    body.put("location", carrier);
                    body.put("note", carrier);
                    putIfPresent(body, "at", PAST.orNull(0.5).next(random));
                    return body;
                };
            case CHANGE_SHIPPING_ADDRESS -> ValidRequests::address;
        };
    }

    private static Generator<ObjectNode> registerCustomer() {
        return random -> {
            ObjectNode body = JSON.createObjectNode();
            putIfPresent(body, "customerId", ID.orNull(0.3).next(random));
            body.put("name", TEXT.next(random));
            body.put("email", "fuzz@example.com");
            body.put("phone", "+44 20 7946 0000");
            if (random.nextBoolean()) {
                body.set("defaultShippingAddress", address(random));
            }
            return body;
        };
    }

    /** A patch that changes a non-empty subset of the four fields. */
    private static Generator<ObjectNode> changeCustomer() {
        return random -> {
            ObjectNode body = JSON.createObjectNode();
            int fields = ints(1, 15).next(random);
            String name = TEXT.next(random);
            if ((fields & 1) != 0) {
                body.put("name", name);
            }
            if ((fields & 2) != 0) {
                body.put("email", "changed@example.com");
            }
            if ((fields & 4) != 0) {
                body.putNull("phone");
            }
            if ((fields & 8) != 0) {
                body.set("defaultShippingAddress", address(random));
            }
            return body;
        };
    }

    private static Generator<ObjectNode> createOrder() {
        return random -> {
            String orderId = ID.orNull(0.2).next(random);
            String currency = of("USD", "EUR", "JPY", "GBP", "BHD").next(random);
            int quantity = ints(1, 5).next(random);
            int minorUnits = ints(0, 99_999).next(random);
            ObjectNode order = order(orderId, currency, List.of(line("SKU-1", quantity, price(minorUnits, currency))));
            String placedAt = PAST.orNull(0.5).next(random);
            if (random.nextBoolean()) {
                order.put("draft", true);
            } else if (placedAt != null) {
                order.put("placedAt", placedAt);
            }
            return order;
        };
    }

    private static void putIfPresent(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private static ObjectNode address(Random random) {
        String words = strings(LETTERS, 1, 30).next(random);
        ObjectNode address = JSON.createObjectNode();
        address.put("name", words);
        address.put("line1", "1 " + words + " Street");
        address.put("line2", "Floor 2");
        address.put("city", words);
        address.put("region", "R");
        address.put("postalCode", "12345");
        address.put("country", of("US", "GB", "DE", "JP", "FR").next(random));
        return address;
    }

    static ObjectNode order(String orderId, String currency, List<ObjectNode> lines) {
        ObjectNode order = JSON.createObjectNode();
        if (orderId != null) {
            order.put("orderId", orderId);
        }
        order.put("customerId", CUSTOMER);
        order.put("storeId", "fuzz-store");
        order.put("currency", currency);
        order.putArray("lines").addAll(lines);
        ObjectNode address = order.putObject("shippingAddress");
        address.put("line1", "1 Main St");
        address.put("city", "Springfield");
        address.put("postalCode", "12345");
        address.put("country", "US");
        return order;
    }

    static ObjectNode line(String sku, int quantity, String unitPrice) {
        ObjectNode line = JSON.createObjectNode();
        line.put("sku", sku);
        line.put("name", sku);
        line.put("quantity", quantity);
        line.put("unitPrice", unitPrice);
        return line;
    }

    private static String price(int minorUnits, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return BigDecimal.valueOf(minorUnits, digits).toPlainString();
    }

    static Generator<Map.Entry<String, String>> anyEndpointAndPath() {
        return random -> {
            CommandEndpoint endpoint = of(CommandEndpoint.values()).next(random);
            return Map.entry(
                    endpoint.method, endpoint.path(validPathId(endpoint).next(random)));
        };
    }

    static RawHttp.Request json(String method, String target, String body) {
        return new RawHttp.Request(
                method,
                target,
                RawHttp.headers("Content-Type", "application/json"),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                false);
    }
}
