package com.customer360.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of requests to every endpoint of the command API, from nearly valid to plain garbage. */
final class FuzzedRequests {

    static final String CUSTOMER = "fuzz-customer";
    static final List<String> ORDERS = List.of("fuzz-draft", "fuzz-placed", "fuzz-delivered");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "\u0000fuzz-placeholder\u0000";

    private FuzzedRequests() {}

    enum Endpoint {
        REGISTER_CUSTOMER("POST", "/api/customers"),
        CHANGE_CUSTOMER("PATCH", "/api/customers/%s"),
        CREATE_ORDER("POST", "/api/orders"),
        PLACE_ORDER("POST", "/api/orders/%s/place"),
        CANCEL_ORDER("POST", "/api/orders/%s/cancel"),
        REFUND_ORDER("POST", "/api/orders/%s/refunds"),
        RETURN_ORDER("POST", "/api/orders/%s/return"),
        RECORD_SHIPMENT("POST", "/api/orders/%s/shipment-updates"),
        CHANGE_SHIPPING_ADDRESS("PUT", "/api/orders/%s/shipping-address");

        final String method;
        private final String template;

        Endpoint(String method, String template) {
            this.method = method;
            this.template = template;
        }

        String path(String id) {
            return template.contains("%s") ? template.formatted(id) : template;
        }
    }

    /** What is done to a valid body: one value replaced by an edge value, one removed, or an unknown one added. */
    private enum Mutation {
        REPLACE,
        REMOVE,
        ADD_UNKNOWN_FIELD
    }

    /** One place in a body where a mutation can happen, named by the field it touches. */
    private record Slot(String field, Runnable apply) {}

    // ---------------------------------------------------------------- the five kinds of request

    static Arbitrary<RawHttp.Request> mutated() {
        Arbitrary<Mutation> mutation = Arbitraries.frequency(
                Tuple.of(7, Mutation.REPLACE), Tuple.of(2, Mutation.REMOVE), Tuple.of(1, Mutation.ADD_UNKNOWN_FIELD));
        return Arbitraries.of(Endpoint.values()).flatMap(endpoint -> Combinators.combine(
                        validPathId(endpoint),
                        validBody(endpoint),
                        mutation,
                        Arbitraries.integers().between(0, 999))
                .flatAs((id, body, change, index) -> {
                    ObjectNode copy = body.deepCopy();
                    List<Slot> slots = slots(copy, change);
                    Slot slot = slots.get(index % slots.size());
                    slot.apply().run();
                    String template = copy.toString();
                    return EdgeValues.forField(slot.field())
                            .map(edge -> json(endpoint.method, endpoint.path(id), fill(template, edge)));
                }));
    }

    /**
     * Valid bodies with one amount, quantity or time at an edge, with or without an idempotency key: these are the
     * values that are computed on (digits, sums, fingerprints, clock comparisons), so they get a property of their own.
     */
    static Arbitrary<RawHttp.Request> numbersAndTimes() {
        Map<Endpoint, List<String>> fields = Map.of(
                Endpoint.CREATE_ORDER, List.of("lines.0.unitPrice", "lines.0.quantity", "total", "placedAt"),
                Endpoint.REFUND_ORDER, List.of("amount"),
                Endpoint.PLACE_ORDER, List.of("placedAt"),
                Endpoint.RECORD_SHIPMENT, List.of("at"));
        Arbitrary<String> key =
                Arbitraries.strings().withCharRange('a', 'z').ofLength(12).injectNull(0.5);
        return Arbitraries.of(fields.keySet()).flatMap(endpoint -> Combinators.combine(
                        validPathId(endpoint), validBody(endpoint), Arbitraries.of(fields.get(endpoint)), key)
                .flatAs((id, body, path, idempotencyKey) -> {
                    ObjectNode copy = body.deepCopy();
                    String[] steps = path.split("\\.");
                    JsonNode parent = copy;
                    for (int i = 0; i < steps.length - 1; i++) {
                        parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
                    }
                    String field = steps[steps.length - 1];
                    ((ObjectNode) parent).put(field, PLACEHOLDER);
                    copy.remove("draft");
                    String template = copy.toString();
                    return EdgeValues.forField(field)
                            .map(edge -> new RawHttp.Request(
                                    endpoint.method,
                                    endpoint.path(id),
                                    idempotencyKey == null
                                            ? RawHttp.headers("Content-Type", "application/json")
                                            : RawHttp.headers(
                                                    "Content-Type",
                                                    "application/json",
                                                    "Idempotency-Key",
                                                    idempotencyKey),
                                    fill(template, edge).getBytes(StandardCharsets.UTF_8),
                                    false));
                }));
    }

    static Arbitrary<RawHttp.Request> randomJson() {
        return Combinators.combine(anyEndpointAndPath(), jsonValue(4).map(JsonNode::toString))
                .as((target, body) -> json(target.getKey(), target.getValue(), body));
    }

    static Arbitrary<RawHttp.Request> notJson() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> text =
                Arbitraries.strings().all().ofMaxLength(500).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> truncated = Arbitraries.of(Endpoint.values()).flatMap(endpoint -> Combinators.combine(
                        validBody(endpoint), Arbitraries.doubles().between(0, 1))
                .as((body, cut) -> {
                    String whole = body.toString();
                    return whole.substring(0, (int) (whole.length() * cut)).getBytes(StandardCharsets.UTF_8);
                }));
        Arbitrary<byte[]> nested = Combinators.combine(
                        Arbitraries.integers().between(500, 5000), Arbitraries.of("[", "{\"a\":", "[{\"x\":"))
                .as((depth, open) -> nest(depth, open).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> oversized = Arbitraries.integers()
                .between(250 * 1024, 400 * 1024)
                .map(size -> ("{\"name\":\"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> short_ = Arbitraries.of(
                        "", " ", "null", "true", "1", "\"x\"", "[]", "{", "}", "{}}", "{\"a\"}", "\uFEFF{}", "{} {}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> body = Arbitraries.frequencyOf(
                Tuple.of(3, bytes),
                Tuple.of(3, text),
                Tuple.of(4, truncated),
                Tuple.of(2, nested),
                Tuple.of(1, oversized),
                Tuple.of(2, short_));
        return Combinators.combine(anyEndpointAndPath(), body, Arbitraries.of(true, false))
                .as((target, content, chunked) -> new RawHttp.Request(
                        target.getKey(),
                        target.getValue(),
                        RawHttp.headers("Content-Type", "application/json"),
                        content,
                        chunked));
    }

    static Arbitrary<RawHttp.Request> oddHeaders() {
        Arbitrary<String> json = Arbitraries.of(
                "application/json",
                "application/json; charset=utf-8",
                "application/json;charset=UTF-16",
                "application/json;charset=ISO-8859-1",
                "application/json;charset=UTF-32",
                "APPLICATION/JSON",
                "application/merge-patch+json");
        Arbitrary<String> odd = Arbitraries.of(
                "application/json;charset=nope",
                "application/json; charset=\"",
                "application/json; q=abc",
                "application/problem+json",
                "application/vnd.api+json",
                "text/plain",
                "text/json",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "multipart/form-data; boundary=x",
                "*/*",
                "application/*",
                "*/json",
                "",
                " ",
                "garbage",
                ";;;",
                "application/json, text/plain");
        Arbitrary<String> accept = Arbitraries.of(
                "*/*",
                "application/json",
                "application/problem+json",
                "application/*",
                "text/html",
                "application/xml",
                "garbage",
                "application/json;q=abc",
                "application/json;q=0",
                "",
                manyMediaTypes());
        Arbitrary<String> idempotencyKey = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(128),
                Arbitraries.strings().all().ofMaxLength(200).map(FuzzedRequests::headerSafe),
                Arbitraries.of("", " ", "k".repeat(129), "k".repeat(128), "é", "a b", "k".repeat(20_000)));
        Arbitrary<List<Map.Entry<String, String>>> headers = Combinators.combine(
                        Arbitraries.frequencyOf(Tuple.of(3, json), Tuple.of(2, odd))
                                .injectNull(0.1),
                        accept.injectNull(0.4),
                        idempotencyKey.injectNull(0.3),
                        Arbitraries.of("gzip", "identity", "br").injectNull(0.8))
                .as((type, acceptable, key, encoding) -> {
                    List<Map.Entry<String, String>> list = new ArrayList<>();
                    if (type != null) {
                        list.add(Map.entry("Content-Type", type));
                    }
                    if (acceptable != null) {
                        list.add(Map.entry("Accept", acceptable));
                    }
                    if (key != null) {
                        list.add(Map.entry("Idempotency-Key", key));
                    }
                    if (encoding != null) {
                        list.add(Map.entry("Content-Encoding", encoding));
                    }
                    return list;
                });
        return Arbitraries.of(Endpoint.values()).flatMap(endpoint -> Combinators.combine(
                        validPathId(endpoint),
                        validBody(endpoint).map(JsonNode::toString).injectNull(0.1),
                        headers,
                        Arbitraries.of(true, false))
                .as((id, body, list, chunked) -> new RawHttp.Request(
                        endpoint.method,
                        endpoint.path(id),
                        list,
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                        chunked)));
    }

    static Arbitrary<RawHttp.Request> oddPaths() {
        Arbitrary<String> oddId = Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        "%20",
                        "a%20b",
                        "a%2Fb",
                        "a%5Cb",
                        "%00",
                        "a%0Ab",
                        "%zz",
                        "%",
                        "%E2%9C%93",
                        "%ED%A0%80",
                        "%C0%AF",
                        "%FF",
                        "..",
                        "%2e%2e",
                        ".",
                        ";x=y",
                        "a;jsessionid=1",
                        "a?b=c",
                        "a#b",
                        "é",
                        "😀",
                        "a".repeat(64),
                        "a".repeat(65),
                        "a".repeat(200),
                        "a".repeat(10_000),
                        "-a",
                        "_a",
                        "a:b.c_d-e"),
                Arbitraries.strings().all().ofMaxLength(80).map(FuzzedRequests::percentEncoded),
                Arbitraries.strings()
                        .withCharRange('!', '~')
                        .withChars("é€😀")
                        .ofMaxLength(80)
                        .map(s -> s.replace("#", "%23").replace("?", "%3F")));
        Arbitrary<String> path = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(Endpoint.values()), oddId).as(Endpoint::path),
                oddId.map(id -> "/api/customers/" + id + "/" + id),
                oddId.map(id -> "/api/orders/" + id + "/unknown-action"),
                oddId.map(id -> "/" + id),
                Arbitraries.of(
                        "/",
                        "/api",
                        "/api/",
                        "/api/orders",
                        "/api/orders/",
                        "/api/customers/",
                        "/error",
                        "/error/x",
                        "//api/customers",
                        "/api//orders/x/cancel",
                        "/api/orders/x/cancel/",
                        "/api/orders/x/CANCEL",
                        "/API/ORDERS/x/cancel",
                        "/api/customers?x=%zz",
                        "/api/orders/x/cancel?" + "a=b&".repeat(2000)));
        Arbitrary<String> method =
                Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "FOO");
        Arbitrary<String> body = Arbitraries.oneOf(
                Arbitraries.just((String) null),
                Arbitraries.of(Endpoint.values())
                        .flatMap(FuzzedRequests::validBody)
                        .map(JsonNode::toString),
                jsonValue(2).map(JsonNode::toString));
        return Combinators.combine(method, path, body).as((verb, target, content) -> json(verb, target, content));
    }

    // ---------------------------------------------------------------- valid requests

    /** The seed records, some of the time, so that valid requests are carried out or break a rule. */
    private static Arbitrary<String> validPathId(Endpoint endpoint) {
        Arbitrary<String> unknown = Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(20)
                .map(s -> "fuzz-" + s);
        Arbitrary<String> known =
                endpoint == Endpoint.CHANGE_CUSTOMER ? Arbitraries.just(CUSTOMER) : Arbitraries.of(ORDERS);
        return Arbitraries.frequencyOf(Tuple.of(3, known), Tuple.of(1, unknown));
    }

    static Arbitrary<ObjectNode> validBody(Endpoint endpoint) {
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

    // ---------------------------------------------------------------- mutation

    private static List<Slot> slots(ObjectNode body, Mutation mutation) {
        List<Slot> slots = new ArrayList<>();
        collect(body, "body", mutation, slots);
        if (slots.isEmpty()) {
            slots.add(new Slot("unexpected", () -> body.put("unexpected", PLACEHOLDER)));
        }
        return slots;
    }

    private static void collect(ContainerNode<?> node, String name, Mutation mutation, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            if (mutation == Mutation.ADD_UNKNOWN_FIELD) {
                slots.add(new Slot("nickname", () -> object.put("nickname", PLACEHOLDER)));
            }
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                if (mutation == Mutation.REMOVE) {
                    slots.add(new Slot(field, () -> object.remove(field)));
                } else if (mutation == Mutation.REPLACE) {
                    slots.add(new Slot(field, () -> object.set(field, TextNode.valueOf(PLACEHOLDER))));
                }
                if (object.get(field) instanceof ContainerNode<?> container) {
                    collect(container, field, mutation, slots);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                if (mutation == Mutation.REMOVE) {
                    slots.add(new Slot(name, () -> array.remove(index)));
                } else if (mutation == Mutation.REPLACE) {
                    slots.add(new Slot(name, () -> array.set(index, TextNode.valueOf(PLACEHOLDER))));
                }
                if (array.get(i) instanceof ContainerNode<?> container) {
                    collect(container, name, mutation, slots);
                }
            }
        }
    }

    private static String fill(String template, String edge) {
        return template.replace(JSON.valueToTree(PLACEHOLDER).toString(), edge);
    }

    // ---------------------------------------------------------------- any JSON, any text

    private static Arbitrary<JsonNode> jsonValue(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(50).map(TextNode::valueOf),
                Arbitraries.integers().map(i -> JSON.getNodeFactory().numberNode(i)),
                Arbitraries.doubles().map(d -> JSON.getNodeFactory().numberNode(d)),
                Arbitraries.bigDecimals().map(d -> JSON.getNodeFactory().numberNode(d)),
                Arbitraries.of(true, false).map(b -> JSON.getNodeFactory().booleanNode(b)),
                Arbitraries.just(JSON.getNodeFactory().nullNode()));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.of(
                        "customerId",
                        "name",
                        "email",
                        "phone",
                        "defaultShippingAddress",
                        "orderId",
                        "storeId",
                        "currency",
                        "lines",
                        "shippingAddress",
                        "placedAt",
                        "draft",
                        "total",
                        "sku",
                        "quantity",
                        "unitPrice",
                        "line1",
                        "city",
                        "postalCode",
                        "country",
                        "reason",
                        "refundId",
                        "amount",
                        "status",
                        "carrier",
                        "at"),
                Arbitraries.strings().all().ofMaxLength(20));
        Arbitrary<JsonNode> object = Combinators.combine(
                        key.list().ofMaxSize(6), jsonValue(depth - 1).list().ofMaxSize(6))
                .as((keys, values) -> {
                    ObjectNode node = JSON.createObjectNode();
                    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
                        node.set(keys.get(i), values.get(i));
                    }
                    return node;
                });
        Arbitrary<JsonNode> array = jsonValue(depth - 1).list().ofMaxSize(5).map(values -> {
            ArrayNode node = JSON.createArrayNode();
            node.addAll(values);
            return node;
        });
        return Arbitraries.frequencyOf(Tuple.of(2, scalar), Tuple.of(3, object), Tuple.of(1, array));
    }

    private static Arbitrary<Map.Entry<String, String>> anyEndpointAndPath() {
        return Arbitraries.of(Endpoint.values())
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

    private static String nest(int depth, String open) {
        String close =
                switch (open) {
                    case "[" -> "]";
                    case "{\"a\":" -> "}";
                    default -> "}]";
                };
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private static String manyMediaTypes() {
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            types.append("a/b").append(i).append(',');
        }
        return types.append("application/json").toString();
    }

    /** Any text as a path segment: percent-encoded UTF-8 (an unpaired surrogate becomes '?'). */
    private static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append(String.format("%%%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    /** A header value HTTP/1.1 can frame: no CR or LF, which would end the header (and the test's own request). */
    private static String headerSafe(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
