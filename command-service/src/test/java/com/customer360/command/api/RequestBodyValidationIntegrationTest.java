package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The command API's rules for a request body as a whole, one behaviour each: the body size limit, whether the length
 * is declared or the body streamed in chunks, and unknown fields.
 *
 * <p>Unknown fields are refused, not ignored, and the refusal names the field: a caller's typo ({@code "emial"},
 * {@code "shippingAdress"}) must never drop data silently.
 */
class RequestBodyValidationIntegrationTest extends InputValidationFixture {

    private static final int MAX_BODY_BYTES = 256 * 1024;

    // ---------------------------------------------------------------- body size

    @Test
    void shouldAcceptABodyOfExactlyTheSizeLimit() {
        String body = validBody("register").toString();
        String padded = body.replaceFirst("\\{", "{" + " ".repeat(MAX_BODY_BYTES - utf8Length(body)));

        assertThat(utf8Length(padded)).isEqualTo(MAX_BODY_BYTES);
        assertThat(http.post("/api/customers", padded).status()).isEqualTo(201);
    }

    @Test
    void cannotSendABodyOneByteOverTheSizeLimit() {
        String body = validBody("register").toString();
        String padded = body.replaceFirst("\\{", "{" + " ".repeat(MAX_BODY_BYTES + 1 - utf8Length(body)));

        assertProblem(http.post("/api/customers", padded), 413, "body");
    }

    @Test
    void cannotStreamAChunkedBodyOverTheSizeLimit() throws Exception {
        byte[] body = ("{\"name\":\"" + "x".repeat(MAX_BODY_BYTES) + "\",\"email\":\"ada@example.com\"}")
                .getBytes(StandardCharsets.UTF_8);

        RawHttp.Response response = raw().send(new RawHttp.Request(
                "POST", "/api/customers", RawHttp.headers("Content-Type", "application/json"), body, true));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field"))
                .containsExactly("body");
    }

    // ---------------------------------------------------------------- unknown fields

    @Test
    void cannotSendAnUnknownFieldInANestedObject() {
        assertProblem(send("order", "shippingAddress.zip", TextNode.valueOf("12345")), 400, "shippingAddress.zip");
    }

    @Test
    void cannotSendAnUnknownFieldInAnOrderLine() {
        assertProblem(send("order", "lines[0].colour", TextNode.valueOf("red")), 400, "lines[0].colour");
    }

    @Test
    void cannotChangeAnUnknownField() {
        assertProblem(send("change", "nickname", TextNode.valueOf("Ada")), 400, "nickname");
    }

    @Test
    void cannotMisspellAFieldOfARefund() {
        assertProblem(send("refund", "ammount", TextNode.valueOf("1.00")), 400, "ammount");
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
