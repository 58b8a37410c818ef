package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command API's rules for text, one behaviour each: every text field accepted up to its length limit and refused
 * one character past it, at most 500 order lines, no blank names, and plain text only (no control characters nor
 * unpaired surrogates, while line breaks in a note and characters beyond the basic plane are fine).
 */
class TextValidationIntegrationTest extends InputValidationFixture {

    // ---------------------------------------------------------------- lengths

    @ParameterizedTest(name = "{0} {1} of {2} characters")
    @CsvSource({
        "register, name, 200",
        "register, email, 254",
        "register, customerId, 64",
        "register, defaultShippingAddress.name, 200",
        "register, defaultShippingAddress.line1, 200",
        "register, defaultShippingAddress.line2, 200",
        "register, defaultShippingAddress.city, 100",
        "register, defaultShippingAddress.region, 100",
        "register, defaultShippingAddress.postalCode, 20",
        "change, name, 200",
        "change, email, 254",
        "order, orderId, 64",
        "order, storeId, 64",
        "order, lines[0].sku, 64",
        "order, lines[0].name, 200",
        "order, shippingAddress.line1, 200",
        "order, shippingAddress.city, 100",
        "order, shippingAddress.postalCode, 20",
        "refund, refundId, 64",
        "refund, reason, 500",
        "cancel, reason, 500",
        "return, reason, 500",
        "shipment, carrier, 100",
        "shipment, trackingNumber, 100",
        "shipment, location, 200",
        "shipment, note, 500",
        "address, line1, 200",
        "address, postalCode, 20"
    })
    void shouldAcceptTextUpToItsLimit(String endpoint, String field, int limit) {
        assertAccepted(send(endpoint, field, TextNode.valueOf(text(field, limit))));
    }

    @ParameterizedTest(name = "{0} {1} of {2} + 1 characters")
    @CsvSource({
        "register, name, 200",
        "register, email, 254",
        "register, customerId, 64",
        "register, defaultShippingAddress.name, 200",
        "register, defaultShippingAddress.line1, 200",
        "register, defaultShippingAddress.line2, 200",
        "register, defaultShippingAddress.city, 100",
        "register, defaultShippingAddress.region, 100",
        "register, defaultShippingAddress.postalCode, 20",
        "change, name, 200",
        "change, email, 254",
        "order, orderId, 64",
        "order, storeId, 64",
        "order, lines[0].sku, 64",
        "order, lines[0].name, 200",
        "order, shippingAddress.line1, 200",
        "order, shippingAddress.city, 100",
        "order, shippingAddress.postalCode, 20",
        "refund, refundId, 64",
        "refund, reason, 500",
        "cancel, reason, 500",
        "return, reason, 500",
        "shipment, carrier, 100",
        "shipment, trackingNumber, 100",
        "shipment, location, 200",
        "shipment, note, 500",
        "address, line1, 200",
        "address, postalCode, 20"
    })
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
