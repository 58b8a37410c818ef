package com.customer360.command.api;

import static com.customer360.command.api.ValidRequests.JSON;
import static com.customer360.command.api.ValidRequests.anyEndpointAndPath;
import static com.customer360.command.api.ValidRequests.json;
import static com.customer360.command.api.ValidRequests.validBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Requests to any endpoint whose bodies are random: any JSON document, or bytes and text that are not JSON at all. */
final class RandomBodyRequests {

    private RandomBodyRequests() {}

    static Arbitrary<RawHttp.Request> randomJson() {
        return Combinators.combine(anyEndpointAndPath(), jsonValue(4).map(JsonNode::toString))
                .as((target, body) -> json(target.getKey(), target.getValue(), body));
    }

    static Arbitrary<RawHttp.Request> notJson() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> text =
                Arbitraries.strings().all().ofMaxLength(500).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> truncated = Arbitraries.of(CommandEndpoint.values()).flatMap(endpoint -> Combinators.combine(
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

    static Arbitrary<JsonNode> jsonValue(int depth) {
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
