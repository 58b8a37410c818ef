package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document lists every endpoint the service maps, each with the problems it answers, and the API page
 * serves it; springdoc's own endpoints pass through the HTTP door's hardening (media types, size limit, path
 * encoding) like every other request, and the hardening lets a browser read them.
 */
class ApiDocumentationIntegrationTest extends RunningCommandService {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final TestHttp http = http();
    private final ObjectMapper json = new ObjectMapper();

    /** Every operation with the problems it can answer with, by status. */
    private static final Map<String, List<String>> PROBLEMS = Map.ofEntries(
            Map.entry("POST /api/customers", List.of("400", "409", "413", "415", "503", "500")),
            Map.entry("PATCH /api/customers/{customerId}", List.of("400", "404", "409", "413", "415", "503", "500")),
            Map.entry("POST /api/orders", List.of("400", "409", "413", "415", "422", "503", "500")),
            Map.entry(
                    "POST /api/orders/{orderId}/place",
                    List.of("400", "404", "409", "413", "415", "422", "503", "500")),
            Map.entry(
                    "POST /api/orders/{orderId}/cancel",
                    List.of("400", "404", "409", "413", "415", "422", "503", "500")),
            Map.entry(
                    "POST /api/orders/{orderId}/refunds",
                    List.of("400", "404", "409", "413", "415", "422", "503", "500")),
            Map.entry(
                    "POST /api/orders/{orderId}/return",
                    List.of("400", "404", "409", "413", "415", "422", "503", "500")),
            Map.entry(
                    "POST /api/orders/{orderId}/shipment-updates",
                    List.of("400", "404", "409", "413", "415", "422", "503", "500")),
            Map.entry(
                    "PUT /api/orders/{orderId}/shipping-address",
                    List.of("400", "404", "409", "413", "415", "422", "503", "500")),
            Map.entry("GET /api/admin/inbound/waiting", List.of("400", "500")),
            Map.entry("GET /api/admin/audit", List.of("400", "503", "500")),
            Map.entry("POST /api/admin/inbound/dead-letters/redrive", List.of("400", "503", "500")),
            Map.entry("POST /api/admin/relay/republish", List.of("400", "413", "415", "422", "503", "500")));

    @Test
    void shouldDescribeEveryEndpointTheServiceMaps() {
        assertThat(documentedOperations().keySet()).containsExactlyInAnyOrderElementsOf(mappedOperations());
        assertThat(PROBLEMS.keySet()).containsExactlyInAnyOrderElementsOf(mappedOperations());
    }

    @Test
    void shouldDescribeEveryOperationWithTheProblemsItAnswers() {
        Map<String, JsonNode> operations = documentedOperations();
        for (Map.Entry<String, List<String>> expected : PROBLEMS.entrySet()) {
            JsonNode responses = operations.get(expected.getKey()).path("responses");
            for (String status : expected.getValue()) {
                assertThat(responses.path(status).path("content").has("application/problem+json"))
                        .as(expected.getKey() + " answers " + status + " with a problem")
                        .isTrue();
            }
            List<String> problems = new ArrayList<>();
            responses.fieldNames().forEachRemaining(status -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    problems.add(status);
                }
            });
            assertThat(problems).as(expected.getKey()).containsExactlyInAnyOrderElementsOf(expected.getValue());
            responses.forEach(response -> assertThat(response.path("headers").has("X-Request-Id"))
                    .as(expected.getKey())
                    .isTrue());
        }
        JsonNode error = api().path("components")
                .path("schemas")
                .path("Problem")
                .path("properties")
                .path("errors")
                .path("items")
                .path("properties");
        assertThat(error.path("field").path("type").asText()).isEqualTo("string");
        assertThat(error.path("reason").path("type").asText()).isEqualTo("string");
        assertThat(api().at("/components/schemas/Problem/properties/status/type")
                        .asText())
                .isEqualTo("integer");
    }

    @Test
    void shouldDescribeTheSuccessAndTheBodyOfEachCommand() {
        Map<String, JsonNode> operations = documentedOperations();

        assertThat(operations.get("POST /api/customers").path("responses").has("201"))
                .isTrue();
        assertThat(operations
                        .get("POST /api/orders/{orderId}/refunds")
                        .path("responses")
                        .has("204"))
                .isTrue();
        assertThat(operations
                        .get("POST /api/orders")
                        .path("requestBody")
                        .path("content")
                        .has("application/json"))
                .isTrue();
        assertThat(operations
                        .get("POST /api/orders/{orderId}/refunds")
                        .path("parameters")
                        .findValuesAsText("name"))
                .contains("orderId", "Idempotency-Key");
        JsonNode schemas = api().path("components").path("schemas");
        assertThat(operations
                        .get("PATCH /api/customers/{customerId}")
                        .path("requestBody")
                        .findValuesAsText("$ref"))
                .containsOnly("#/components/schemas/CustomerDetailsPatch");
        assertThat(schemas.path("CustomerDetailsPatch").path("properties").has("email"))
                .isTrue();
        assertThat(schemas.path("LineInput")
                        .path("properties")
                        .path("unitPrice")
                        .path("type")
                        .asText())
                .isEqualTo("string");
        assertThat(schemas.path("Refund")
                        .path("properties")
                        .path("amount")
                        .path("example")
                        .asText())
                .isEqualTo("12.50");
    }

    @Test
    void shouldServeTheInteractiveApiPageToABrowser() {
        TestHttp.Answer page = http.get("/swagger-ui/index.html", "Accept", BROWSER_ACCEPT);
        TestHttp.Answer configuration = http.get("/v3/api-docs/swagger-config", "Accept", "application/json");
        TestHttp.Answer document = http.get("/v3/api-docs", "Accept", BROWSER_ACCEPT);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("swagger");
        assertThat(configuration.status()).as(configuration.body()).isEqualTo(200);
        assertThat(configuration.json().path("url").asText()).isEqualTo("/v3/api-docs");
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        assertThat(http.get("/swagger-ui/swagger-initializer.js").status()).isEqualTo(200);
        assertThat(http.get("/swagger-ui.html").status()).isEqualTo(302);
    }

    @Test
    void shouldRefuseWhatTheHardeningRefusesOnTheDocumentationToo() throws IOException {
        assertProblem(http.get("/v3/api-docs", "Accept", "garbage"), 400, "Accept");
        assertProblem(http.sendAs("GET", "/v3/api-docs", "*/*", "{}"), 415, "Content-Type");
        assertProblem(http.sendAs("POST", "/v3/api-docs", "application/json", " ".repeat(300 * 1024)), 413, "body");
        RawHttp.Response broken =
                raw().send(new RawHttp.Request("GET", "/swagger-ui/index.html;%", RawHttp.headers(), null, false));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.contentType()).startsWith("application/problem+json");
        assertThat(json.readTree(broken.body()).path("errors").findValuesAsText("field"))
                .contains("path");
    }

    @Test
    void shouldAnswerWhatTheDocumentationDoesNotServeWithAProblem() {
        TestHttp.Answer missing = http.get("/swagger-ui/no-such-file.js");
        TestHttp.Answer wrongMethod = http.delete("/v3/api-docs");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
    }

    private JsonNode api() {
        TestHttp.Answer answer = http.get("/v3/api-docs");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** "METHOD /path" of every operation in the document. */
    private Map<String, JsonNode> documentedOperations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        api().path("paths").fields().forEachRemaining(path -> path.getValue()
                .fields()
                .forEachRemaining(operation -> operations.put(
                        operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue())));
        return operations;
    }

    /** "METHOD /path" of every mapping of the service's own controllers under /api. */
    private static TreeSet<String> mappedOperations() {
        TreeSet<String> operations = new TreeSet<>();
        service()
                .bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods()
                .keySet()
                .forEach(mapping -> mapping.getPatternValues().stream()
                        .filter(path -> path.startsWith("/api/"))
                        .forEach(path -> mapping.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> operations.add(method + " " + path))));
        return operations;
    }
}
