package com.customer360.command.api;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/**
 * The command API's rules for formats, one behaviour each: email addresses, phone numbers, ISO 4217 currency and ISO
 * 3166 country codes, ids in the body and in the path, and shipment statuses.
 */
class FormatValidationIntegrationTest extends InputValidationFixture {

    @Test
    void cannotRegisterAnEmailWithoutADomain() {
        assertProblem(send("register", "email", TextNode.valueOf("ada@")), 400, "email");
    }

    @Test
    void cannotRegisterAnEmailWithoutATopLevelDomain() {
        assertProblem(send("register", "email", TextNode.valueOf("ada@example")), 400, "email");
    }

    @Test
    void cannotRegisterAnEmailWithSpaces() {
        assertProblem(send("register", "email", TextNode.valueOf("ada lovelace@example.com")), 400, "email");
    }

    @Test
    void cannotChangeTheEmailToAnInvalidOne() {
        assertProblem(send("change", "email", TextNode.valueOf("not-an-email")), 400, "email");
    }

    @Test
    void cannotRegisterAPhoneNumberWithLetters() {
        assertProblem(send("register", "phone", TextNode.valueOf("call me maybe")), 400, "phone");
    }

    @Test
    void cannotUseALowerCaseCurrencyCode() {
        assertProblem(send("order", "currency", TextNode.valueOf("usd")), 400, "currency");
    }

    @Test
    void cannotUseACurrencyWithoutFixedMinorDigits() {
        assertProblem(send("order", "currency", TextNode.valueOf("XAU")), 400, "currency");
    }

    @Test
    void cannotUseALowerCaseCountryCode() {
        assertProblem(send("order", "shippingAddress.country", TextNode.valueOf("us")), 400, "shippingAddress.country");
    }

    @Test
    void cannotUseACountryCodeOutsideIso3166() {
        assertProblem(send("address", "country", TextNode.valueOf("UK")), 400, "country");
    }

    @Test
    void cannotUseAnIdWithSpaces() {
        assertProblem(send("register", "customerId", TextNode.valueOf("ada lovelace")), 400, "customerId");
    }

    @Test
    void cannotUseAnIdStartingWithAPunctuationMark() {
        assertProblem(send("order", "storeId", TextNode.valueOf("-store")), 400, "storeId");
    }

    @Test
    void cannotNameAnOrderInThePathWithAnIdOf65Characters() {
        assertProblem(http.post("/api/orders/" + "o".repeat(65) + "/cancel", "{}"), 400, "orderId");
    }

    @Test
    void cannotSendAnUnknownShipmentStatus() {
        assertProblem(send("shipment", "status", TextNode.valueOf("LOST")), 400, "status");
    }
}
