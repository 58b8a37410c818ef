package com.customer360.events.cloudevents;

import static com.customer360.events.cloudevents.UnreadableEventException.Reason.INVALID_DATA;
import static com.customer360.events.cloudevents.UnreadableEventException.Reason.MALFORMED_JSON;
import static com.customer360.events.cloudevents.UnreadableEventException.Reason.NOT_A_CLOUDEVENT;
import static com.customer360.events.cloudevents.UnreadableEventException.Reason.UNKNOWN_TYPE;
import static com.customer360.events.cloudevents.UnreadableEventException.Reason.UNSUPPORTED_REVISION;

import com.customer360.events.DomainEvent;
import com.customer360.events.EventCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Writes and reads events as CloudEvents 1.0 JSON (structured mode). Besides the required attributes, each event
 * carries the extensions {@code aggregatetype}, {@code aggregateid}, {@code aggregateseq} and {@code datarevision}.
 */
public final class CloudEventCodec {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private final ObjectMapper json;

    public CloudEventCodec() {
        this(EventJson.mapper());
    }

    public CloudEventCodec(ObjectMapper json) {
        this.json = json;
    }

    public byte[] encode(EventEnvelope envelope) {
        ObjectNode node = json.createObjectNode();
        node.put("specversion", "1.0");
        node.put("id", envelope.id());
        node.put("source", envelope.source());
        node.put("type", envelope.type());
        node.put("subject", envelope.aggregateId());
        node.put("time", envelope.time().toString());
        node.put("datacontenttype", "application/json");
        node.put("aggregatetype", envelope.aggregateType());
        node.put("aggregateid", envelope.aggregateId());
        node.put("aggregateseq", envelope.aggregateSequence());
        node.put("datarevision", envelope.revision());
        node.set("data", json.valueToTree(envelope.event()));
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EventEnvelope decode(byte[] bytes) throws UnreadableEventException {
        JsonNode node = parse(bytes);
        if (!node.isObject() || !"1.0".equals(node.path("specversion").asText(null))) {
            throw new UnreadableEventException(NOT_A_CLOUDEVENT, "not a CloudEvents 1.0 JSON object");
        }
        String id = requiredText(node, "id");
        String source = requiredText(node, "source");
        String typeName = requiredText(node, "type");
        Instant time = requiredTime(node);
        Class<? extends DomainEvent> type = EventCatalog.byName(typeName)
                .orElseThrow(() -> new UnreadableEventException(UNKNOWN_TYPE, "unknown event type '" + typeName + "'"));
        int revision = node.path("datarevision").asInt(1);
        int supported = EventCatalog.typeOf(type).revision();
        if (revision < 1 || revision > supported) {
            throw new UnreadableEventException(
                    UNSUPPORTED_REVISION,
                    typeName + " revision " + revision + " is not readable here (up to " + supported + ")");
        }
        JsonNode sequence = node.get("aggregateseq");
        if (sequence == null || !sequence.canConvertToLong() || sequence.asLong() < 0) {
            throw new UnreadableEventException(NOT_A_CLOUDEVENT, "aggregateseq must be a non-negative integer");
        }
        DomainEvent event = data(node.get("data"), type);
        EventEnvelope envelope = new EventEnvelope(id, source, time, sequence.asLong(), event);
        String aggregateId = node.path("aggregateid").asText(envelope.aggregateId());
        if (!aggregateId.equals(envelope.aggregateId())) {
            throw new UnreadableEventException(INVALID_DATA, "aggregateid does not match the event's data");
        }
        return envelope;
    }

    private JsonNode parse(byte[] bytes) throws UnreadableEventException {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableEventException(MALFORMED_JSON, "empty record");
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UnreadableEventException(MALFORMED_JSON, "not valid JSON: " + firstLine(e));
        }
    }

    private DomainEvent data(JsonNode data, Class<? extends DomainEvent> type) throws UnreadableEventException {
        if (data == null || !data.isObject()) {
            throw new UnreadableEventException(INVALID_DATA, "data must be a JSON object");
        }
        try {
            return json.treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEventException(
                    INVALID_DATA, "data is not a valid " + type.getSimpleName() + ": " + firstLine(e));
        }
    }

    private static String requiredText(JsonNode node, String field) throws UnreadableEventException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new UnreadableEventException(NOT_A_CLOUDEVENT, "'" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static Instant requiredTime(JsonNode node) throws UnreadableEventException {
        String text = requiredText(node, "time");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException(NOT_A_CLOUDEVENT, "'time' must be an RFC 3339 timestamp");
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
