package com.customer360.command.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the command API ({@code /v3/api-docs}, interactive at {@code /swagger-ui/index.html}).
 * Springdoc describes the operations from the controllers; this adds what it cannot see, the refusals, which come from
 * the HTTP door's filters and exception handlers rather than from the controllers' signatures. Every operation lists
 * the problems it can answer with as {@code application/problem+json}, by what the operation takes: 400 for anything
 * invalid (a field, a path id, a header), 404 when it names a customer or order in the path, 409 for a command
 * (another record under the same id, an Idempotency-Key reused with other content, a record others kept changing),
 * 413 and 415 when it takes a body, 422 where business rules decide, 503 while the event store or Kafka it needs
 * cannot be reached, and 500.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String MERGE_PATCH = "CustomerDetailsPatch";
    private static final List<String> MONEY = List.of("unitPrice", "total", "amount");

    /** The operations whose outcome business rules decide: the order lifecycle and the size of a re-publishing. */
    private static final List<String> RULED = List.of("/api/orders", "/api/admin/relay/republish");

    /** Answered from memory, whatever the store and the broker do. */
    private static final List<String> IN_MEMORY = List.of("/api/admin/inbound/waiting");

    @Bean
    OpenAPI commandApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Customer 360 command API")
                        .version("1")
                        .description("Customer and order facts from order systems, validated by the aggregates and "
                                + "recorded as events, and the operators' inbound and relay repairs. Money is a "
                                + "decimal string with the currency's digits next to an ISO 4217 currency; times are "
                                + "RFC 3339. A request may carry an Idempotency-Key: sent again with the same key and "
                                + "content it is carried out once. Every answer names its request in X-Request-Id."));
    }

    @Bean
    OpenApiCustomizer problemsOfEveryOperation() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation)));
            api.getComponents().getSchemas().values().forEach(ApiDocumentation::moneyAsDecimalStrings);
            describeTheMergePatch(api);
        };
    }

    /**
     * Amounts are read as {@code BigDecimal}, which springdoc shows as a number; callers should send the decimal
     * string of the contract (a JSON number is taken exactly too).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void moneyAsDecimalStrings(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        for (String name : MONEY) {
            Schema property = properties.get(name);
            if (property != null && isNumber(property)) {
                properties.put(
                        name,
                        typed("string")
                                .pattern("^[0-9]+(\\.[0-9]+)?$")
                                .description("a decimal string with the currency's minor digits, such as \"12.50\" "
                                        + "(JPY \"1500\"); at most 15 digits before the point")
                                .example("12.50"));
            }
        }
    }

    /**
     * The PATCH body is read as a JSON tree, to tell a field left out from one set to {@code null}; springdoc can only
     * call it an object. It is the registration's contact details, each optional.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describeTheMergePatch(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        PathItem item = api.getPaths().get("/api/customers/{customerId}");
        Schema registration = schemas.get("RegisterCustomerRequest");
        if (item == null
                || item.getPatch() == null
                || item.getPatch().getRequestBody() == null
                || registration == null) {
            return;
        }
        Schema patch = typed("object")
                .description("A JSON merge patch (RFC 7396) of the contact details: a field left out stays, null "
                        + "clears the phone or the default shipping address, any other value replaces the old one");
        ((Map<String, Schema>) registration.getProperties()).forEach((name, property) -> {
            if (!name.equals("customerId")) {
                patch.addProperty(name, property);
            }
        });
        schemas.put(MERGE_PATCH, patch);
        item.getPatch()
                .getRequestBody()
                .getContent()
                .values()
                .forEach(media -> media.setSchema(new Schema<>().$ref("#/components/schemas/" + MERGE_PATCH)));
        schemas.remove("JsonNode");
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        responses.addApiResponse(
                "400",
                problem("The request is invalid: a body field, an id in the path, the Accept or Idempotency-Key "
                        + "header, or the request as a whole; `errors` names each field and why."));
        if (path.contains("{")) {
            responses.addApiResponse("404", problem("No customer or order is known under the id in the path."));
        }
        if (isCommand(operation)) {
            responses.addApiResponse(
                    "409",
                    problem("Another record under the same id, or the same Idempotency-Key with other content; or "
                            + "others kept changing the record at the same moment, when the same request again will "
                            + "do."));
        }
        if (operation.getRequestBody() != null) {
            responses.addApiResponse(
                    "413", problem("The body is larger than the limit (customer360.http.max-request-size)."));
            responses.addApiResponse("415", problem("The body is not JSON (Content-Type)."));
        }
        if (method != PathItem.HttpMethod.GET && RULED.stream().anyMatch(path::startsWith)) {
            responses.addApiResponse(
                    "422",
                    problem("A business rule refuses it; `errors` names the field: `status` for a transition the "
                            + "order is not in a state for, `amount` for a refund above what remains, `total` for a "
                            + "total that is not the sum of the lines, `customerId` for an unknown customer, `to` "
                            + "for a range of more events than may be re-published at once."));
        }
        if (!IN_MEMORY.contains(path)) {
            responses.addApiResponse(
                    "503",
                    problem(
                            "The event store or Kafka cannot be reached right now; the same request again (with the same "
                                    + "Idempotency-Key) is safe."));
        }
        responses.addApiResponse("500", problem("The request could not be completed; it is safe to send it again."));
        responses.values().forEach(ApiDocumentation::namedByRequestId);
    }

    private static boolean isCommand(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(parameter -> RequestIds.HEADER.equalsIgnoreCase(parameter.getName()));
    }

    private static void namedByRequestId(ApiResponse response) {
        response.addHeaderObject(
                RequestLogging.HEADER,
                new Header()
                        .description("Names the request in the service's log: the caller's own id if it sent one "
                                + "of 1-64 letters, digits, '.', '_' or '-', a new one otherwise.")
                        .schema(typed("string")));
    }

    /** A schema of the type, as OpenAPI 3.1 (springdoc's default) writes it: {@code type} alone is left out there. */
    @SuppressWarnings("rawtypes")
    private static Schema typed(String type) {
        return new Schema<>().type(type).types(Set.of(type));
    }

    @SuppressWarnings("rawtypes")
    private static boolean isNumber(Schema schema) {
        return "number".equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().contains("number"));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Schema error = typed("object")
                .addProperty("field", typed("string").description("the body field, path id or header"))
                .addProperty("reason", typed("string"))
                .required(List.of("field", "reason"));
        return typed("object")
                .description("RFC 9457 problem details; `errors` for invalid input and broken rules")
                .addProperty("type", typed("string").format("uri"))
                .addProperty("title", typed("string"))
                .addProperty("status", typed("integer"))
                .addProperty("detail", typed("string"))
                .addProperty("instance", typed("string"))
                .addProperty("errors", typed("array").items(error))
                .required(List.of("type", "title", "status"))
                .example(Map.of(
                        "type", "https://customer360.example/problems/invalid-input",
                        "title", "Invalid input",
                        "status", 400,
                        "detail", "email must be an email address such as name@example.com",
                        "errors",
                                List.of(Map.of(
                                        "field",
                                        "email",
                                        "reason",
                                        "must be an email address such as name@example.com"))));
    }
}
