package com.customer360.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customer360.events.cloudevents.CloudEventCodec;
import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.cloudevents.EventJson;
import com.customer360.events.cloudevents.UnreadableEventException;
import com.customer360.events.cloudevents.UnreadableEventException.Reason;
import com.customer360.events.order.OrderPlaced;
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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContractTest {

    private static final String SCHEMAS = "https://customer360.example/schemas/";
    private static final JsonSchemaFactory SCHEMA_FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMAS, "classpath:schemas/")));
    private static final SchemaValidatorsConfig STRICT_FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final ObjectMapper json = EventJson.mapper();
    private final CloudEventCodec codec = new CloudEventCodec();

    static Stream<String> typeNames() {
        return EventCatalog.events().stream()
                .map(type -> EventCatalog.typeOf(type).name());
    }

    @ParameterizedTest
    @MethodSource("typeNames")
    void everyExampleFollowsTheEnvelopeAndDataSchemas(String type) throws IOException {
        JsonNode example = example(type);

        assertThat(schema("events/cloudevent.v1.schema.json").validate(example)).isEmpty();
        assertThat(schema("events/" + type + ".v1.schema.json").validate(example.get("data")))
                .isEmpty();
        assertThat(example.get("type").asText()).isEqualTo(type);
    }

    @ParameterizedTest
    @MethodSource("typeNames")
    void everyExampleReadsAsItsRecordAndWritesBackTheSameJson(String type) throws Exception {
        JsonNode example = example(type);

        EventEnvelope envelope = codec.decode(json.writeValueAsBytes(example));

        assertThat(envelope.type()).isEqualTo(type);
        assertThat(json.readTree(codec.encode(envelope))).isEqualTo(example);
    }

    @Test
    void theSchemasRejectWhatTheContractForbids() throws IOException {
        ObjectNode data = (ObjectNode) example("order.placed").get("data");
        data.put("currency", "pounds");
        data.put("total", 43.95);
        ((ObjectNode) data.get("shippingAddress")).remove("country");

        assertThat(schema("events/order.placed.v1.schema.json").validate(data))
                .extracting(message -> message.getInstanceLocation().toString())
                .contains("/currency", "/total", "/shippingAddress");
    }

    @Test
    void moneyTravelsAsExactDecimalStrings() throws Exception {
        EventEnvelope envelope = codec.decode(json.writeValueAsBytes(example("order.placed")));
        OrderPlaced placed = (OrderPlaced) envelope.event();

        assertThat(placed.total()).isEqualByComparingTo(new BigDecimal("43.95"));
        assertThat(placed.lines().get(0).lineTotal()).isEqualByComparingTo(new BigDecimal("25.00"));
        assertThat(json.readTree(codec.encode(envelope)).at("/data/total").isTextual())
                .isTrue();
    }

    @Test
    void cannotReadGarbage() {
        assertReason("not json at all", Reason.MALFORMED_JSON);
        assertReason("", Reason.MALFORMED_JSON);
        assertReason("[1,2,3]", Reason.NOT_A_CLOUDEVENT);
        assertReason("{\"specversion\":\"1.0\",\"id\":\"x\"}", Reason.NOT_A_CLOUDEVENT);
    }

    @Test
    void cannotReadAnUnknownTypeOrAFutureRevision() throws IOException {
        ObjectNode unknown = (ObjectNode) example("order.placed");
        unknown.put("type", "order.teleported");
        ObjectNode future = (ObjectNode) example("order.placed");
        future.put("datarevision", 99);

        assertReason(unknown.toString(), Reason.UNKNOWN_TYPE);
        assertReason(future.toString(), Reason.UNSUPPORTED_REVISION);
    }

    @Test
    void cannotReadDataThatMissesARequiredFieldOrNamesAnotherAggregate() throws IOException {
        ObjectNode missing = (ObjectNode) example("order.placed");
        ((ObjectNode) missing.get("data")).remove("customerId");
        ObjectNode mismatched = (ObjectNode) example("order.placed");
        mismatched.put("aggregateid", "o-other");

        assertReason(missing.toString(), Reason.INVALID_DATA);
        assertReason(mismatched.toString(), Reason.INVALID_DATA);
    }

    private void assertReason(String record, Reason reason) {
        assertThatThrownBy(() -> codec.decode(record.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UnreadableEventException.class, e -> assertThat(e.reason())
                        .isEqualTo(reason));
    }

    private JsonNode example(String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/examples/events/" + type + ".json")) {
            assertThat(in).as("example for " + type).isNotNull();
            return json.readTree(in);
        }
    }

    private static JsonSchema schema(String path) {
        return SCHEMA_FACTORY.getSchema(SchemaLocation.of(SCHEMAS + path), STRICT_FORMATS);
    }
}
