package com.customer360.command.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

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

    private ValidRequests() {}

    /** The seed records, some of the time, so that valid requests are carried out or break a rule. */
    static Arbitrary<String> validPathId(CommandEndpoint endpoint) {
        Arbitrary<String> unknown = Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(20)
                .map(s -> "fuzz-" + s);
        Arbitrary<String> known =
                endpoint == CommandEndpoint.CHANGE_CUSTOMER ? Arbitraries.just(CUSTOMER) : Arbitraries.of(ORDERS);
        return Arbitraries.frequencyOf(Tuple.of(3, known), Tuple.of(1, unknown));
    }

    static Arbitrary<ObjectNode> validBody(CommandEndpoint endpoint) {
        Arbitrary<String> id = Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .withChars("._:-")
                .ofMinLength(1)
                .ofMaxLength(40)
                .map(s -> "f" + s);
        Arbitrary<String> text =
                Arbitraries.strings().alpha().withChars(" 'éü-").ofMinLength(1).ofMaxLength(40);
        Arbitrary<Instant> past = Arbitraries.longs()
                .between(0, 3650)
                .map(days -> Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        return switch (endpoint) {
            case REGISTER_CUSTOMER ->
                Combinators.combine(id.injectNull(0.3), text, address().injectNull(0.5))
                        .as((customerId, name, address) -> {
                            ObjectNode body = JSON.createObjectNode();
                            if (customerId != null) {
                                body.put("customerId", customerId);
                            }
                            body.put("name", name);
                            body.put("email", "fuzz@example.com");
                            body.put("phone", "+44 20 7946 0000");
                            if (address != null) {
                                body.set("defaultShippingAddress", address);
                            }
                            return body;
                        });
            case CHANGE_CUSTOMER ->
                Combinators.combine(text, address(), Arbitraries.integers().between(1, 15))
                        .as((name, address, fields) -> {
                            ObjectNode body = JSON.createObjectNode();
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
                                body.set("defaultShippingAddress", address);
                            }
                            return body;
                        });
            case CREATE_ORDER ->
                Combinators.combine(
                                id.injectNull(0.2),
                                Arbitraries.of("USD", "EUR", "JPY", "GBP", "BHD"),
                                Arbitraries.integers().between(1, 5),
                                Arbitraries.integers().between(0, 99_999),
                                Arbitraries.of(true, false),
                                past.injectNull(0.5))
                        .as((orderId, currency, quantity, minorUnits, draft, placedAt) -> {
                            ObjectNode order = order(
                                    orderId, currency, List.of(line("SKU-1", quantity, price(minorUnits, currency))));
                            if (draft) {
                                order.put("draft", true);
                            } else if (placedAt != null) {
                                order.put("placedAt", placedAt.toString());
                            }
                            return order;
                        });
            case PLACE_ORDER ->
                past.injectNull(0.5).map(at -> {
                    ObjectNode body = JSON.createObjectNode();
                    if (at != null) {
                        body.put("placedAt", at.toString());
                    }
                    return body;
                });
            case CANCEL_ORDER, RETURN_ORDER ->
                text.injectNull(0.5).map(reason -> {
                    ObjectNode body = JSON.createObjectNode();
                    if (reason != null) {
                        body.put("reason", reason);
                    }
                    return body;
                });
            case REFUND_ORDER ->
                Combinators.combine(id.injectNull(0.5), Arbitraries.integers().between(1, 3000), text.injectNull(0.5))
                        .as((refundId, cents, reason) -> {
                            ObjectNode body = JSON.createObjectNode();
                            if (refundId != null) {
                                body.put("refundId", refundId);
                            }
                            body.put("amount", price(cents, "USD"));
                            if (reason != null) {
                                body.put("reason", reason);
                            }
                            return body;
                        });
            case RECORD_SHIPMENT ->
                Combinators.combine(Arbitraries.of("IN_TRANSIT", "DELIVERED"), text, past.injectNull(0.5))
                        .as((status, carrier, at) -> {
                            ObjectNode body = JSON.createObjectNode();
                            body.put("status", status);
                            body.put("carrier", carrier);
                            body.put("trackingNumber", "1Z999");
                            body.put("location", carrier);
                            body.put("note", carrier);
                            if (at != null) {
                                body.put("at", at.toString());
                            }
                            return body;
                        });
            case CHANGE_SHIPPING_ADDRESS -> address();
        };
    }

    private static Arbitrary<ObjectNode> address() {
        return Combinators.combine(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30),
                        Arbitraries.of("US", "GB", "DE", "JP", "FR"))
                .as((words, country) -> {
                    ObjectNode address = JSON.createObjectNode();
                    address.put("name", words);
                    address.put("line1", "1 " + words + " Street");
                    address.put("line2", "Floor 2");
                    address.put("city", words);
                    address.put("region", "R");
                    address.put("postalCode", "12345");
                    address.put("country", country);
                    return address;
                });
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

    static Arbitrary<Map.Entry<String, String>> anyEndpointAndPath() {
        return Arbitraries.of(CommandEndpoint.values())
                .flatMap(endpoint -> validPathId(endpoint).map(id -> Map.entry(endpoint.method, endpoint.path(id))));
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
