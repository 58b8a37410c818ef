package com.customer360.command.inbound;

import com.customer360.events.upstream.UpstreamMessageTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The published JSON Schemas of the upstream messages' data, loaded once from the contract module, so that what a
 * non-Java producer validates against is exactly what is enforced here.
 */
final class UpstreamSchemas {

    private static final int REPORTED = 5;

    private final Map<String, JsonSchema> byType;

    UpstreamSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(m ->
                        m.mapPrefix(UpstreamMessageTypes.SCHEMA_BASE, UpstreamMessageTypes.schemaClasspathRoot())));
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        this.byType = UpstreamMessageTypes.all().stream()
                .collect(Collectors.toMap(
                        Function.identity(),
                        type -> factory.getSchema(SchemaLocation.of(UpstreamMessageTypes.dataSchema(type)), config)));
    }

    boolean knows(String type) {
        return byType.containsKey(type);
    }

    /** The schema's complaints about the data, worst first, at most a few; empty when it conforms. */
    List<String> violations(String type, JsonNode data) {
        Set<ValidationMessage> messages = byType.get(type).validate(data);
        return messages.stream()
                .sorted(Comparator.comparing(m -> m.getInstanceLocation().toString()))
                .limit(REPORTED)
                .map(ValidationMessage::getMessage)
                .toList();
    }
}
