package com.customer360.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.upstream.UpstreamMessageTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UpstreamContractTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(
                    m -> m.mapPrefix(UpstreamMessageTypes.SCHEMA_BASE, UpstreamMessageTypes.schemaClasspathRoot())));
    private static final SchemaValidatorsConfig FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final ObjectMapper json = new ObjectMapper();

    static java.util.List<String> types() {
        return UpstreamMessageTypes.all();
    }

    private static JsonSchema schema(String location) {
        return SCHEMAS.getSchema(SchemaLocation.of(location), FORMATS);
    }

    private JsonNode example(String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/examples/upstream/" + type + ".json")) {
            assertThat(in).as("example for " + type).isNotNull();
            return json.readTree(in);
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyUpstreamExampleFollowsTheEnvelopeAndItsDataSchema(String type) throws IOException {
        JsonNode example = example(type);

        assertThat(example.get("type").asText()).isEqualTo(type);
        assertThat(schema(UpstreamMessageTypes.SCHEMA_BASE + "upstream/cloudevent.v1.schema.json")
                        .validate(example))
                .isEmpty();
        assertThat(schema(UpstreamMessageTypes.dataSchema(type)).validate(example.get("data")))
                .isEmpty();
    }

    @Test
    void aPlacedMessageMayAlsoJustPlaceADraft() {
        ObjectNode placeDraft =
                json.createObjectNode().put("orderId", "pos-o-7").put("placedAt", "2026-11-21T10:00:00Z");

        assertThat(schema(UpstreamMessageTypes.dataSchema("order.placed")).validate(placeDraft))
                .isEmpty();
    }

    @Test
    void theDataSchemasRejectUnknownFieldsAndBadValues() throws IOException {
        ObjectNode data = (ObjectNode) example("order.refunded").get("data");
        data.put("amount", "-1.00");
        data.put("colour", "red");

        assertThat(schema(UpstreamMessageTypes.dataSchema("order.refunded")).validate(data))
                .extracting(message -> message.getMessage())
                .hasSizeGreaterThanOrEqualTo(2);
    }
}
