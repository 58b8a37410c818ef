package com.customer360.command.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class UpstreamMessageReaderTest {

    private static final UpstreamSchemas SCHEMAS = new UpstreamSchemas();
    private final ObjectMapper json = new ObjectMapper();
    private final UpstreamMessageReader reader = new UpstreamMessageReader(json, SCHEMAS, 4096);

    private static InboundRecord record(byte[] value, Header... headers) {
        return new InboundRecord("upstream-order-events", 0, 7, "pos-c-42", value, List.of(headers));
    }

    private static InboundRecord record(String value, Header... headers) {
        return record(value.getBytes(StandardCharsets.UTF_8), headers);
    }

    private ObjectNode example(String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/examples/upstream/" + type + ".json")) {
            return (ObjectNode) json.readTree(in);
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void assertUnacceptable(InboundRecord record, InboundReason reason) {
        assertThatThrownBy(() -> reader.read(record))
                .isInstanceOfSatisfying(
                        UnacceptableMessage.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void shouldReadAStructuredModeMessage() throws Exception {
        UpstreamMessage message = reader.read(record(example("order.placed").toString()));

        assertThat(message.type()).isEqualTo("order.placed");
        assertThat(message.requestId()).isEqualTo("ce:urn:example:pos:arlington|pos-msg-1003");
        assertThat(message.data().get("orderId").asText()).isEqualTo("pos-o-8");
    }

    @Test
    void shouldReadABinaryModeMessage() throws Exception {
        String data = example("order.cancelled").get("data").toString();

        UpstreamMessage message = reader.read(record(
                data,
                header("ce_specversion", "1.0"),
                header("ce_id", "42"),
                header("ce_source", "urn:example:erp"),
                header("ce_type", "order.cancelled"),
                header("content-type", "application/json")));

        assertThat(message.requestId()).isEqualTo("ce:urn:example:erp|42");
        assertThat(message.data().get("reason").asText()).isEqualTo("Customer changed her mind");
    }

    @Test
    void cannotReadGarbage() {
        assertUnacceptable(record("{not json"), InboundReason.MALFORMED_JSON);
        assertUnacceptable(record(new byte[] {(byte) 0xff, 0, 1, 2}), InboundReason.MALFORMED_JSON);
        assertUnacceptable(record(""), InboundReason.NOT_A_CLOUDEVENT);
        assertUnacceptable(record("[1,2]"), InboundReason.NOT_A_CLOUDEVENT);
        assertUnacceptable(
                record("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"s\",\"type\":\"order.cancelled\"}"),
                InboundReason.NOT_A_CLOUDEVENT);
    }

    @Test
    void cannotReadAMessageWithoutItsIdentity() throws Exception {
        ObjectNode message = example("order.cancelled");
        message.remove("id");

        assertUnacceptable(record(message.toString()), InboundReason.NOT_A_CLOUDEVENT);
    }

    @Test
    void cannotReadAnUnknownType() throws Exception {
        ObjectNode message = example("order.cancelled");
        message.put("type", "order.teleported");

        assertUnacceptable(record(message.toString()), InboundReason.UNKNOWN_TYPE);
    }

    @Test
    void cannotReadDataThatBreaksTheSchema() throws Exception {
        ObjectNode message = example("order.refunded");
        ((ObjectNode) message.get("data")).put("amount", "-3");

        assertUnacceptable(record(message.toString()), InboundReason.SCHEMA_VIOLATION);
    }

    @Test
    void cannotReadBase64OrNonJsonData() throws Exception {
        ObjectNode base64 = example("order.cancelled");
        base64.remove("data");
        base64.put("data_base64", "e30=");

        assertUnacceptable(record(base64.toString()), InboundReason.NOT_A_CLOUDEVENT);
        assertUnacceptable(
                record(
                        "<xml/>",
                        header("ce_specversion", "1.0"),
                        header("ce_id", "1"),
                        header("ce_source", "s"),
                        header("ce_type", "order.cancelled"),
                        header("content-type", "application/xml")),
                InboundReason.NOT_A_CLOUDEVENT);
    }

    @Test
    void cannotReadARecordAboveTheSizeLimit() throws Exception {
        ObjectNode message = example("order.cancelled");
        ((ObjectNode) message.get("data")).put("reason", "x".repeat(5000));

        assertUnacceptable(record(message.toString()), InboundReason.TOO_LARGE);
    }
}
