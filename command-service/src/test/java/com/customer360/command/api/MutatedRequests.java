package com.customer360.command.api;

import static com.customer360.command.api.Generator.frequency;
import static com.customer360.command.api.Generator.ints;
import static com.customer360.command.api.Generator.of;
import static com.customer360.command.api.Generator.range;
import static com.customer360.command.api.Generator.strings;
import static com.customer360.command.api.Generator.weight;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    static Generator<RawHttp.Request> mutated() {
        Generator<Mutation> mutation = frequency(
                weight(7, of(Mutation.REPLACE)),
                weight(2, of(Mutation.REMOVE)),
                weight(1, of(Mutation.ADD_UNKNOWN_FIELD)));
        return random -> {
            CommandEndpoint endpoint = of(CommandEndpoint.values()).next(random);
            String id = validPathId(endpoint).next(random);
            ObjectNode body = validBody(endpoint).next(random);
            List<Slot> slots = slots(body, mutation.next(random));
            Slot slot = slots.get(ints(0, 999).next(random) % slots.size());
            slot.apply().run();
            String edge = EdgeValues.forField(slot.field()).next(random);
            return json(endpoint.method, endpoint.path(id), fill(body.toString(), edge));
        };
    }

    /**
     * Valid bodies with one amount, quantity or time at an edge, with or without an idempotency key: these are the
     * values that are computed on (digits, sums, fingerprints, clock comparisons), so they get a test of their own.
     */
    static Generator<RawHttp.Request> numbersAndTimes() {
        Map<CommandEndpoint, List<String>> fields = new EnumMap<>(Map.of(
                CommandEndpoint.CREATE_ORDER, List.of("lines.0.unitPrice", "lines.0.quantity", "total", "placedAt"),
                CommandEndpoint.REFUND_ORDER, List.of("amount"),
                CommandEndpoint.PLACE_ORDER, List.of("placedAt"),
                CommandEndpoint.RECORD_SHIPMENT, List.of("at")));
        Generator<String> key = strings(range('a', 'z'), 12, 12).orNull(0.5);
        return random -> {
            CommandEndpoint endpoint = of(List.copyOf(fields.keySet())).next(random);
            String id = validPathId(endpoint).next(random);
            ObjectNode body = validBody(endpoint).next(random);
            String[] steps = of(fields.get(endpoint)).next(random).split("\\.");
            String idempotencyKey = key.next(random);
            JsonNode parent = body;
            for (int i = 0; i < steps.length - 1; i++) {
                parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
            }
            String field = steps[steps.length - 1];
            ((ObjectNode) parent).put(field, PLACEHOLDER);
            body.remove("draft");
            String edge = EdgeValues.forField(field).next(random);
            return new RawHttp.Request(
                    endpoint.method,
                    endpoint.path(id),
                    idempotencyKey == null
                            ? RawHttp.headers("Content-Type", "application/json")
                            : RawHttp.headers("Content-Type", "application/json", "Idempotency-Key", idempotencyKey),
                    fill(body.toString(), edge).getBytes(StandardCharsets.UTF_8),
                    false);
        };
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
