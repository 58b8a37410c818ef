package com.customer360.command.inbound;

import static com.customer360.command.inbound.InboundReason.MALFORMED_JSON;
import static com.customer360.command.inbound.InboundReason.NOT_A_CLOUDEVENT;
import static com.customer360.command.inbound.InboundReason.SCHEMA_VIOLATION;
import static com.customer360.command.inbound.InboundReason.TOO_LARGE;
import static com.customer360.command.inbound.InboundReason.UNKNOWN_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;

/**
 * Reads a record of the inbound topic as a CloudEvent, in structured mode (the record value is the CloudEvents
 * JSON document) or binary mode ({@code ce_*} headers carry the attributes, the value is the data), and checks its
 * data against the type's published schema.
 */
final class UpstreamMessageReader {

    private static final String BINARY_PREFIX = "ce_";

    private final ObjectMapper json;
    private final UpstreamSchemas schemas;
    private final long maxBytes;

    UpstreamMessageReader(ObjectMapper json, UpstreamSchemas schemas, long maxBytes) {
        this.json = json;
        this.schemas = schemas;
        this.maxBytes = maxBytes;
    }

    UpstreamMessage read(InboundRecord record) throws UnacceptableMessage {
        byte[] value = record.value();
        if (value == null || value.length == 0) {
            throw new UnacceptableMessage(NOT_A_CLOUDEVENT, "the record has no value");
        }
        if (value.length > maxBytes) {
            throw new UnacceptableMessage(
                    TOO_LARGE, "the record has " + value.length + " bytes, more than the limit of " + maxBytes);
        }
        UpstreamMessage message =
                record.header(BINARY_PREFIX + "specversion") != null ? binary(record, value) : structured(value);
        if (!schemas.knows(message.type())) {
            throw new UnacceptableMessage(UNKNOWN_TYPE, "unknown type '" + message.type() + "'");
        }
        List<String> violations = schemas.violations(message.type(), message.data());
        if (!violations.isEmpty()) {
            throw new UnacceptableMessage(SCHEMA_VIOLATION, String.join("; ", violations));
        }
        return message;
    }

    private UpstreamMessage structured(byte[] value) throws UnacceptableMessage {
        JsonNode event = parse(value);
        if (!event.isObject()) {
            throw new UnacceptableMessage(NOT_A_CLOUDEVENT, "the value is not a CloudEvents JSON object");
        }
        specVersion(
                event.path("specversion").isTextual() ? event.get("specversion").asText() : null);
        if (event.has("data_base64")) {
            throw new UnacceptableMessage(NOT_A_CLOUDEVENT, "data_base64 is not supported; send JSON data");
        }
        contentType(
                event.path("datacontenttype").isTextual()
                        ? event.get("datacontenttype").asText()
                        : null);
        return new UpstreamMessage(
                attribute(event, "source"), attribute(event, "id"), attribute(event, "type"), data(event.get("data")));
    }

    private UpstreamMessage binary(InboundRecord record, byte[] value) throws UnacceptableMessage {
        specVersion(text(record.header(BINARY_PREFIX + "specversion")));
        contentType(text(record.header("content-type")));
        return new UpstreamMessage(
                required(record, "source"), required(record, "id"), required(record, "type"), data(parse(value)));
    }

    private JsonNode parse(byte[] value) throws UnacceptableMessage {
        try {
            return json.readTree(value);
        } catch (IOException | RuntimeException e) {
            throw new UnacceptableMessage(MALFORMED_JSON, "the value is not valid JSON");
        }
    }

    private static void specVersion(String version) throws UnacceptableMessage {
        if (!"1.0".equals(version)) {
            throw new UnacceptableMessage(NOT_A_CLOUDEVENT, "specversion must be \"1.0\"");
        }
    }

    private static void contentType(String contentType) throws UnacceptableMessage {
        if (contentType != null && !contentType.toLowerCase().startsWith("application/json")) {
            throw new UnacceptableMessage(
                    NOT_A_CLOUDEVENT, "the data must be application/json, not '" + contentType + "'");
        }
    }

    private static String attribute(JsonNode event, String name) throws UnacceptableMessage {
        JsonNode value = event.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new UnacceptableMessage(NOT_A_CLOUDEVENT, "the attribute '" + name + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static String required(InboundRecord record, String name) throws UnacceptableMessage {
        String value = text(record.header(BINARY_PREFIX + name));
        if (value == null || value.isBlank()) {
            throw new UnacceptableMessage(NOT_A_CLOUDEVENT, "the header 'ce_" + name + "' must be present");
        }
        return value;
    }

    private static ObjectNode data(JsonNode data) throws UnacceptableMessage {
        if (data == null || !data.isObject()) {
            throw new UnacceptableMessage(NOT_A_CLOUDEVENT, "data must be a JSON object");
        }
        return (ObjectNode) data;
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
