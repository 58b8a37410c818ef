package com.customer360.command.api;

import static com.customer360.command.api.ValidRequests.JSON;
import static com.customer360.command.api.ValidRequests.json;
import static com.customer360.command.api.ValidRequests.validBody;
import static com.customer360.command.api.ValidRequests.validPathId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Valid requests with one thing changed: a value replaced by an edge value, a field removed or an unknown one added,
 * and, apart, one amount, quantity or time at an edge.
 */
final class MutatedRequests {

    private static final String PLACEHOLDER = "\u0000fuzz-placeholder\u0000";

    private MutatedRequests() {}

    /** What is done to a valid body: one value replaced by an edge value, one removed, or an unknown one added. */
    private enum Mutation {
        REPLACE,
        REMOVE,
        ADD_UNKNOWN_FIELD
    }

    /** One place in a body where a mutation can happen, named by the field it touches. */
    private record Slot(String field, Runnable apply) {}

    static Arbitrary<RawHttp.Request> mutated() {
        Arbitrary<Mutation> mutation = Arbitraries.frequency(
                Tuple.of(7, Mutation.REPLACE), Tuple.of(2, Mutation.REMOVE), Tuple.of(1, Mutation.ADD_UNKNOWN_FIELD));
        return Arbitraries.of(CommandEndpoint.values()).flatMap(endpoint -> Combinators.combine(
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
        Map<CommandEndpoint, List<String>> fields = Map.of(
                CommandEndpoint.CREATE_ORDER, List.of("lines.0.unitPrice", "lines.0.quantity", "total", "placedAt"),
                CommandEndpoint.REFUND_ORDER, List.of("amount"),
                CommandEndpoint.PLACE_ORDER, List.of("placedAt"),
                CommandEndpoint.RECORD_SHIPMENT, List.of("at"));
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
}
