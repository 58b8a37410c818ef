package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command API's rules for text, one behaviour each: every text field accepted up to its length limit and refused
 * one character past it, at most 500 order lines, no blank names, and plain text only (no control characters nor
 * unpaired surrogates, while line breaks in a note and characters beyond the basic plane are fine).
 */
class TextValidationIntegrationTest extends InputValidationFixture {

    // ---------------------------------------------------------------- lengths

    /** Every text field with its length limit, by the request it travels in. */
    static Stream<Arguments> textLimits() {
        return Stream.of(
                Arguments.of("register", "name", 200),
                Arguments.of("register", "email", 254),
                Arguments.of("register", "customerId", 64),
                Arguments.of("register", "defaultShippingAddress.name", 200),
                Arguments.of("register", "defaultShippingAddress.line1", 200),
                Arguments.of("register", "defaultShippingAddress.line2", 200),
                Arguments.of("register", "defaultShippingAddress.city", 100),
                Arguments.of("register", "defaultShippingAddress.region", 100),
                Arguments.of("register", "defaultShippingAddress.postalCode", 20),
                Arguments.of("change", "name", 200),
                Arguments.of("change", "email", 254),
                Arguments.of("order", "orderId", 64),
                Arguments.of("order", "storeId", 64),
                Arguments.of("order", "lines[0].sku", 64),
                Arguments.of("order", "lines[0].name", 200),
                Arguments.of("order", "shippingAddress.line1", 200),
                Arguments.of("order", "shippingAddress.city", 100),
                Arguments.of("order", "shippingAddress.postalCode", 20),
                Arguments.of("refund", "refundId", 64),
                Arguments.of("refund", "reason", 500),
                Arguments.of("cancel", "reason", 500),
                Arguments.of("return", "reason", 500),
                Arguments.of("shipment", "carrier", 100),
                Arguments.of("shipment", "trackingNumber", 100),
                Arguments.of("shipment", "location", 200),
                Arguments.of("shipment", "note", 500),
                Arguments.of("address", "line1", 200),
                Arguments.of("address", "postalCode", 20));
    }

    @ParameterizedTest(name = "{0} {1} of {2} characters")
    @MethodSource("textLimits")
    void shouldAcceptTextUpToItsLimit(String endpoint, String field, int limit) {
        assertAccepted(send(endpoint, field, TextNode.valueOf(text(field, limit))));
    }

    @ParameterizedTest(name = "{0} {1} of {2} + 1 characters")
    @MethodSource("textLimits")
    void cannotSendTextLongerThanItsLimit(String endpoint, String field, int limit) {
        assertProblem(send(endpoint, field, TextNode.valueOf(text(field, limit + 1))), 400, field);
    }

    @Test
    void cannotSendMoreThan500OrderLines() {
        ArrayNode lines = json.createArrayNode();
        for (int i = 0; i < 501; i++) {
            lines.add(line("12.50"));
        }

        assertProblem(send("order", "lines", lines), 400, "lines");
    }

    @Test
    void cannotSendAnEmptyName() {
        assertProblem(send("register", "name", TextNode.valueOf("   ")), 400, "name");
    }

    // ---------------------------------------------------------------- plain text

    @Test
    void cannotSendControlCharactersInText() {
        assertProblem(send("register", "name", TextNode.valueOf("Ada\u0007")), 400, "name");
    }

    @Test
    void cannotSendAnUnpairedSurrogate() {
        assertProblem(
                http.post("/api/customers", "{\"name\":\"Ada \\ud800\",\"email\":\"ada@example.com\"}"), 400, "name");
    }

    @Test
    void cannotHideControlCharactersInANestedField() {
        assertProblem(
                send("order", "shippingAddress.city", TextNode.valueOf("Spring\u0000field")),
                400,
                "shippingAddress.city");
    }

    @Test
    void shouldAcceptLineBreaksInANote() {
        assertThat(send("shipment", "note", TextNode.valueOf("left at the door\r\nring twice\tplease"))
                        .status())
                .isEqualTo(204);
    }

    @Test
    void shouldAcceptCharactersBeyondTheBasicPlane() {
        assertThat(send("register", "name", TextNode.valueOf("Ada 😀 𝔏ovelace"))
                        .status())
                .isEqualTo(201);
    }
}
