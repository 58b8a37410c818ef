package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The command API's rules for the values it computes on, one behaviour each: positive whole quantities, non-negative
 * amounts with the currency's own digits and at most 15 digits in all, and plausible timestamps with an offset.
 */
class AmountAndTimeValidationIntegrationTest extends InputValidationFixture {

    // ---------------------------------------------------------------- quantities

    @Test
    void cannotOrderANegativeQuantity() {
        assertProblem(
                send("order", "lines[0].quantity", json.getNodeFactory().numberNode(-1)), 400, "lines[0].quantity");
    }

    @Test
    void cannotOrderAFractionalQuantity() {
        assertProblem(
                send("order", "lines[0].quantity", json.getNodeFactory().numberNode(1.5)), 400, "lines[0].quantity");
    }

    @Test
    void cannotOrderMoreThan100000OfALine() {
        assertProblem(
                send("order", "lines[0].quantity", json.getNodeFactory().numberNode(100_001)),
                400,
                "lines[0].quantity");
    }

    // ---------------------------------------------------------------- amounts

    @Test
    void shouldAcceptTwoDecimalPlacesInUsDollars() {
        assertThat(send("order", "lines[0].unitPrice", TextNode.valueOf("1.50")).status())
                .isEqualTo(201);
    }

    @Test
    void cannotRefundThreeDecimalPlacesInUsDollars() {
        assertProblem(send("refund", "amount", TextNode.valueOf("1.505")), 400, "amount");
    }

    @Test
    void cannotPriceInFractionsOfAYen() {
        assertProblem(http.post("/api/orders", order(null, "JPY", "1.5").toString()), 400, "lines[0].unitPrice");
    }

    @Test
    void shouldAcceptWholeYen() {
        assertThat(http.post("/api/orders", order(null, "JPY", "1500").toString())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void shouldAcceptThreeDecimalPlacesInBahrainiDinars() {
        assertThat(http.post("/api/orders", order(null, "BHD", "1.005").toString())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void cannotSendANegativeUnitPrice() {
        assertProblem(send("order", "lines[0].unitPrice", TextNode.valueOf("-0.01")), 400, "lines[0].unitPrice");
    }

    @Test
    void shouldAcceptAFreeLine() {
        assertThat(send("order", "lines[0].unitPrice", TextNode.valueOf("0.00")).status())
                .isEqualTo(201);
    }

    @Test
    void cannotRefundNothing() {
        assertProblem(send("refund", "amount", TextNode.valueOf("0.00")), 400, "amount");
    }

    @Test
    void cannotRefundANegativeAmount() {
        assertProblem(send("refund", "amount", TextNode.valueOf("-5.00")), 400, "amount");
    }

    @Test
    void cannotSendATotalWithMoreThan15Digits() {
        assertProblem(send("order", "total", TextNode.valueOf("1" + "0".repeat(15))), 400, "total");
    }

    @Test
    void cannotSendAnAmountWhoseExponentOverflowsTheDigitCount() {
        assertProblem(send("refund", "amount", TextNode.valueOf("1e2147483647")), 400, "amount");
    }

    @Test
    void cannotSendAPriceWhoseExponentOverflowsTheDigitCountWithAnIdempotencyKey() {
        ObjectNode order = order(null, "USD", "1e2147483647");

        assertProblem(
                http.post("/api/orders", order.toString(), "Idempotency-Key", "k-" + suffix),
                400,
                "lines[0].unitPrice");
    }

    @Test
    void cannotSendAnAmountAsText() {
        assertProblem(send("refund", "amount", TextNode.valueOf("five")), 400, "amount");
    }

    // ---------------------------------------------------------------- timestamps

    @Test
    void cannotPlaceAnOrderBefore2000() {
        assertProblem(send("order", "placedAt", TextNode.valueOf("1999-12-31T23:59:59Z")), 400, "placedAt");
    }

    @Test
    void shouldAcceptAPlacedTimeWithinTheClockSkew() {
        String soon = Instant.now().plus(2, ChronoUnit.MINUTES).toString();

        assertThat(send("order", "placedAt", TextNode.valueOf(soon)).status()).isEqualTo(201);
    }

    @Test
    void cannotPlaceAnOrderBeyondTheClockSkew() {
        String later = Instant.now().plus(10, ChronoUnit.MINUTES).toString();

        assertProblem(send("order", "placedAt", TextNode.valueOf(later)), 400, "placedAt");
    }

    @Test
    void cannotSendATimestampWithoutAnOffset() {
        assertProblem(send("order", "placedAt", TextNode.valueOf("2026-01-01T10:00:00")), 400, "placedAt");
    }

    @Test
    void cannotSendADateThatDoesNotExist() {
        assertProblem(send("order", "placedAt", TextNode.valueOf("2025-02-30T10:00:00Z")), 400, "placedAt");
    }

    @Test
    void cannotPlaceAnOrderInTheFarFuture() {
        assertProblem(
                http.post("/api/orders/" + placedOrder + "/place", "{\"placedAt\":\"+999999999-12-31T23:59:59Z\"}"),
                400,
                "placedAt");
    }

    @Test
    void cannotRecordAShipmentUpdateFromTheFuture() {
        assertProblem(send("shipment", "at", TextNode.valueOf("2999-01-01T00:00:00Z")), 400, "at");
    }
}
