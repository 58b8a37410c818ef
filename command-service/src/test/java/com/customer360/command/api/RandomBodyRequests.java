package com.customer360.command.api;

import static com.customer360.command.api.Generator.anyStrings;
import static com.customer360.command.api.Generator.frequency;
import static com.customer360.command.api.Generator.ints;
import static com.customer360.command.api.Generator.of;
import static com.customer360.command.api.Generator.oneOf;
import static com.customer360.command.api.Generator.weight;
import static com.customer360.command.api.ValidRequests.JSON;
import static com.customer360.command.api.ValidRequests.anyEndpointAndPath;
import static com.customer360.command.api.ValidRequests.json;
import static com.customer360.command.api.ValidRequests.validBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

/** Requests to any endpoint whose bodies are random: any JSON document, or bytes and text that are not JSON at all. */
final class RandomBodyRequests {

    private RandomBodyRequests() {}

    static Generator<RawHttp.Request> randomJson() {
        Generator<String> body = jsonValue(4).map(JsonNode::toString);
        return random -> {
            Map.Entry<String, String> target = anyEndpointAndPath().next(random);
            return json(target.getKey(), target.getValue(), body.next(random));
        };
    }

    static Generator<RawHttp.Request> notJson() {
        Generator<byte[]> bytes = random -> {
            byte[] content = new byte[ints(0, 2000).next(random)];
            random.nextBytes(content);
            return content;
        };
        Generator<byte[]> text = anyStrings(500).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Generator<byte[]> truncated = random -> {
            String whole = validBody(of(CommandEndpoint.values()).next(random))
                    .next(random)
                    .toString();
            return whole.substring(0, ints(0, whole.length()).next(random)).getBytes(StandardCharsets.UTF_8);
        };
        Generator<byte[]> nested = random -> {
            int depth = ints(500, 5000).next(random);
            return nest(depth, of("[", "{\"a\":", "[{\"x\":").next(random)).getBytes(StandardCharsets.UTF_8);
        };
        Generator<byte[]> oversized = ints(250 * 1024, 400 * 1024)
                .map(size -> ("{\"name\":\"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8));
        Generator<byte[]> short_ = Generator.<String>of(
                        "", " ", "null", "true", "1", "\"x\"", "[]", "{", "}", "{}}", "{\"a\"}", "\uFEFF{}", "{} {}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Generator<byte[]> body = frequency(
                weight(3, bytes),
                weight(3, text),
                weight(4, truncated),
                weight(2, nested),
                weight(1, oversized),
                weight(2, short_));
        return random -> {
            Map.Entry<String, String> target = anyEndpointAndPath().next(random);
            return new RawHttp.Request(
                    target.getKey(),
                    target.getValue(),
                    RawHttp.headers("Content-Type", "application/json"),
                    body.next(random),
                    random.nextBoolean());
        };
    }

    /** Any JSON value nested up to this depth: objects mostly, with keys the API knows and keys it does not. */
    static Generator<JsonNode> jsonValue(int depth) {
        Generator<JsonNode> scalar = oneOf(
                anyStrings(50).map(TextNode::valueOf),
                ints(Integer.MIN_VALUE, Integer.MAX_VALUE)
                        .map(i -> JSON.getNodeFactory().numberNode(i)),
                RandomBodyRequests::anyDouble,
                RandomBodyRequests::anyBigDecimal,
                random -> JSON.getNodeFactory().booleanNode(random.nextBoolean()),
                random -> JSON.getNodeFactory().nullNode());
        if (depth == 0) {
            return scalar;
        }
        Generator<String> key = oneOf(
                of(
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
                anyStrings(20));
        Generator<JsonNode> value = jsonValue(depth - 1);
        Generator<JsonNode> object = random -> {
            ObjectNode node = JSON.createObjectNode();
            int keys = ints(0, 6).next(random);
            int values = ints(0, 6).next(random);
            for (int i = 0; i < Math.min(keys, values); i++) {
                node.set(key.next(random), value.next(random));
            }
            return node;
        };
        Generator<JsonNode> array = random -> {
            ArrayNode node = JSON.createArrayNode();
            for (int i = ints(0, 5).next(random); i > 0; i--) {
                node.add(value.next(random));
            }
            return node;
        };
        return frequency(weight(2, scalar), weight(3, object), weight(1, array));
    }

    /** Doubles of every magnitude, and the ones at the ends: zero of both signs, the smallest, the largest. */
    private static JsonNode anyDouble(Random random) {
        double value = random.nextInt(8) == 0
                ? of(0.0, -0.0, 0.01, -0.01, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE)
                        .next(random)
                : (random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(-10, 309));
        return JSON.getNodeFactory().numberNode(value);
    }

    /** Decimals with up to 60 digits at scales from -10 to 30. */
    private static JsonNode anyBigDecimal(Random random) {
        BigInteger unscaled = new BigInteger(ints(1, 200).next(random), random);
        BigDecimal value = new BigDecimal(
                random.nextBoolean() ? unscaled : unscaled.negate(),
                ints(-10, 30).next(random));
        return JSON.getNodeFactory().numberNode(value);
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
}
