package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Requests that go wrong before any field is read — in the servlet container, in content negotiation, in the JSON
 * parser — still get a problem+json answer in the 4xx range, like any refused input. Each case here was found by
 * {@link CommandApiFuzzIntegrationTest}. Only the broken percent-encoding goes over a raw socket: no HTTP client
 * sends a path that is no URI.
 */
class HttpProtocolIntegrationTest extends RunningCommandService {

    private static final String JSON = "application/json";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldAnswerAnEncodedSlashInThePathWithAProblem() throws IOException {
        assertRefused(send("POST", "/api/orders/a%2Fb/cancel", "{}"), 400, "request");
    }

    @Test
    void shouldAnswerBrokenPercentEncodingInAPathParameterWithAProblem() throws IOException {
        RawHttp.Response response = raw().send(new RawHttp.Request(
                "GET", "/api/customers/;%/;%", RawHttp.headers("Content-Type", JSON), null, false));

        assertRefused(response.status(), response.contentType(), response.body(), 400, "path");
    }

    @Test
    void shouldAnswerAPathThatIsNotUtf8WithAProblem() throws IOException {
        assertRefused(send("POST", "/api/orders/%FF/cancel", "{}"), 400, "request");
    }

    @Test
    void shouldAnswerHeadersAboveTheSizeLimitWithAProblem() throws IOException {
        TestHttp.Answer response = send("POST", "/api/orders/x/cancel", "{}", "Idempotency-Key", "k".repeat(20_000));

        assertRefused(response, 400, "request");
    }

    @Test
    void shouldAnswerARequestForTheErrorPageWithNotFound() throws IOException {
        TestHttp.Answer response = send("GET", "/error", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(problem(response).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void shouldAnswerAnUnknownPathWithNotFound() {
        TestHttp.Answer response = send("POST", "/api/invoices", "{}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void shouldAnswerAnUnsupportedMethodWithMethodNotAllowed() {
        TestHttp.Answer response = send("DELETE", "/api/customers", null);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().allValues("Allow")).containsExactly("POST");
    }

    @Test
    void cannotSendAWildcardContentType() throws IOException {
        assertRefused(http().sendAs("POST", "/api/orders/x/cancel", "*/*", "{}"), 415, "Content-Type");
    }

    @Test
    void cannotSendAContentTypeWithAnUnknownCharset() throws IOException {
        assertRefused(
                http().sendAs("POST", "/api/orders/x/cancel", "application/json;charset=nope", "{}"),
                415,
                "Content-Type");
    }

    @Test
    void cannotSendMultipartForm() {
        TestHttp.Answer response = http().sendAs("POST", "/api/orders/x/cancel", "multipart/form-data", "--x--");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void cannotSendAnAcceptHeaderThatIsNoMediaType() throws IOException {
        assertRefused(send("POST", "/api/orders/x/cancel", "{}", "Accept", "garbage"), 400, "Accept");
    }

    @Test
    void cannotAcceptMoreMediaTypesThanSpringSorts() throws IOException {
        StringBuilder many = new StringBuilder("application/json");
        for (int i = 0; i < 60; i++) {
            many.append(", a/b").append(i);
        }

        assertRefused(send("POST", "/api/orders/x/cancel", "{}", "Accept", many.toString()), 400, "Accept");
    }

    @Test
    void shouldAnswerAnUnacceptableMediaTypeWithAProblemAnyway() {
        TestHttp.Answer response = send("POST", "/api/orders/x/cancel", "{}", "Accept", "text/html");

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void cannotSendJsonNullAsTheBody() throws IOException {
        assertRefused(send("POST", "/api/customers", "null"), 400, "body");
    }

    @Test
    void cannotLeaveOutARequiredBody() throws IOException {
        assertRefused(send("POST", "/api/orders/x/refunds", null), 400, "body");
    }

    @Test
    void cannotSendAnArrayForAnObject() throws IOException {
        assertRefused(send("PATCH", "/api/customers/c-1", "[]"), 400, "body");
    }

    @Test
    void cannotNestDeeperThanTheParserAllows() throws IOException {
        String deep = "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);

        TestHttp.Answer response = send("PATCH", "/api/customers/c-1", deep);

        assertRefused(response, 400, "body");
        assertThat(problem(response).toString()).contains("nesting depth");
    }

    @Test
    void cannotSendANumberLongerThanTheParserAllows() throws IOException {
        TestHttp.Answer response = send("POST", "/api/orders/x/refunds", "{\"amount\":" + "9".repeat(1001) + "}");

        assertRefused(response, 400, "body");
        assertThat(problem(response).toString()).contains("length of a number");
    }

    @Test
    void shouldAcceptAnIdempotencyKeyOf128Characters() {
        TestHttp.Answer response = send("POST", "/api/orders/x/cancel", "{}", "Idempotency-Key", "k".repeat(128));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void cannotSendAnIdempotencyKeyOf129Characters() throws IOException {
        assertRefused(
                send("POST", "/api/orders/x/cancel", "{}", "Idempotency-Key", "k".repeat(129)), 400, "Idempotency-Key");
    }

    @Test
    void cannotSendAnIdempotencyKeyWithSpaces() throws IOException {
        assertRefused(send("POST", "/api/orders/x/cancel", "{}", "Idempotency-Key", "my key"), 400, "Idempotency-Key");
    }

    @Test
    void shouldNameEveryAnswerWithARequestId() {
        String refused = requestIdOf(send("POST", "/api/orders/x/cancel", "{}"));
        String another = requestIdOf(send("POST", "/api/orders/x/cancel", "{}"));

        assertThat(refused).isNotBlank().isNotEqualTo(another);
    }

    @Test
    void shouldKeepTheCallersOwnRequestId() {
        assertThat(requestIdOf(send("POST", "/api/orders/x/cancel", "{}", "X-Request-Id", "gateway-42.a_b")))
                .isEqualTo("gateway-42.a_b");
    }

    @Test
    void shouldReplaceARequestIdThatCouldCarryAnythingElse() {
        // Not a name made of hex digits ("ada" was): a random UUID contains one of those now and then.
        assertThat(requestIdOf(send("POST", "/api/orders/x/cancel", "{}", "X-Request-Id", "grace@example.com")))
                .isNotBlank()
                .doesNotContain("grace");
    }

    private static String requestIdOf(TestHttp.Answer answer) {
        return answer.header("X-Request-Id").orElseThrow(() -> new AssertionError("no X-Request-Id: " + answer));
    }

    /** Sends with {@code Content-Type: application/json}, with a body or without one. */
    private TestHttp.Answer send(String method, String path, String body, String... headers) {
        return http().sendAs(method, path, JSON, body, headers);
    }

    private JsonNode problem(TestHttp.Answer response) throws IOException {
        return json.readTree(response.body());
    }

    private void assertRefused(TestHttp.Answer response, int status, String field) throws IOException {
        assertRefused(response.status(), response.contentType(), response.body(), status, field);
    }

    private void assertRefused(int answered, String contentType, String body, int status, String field)
            throws IOException {
        String described = answered + " " + contentType + " " + body;
        assertThat(answered).as(described).isEqualTo(status);
        assertThat(contentType).as(described).startsWith("application/problem+json");
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("status").asInt()).as(described).isEqualTo(status);
        assertThat(problem.get("errors").findValuesAsText("field"))
                .as(described)
                .contains(field);
        assertThat(body).doesNotContain("Exception", "at com.", "at org.");
    }
}
