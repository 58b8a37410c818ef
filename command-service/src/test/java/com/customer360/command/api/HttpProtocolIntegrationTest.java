package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests that go wrong before any field is read — in the servlet container, in content negotiation, in the JSON
 * parser — still get a problem+json answer in the 4xx range, like any refused input. Each case here was found by
 * {@link CommandApiFuzzIntegrationTest}.
 */
class HttpProtocolIntegrationTest extends RunningCommandService {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldAnswerAnEncodedSlashInThePathWithAProblem() throws IOException {
        assertProblem(send("POST", "/api/orders/a%2Fb/cancel", List.of(), "{}"), 400, "request");
    }

    @Test
    void shouldAnswerBrokenPercentEncodingInAPathParameterWithAProblem() throws IOException {
        assertProblem(send("GET", "/api/customers/;%/;%", List.of(), null), 400, "path");
    }

    @Test
    void shouldAnswerAPathThatIsNotUtf8WithAProblem() throws IOException {
        assertProblem(send("POST", "/api/orders/%FF/cancel", List.of(), "{}"), 400, "request");
    }

    @Test
    void shouldAnswerHeadersAboveTheSizeLimitWithAProblem() throws IOException {
        RawHttp.Response response =
                send("POST", "/api/orders/x/cancel", RawHttp.headers("Idempotency-Key", "k".repeat(20_000)), "{}");

        assertProblem(response, 400, "request");
    }

    @Test
    void shouldAnswerARequestForTheErrorPageWithNotFound() throws IOException {
        RawHttp.Response response = send("GET", "/error", List.of(), null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(problem(response).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void shouldAnswerAnUnknownPathWithNotFound() throws IOException {
        RawHttp.Response response = send("POST", "/api/invoices", List.of(), "{}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void shouldAnswerAnUnsupportedMethodWithMethodNotAllowed() throws IOException {
        RawHttp.Response response = send("DELETE", "/api/customers", List.of(), null);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers()).containsEntry("allow", "POST");
    }

    @Test
    void cannotSendAWildcardContentType() throws IOException {
        assertProblem(
                send("POST", "/api/orders/x/cancel", RawHttp.headers("Content-Type", "*/*"), "{}"),
                415,
                "Content-Type");
    }

    @Test
    void cannotSendAContentTypeWithAnUnknownCharset() throws IOException {
        assertProblem(
                send(
                        "POST",
                        "/api/orders/x/cancel",
                        RawHttp.headers("Content-Type", "application/json;charset=nope"),
                        "{}"),
                415,
                "Content-Type");
    }

    @Test
    void cannotSendMultipartForm() throws IOException {
        RawHttp.Response response =
                send("POST", "/api/orders/x/cancel", RawHttp.headers("Content-Type", "multipart/form-data"), "--x--");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void cannotSendAnAcceptHeaderThatIsNoMediaType() throws IOException {
        assertProblem(send("POST", "/api/orders/x/cancel", RawHttp.headers("Accept", "garbage"), "{}"), 400, "Accept");
    }

    @Test
    void cannotAcceptMoreMediaTypesThanSpringSorts() throws IOException {
        StringBuilder many = new StringBuilder("application/json");
        for (int i = 0; i < 60; i++) {
            many.append(", a/b").append(i);
        }

        assertProblem(
                send("POST", "/api/orders/x/cancel", RawHttp.headers("Accept", many.toString()), "{}"), 400, "Accept");
    }

    @Test
    void shouldAnswerAnUnacceptableMediaTypeWithAProblemAnyway() throws IOException {
        RawHttp.Response response = send("POST", "/api/orders/x/cancel", RawHttp.headers("Accept", "text/html"), "{}");

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void cannotSendJsonNullAsTheBody() throws IOException {
        assertProblem(send("POST", "/api/customers", List.of(), "null"), 400, "body");
    }

    @Test
    void cannotLeaveOutARequiredBody() throws IOException {
        assertProblem(send("POST", "/api/orders/x/refunds", List.of(), null), 400, "body");
    }

    @Test
    void cannotSendAnArrayForAnObject() throws IOException {
        assertProblem(send("PATCH", "/api/customers/c-1", List.of(), "[]"), 400, "body");
    }

    @Test
    void cannotNestDeeperThanTheParserAllows() throws IOException {
        String deep = "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);

        RawHttp.Response response = send("PATCH", "/api/customers/c-1", List.of(), deep);

        assertProblem(response, 400, "body");
        assertThat(problem(response).toString()).contains("nesting depth");
    }

    @Test
    void cannotSendANumberLongerThanTheParserAllows() throws IOException {
        RawHttp.Response response =
                send("POST", "/api/orders/x/refunds", List.of(), "{\"amount\":" + "9".repeat(1001) + "}");

        assertProblem(response, 400, "body");
        assertThat(problem(response).toString()).contains("length of a number");
    }

    @Test
    void shouldAcceptAnIdempotencyKeyOf128Characters() throws IOException {
        RawHttp.Response response =
                send("POST", "/api/orders/x/cancel", RawHttp.headers("Idempotency-Key", "k".repeat(128)), "{}");

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void cannotSendAnIdempotencyKeyOf129Characters() throws IOException {
        assertProblem(
                send("POST", "/api/orders/x/cancel", RawHttp.headers("Idempotency-Key", "k".repeat(129)), "{}"),
                400,
                "Idempotency-Key");
    }

    @Test
    void cannotSendAnIdempotencyKeyWithSpaces() throws IOException {
        assertProblem(
                send("POST", "/api/orders/x/cancel", RawHttp.headers("Idempotency-Key", "my key"), "{}"),
                400,
                "Idempotency-Key");
    }

    /** Sends with {@code Content-Type: application/json} unless the headers name another. */
    private RawHttp.Response send(String method, String target, List<Map.Entry<String, String>> headers, String body)
            throws IOException {
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(headers);
        if (headers.stream().noneMatch(header -> header.getKey().equals("Content-Type"))) {
            all.add(Map.entry("Content-Type", "application/json"));
        }
        return raw().send(new RawHttp.Request(
                method, target, all, body == null ? null : body.getBytes(StandardCharsets.UTF_8), false));
    }

    private JsonNode problem(RawHttp.Response response) throws IOException {
        return json.readTree(response.body());
    }

    private void assertProblem(RawHttp.Response response, int status, String field) throws IOException {
        String described = response.status() + " " + response.contentType() + " " + response.body();
        assertThat(response.status()).as(described).isEqualTo(status);
        assertThat(response.contentType()).as(described).startsWith("application/problem+json");
        JsonNode problem = problem(response);
        assertThat(problem.get("status").asInt()).as(described).isEqualTo(status);
        assertThat(problem.get("errors").findValuesAsText("field"))
                .as(described)
                .contains(field);
        assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.");
    }
}
