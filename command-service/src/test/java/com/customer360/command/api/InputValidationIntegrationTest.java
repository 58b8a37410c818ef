package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every validation rule of the command API, one behaviour each: lengths, formats (email, phone, ISO 4217 currency and
 * ISO 3166 country codes, ids), positive quantities, non-negative amounts with the currency's own digits, plausible
 * timestamps, plain text, the body size limit, and unknown fields.
 *
 * <p>Unknown fields are refused, not ignored, and the refusal names the field: a caller's typo ({@code "emial"},
 * {@code "shippingAdress"}) must never drop data silently.
 */
class InputValidationIntegrationTest extends RunningCommandService {

    private static final int MAX_BODY_BYTES = 256 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String customerId = "c-" + suffix;
    private final String placedOrder = "o-" + suffix;
    private final String deliveredOrder = "d-" + suffix;
    private Http http;

    @BeforeEach
    void setUp() {
        http = http();
        assertAccepted(http.post("/api/customers", validBody("register").toString()));
        assertAccepted(
                http.post("/api/orders", order(placedOrder, "USD", "12.50").toString()));
        assertAccepted(
                http.post("/api/orders", order(deliveredOrder, "USD", "12.50").toString()));
        assertAccepted(http.post("/api/orders/" + deliveredOrder + "/shipment-updates", "{\"status\":\"IN_TRANSIT\"}"));
        assertAccepted(http.post("/api/orders/" + deliveredOrder + "/shipment-updates", "{\"status\":\"DELIVERED\"}"));
    }

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

    // ---------------------------------------------------------------- formats

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

    // ---------------------------------------------------------------- requests

    /**
     * The endpoint's valid request with one field set (added if absent): a registration of a new customer, or a request
     * about this test's own records.
     */
    private Http.Response send(String endpoint, String field, JsonNode value) {
        ObjectNode body = validBody(endpoint);
        if (endpoint.equals("register")) {
            body.put("customerId", "n-" + UUID.randomUUID());
        }
        set(body, field, value);
        return switch (endpoint) {
            case "register" -> http.post("/api/customers", body.toString());
            case "change" -> http.send("PATCH", "/api/customers/" + customerId, body.toString());
            case "order" -> http.post("/api/orders", body.toString());
            case "refund" -> http.post("/api/orders/" + placedOrder + "/refunds", body.toString());
            case "cancel" -> http.post("/api/orders/" + placedOrder + "/cancel", body.toString());
            case "return" -> http.post("/api/orders/" + deliveredOrder + "/return", body.toString());
            case "shipment" -> http.post("/api/orders/" + placedOrder + "/shipment-updates", body.toString());
            case "address" -> http.send("PUT", "/api/orders/" + placedOrder + "/shipping-address", body.toString());
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private ObjectNode validBody(String endpoint) {
        return switch (endpoint) {
            case "register" -> {
                ObjectNode customer = json.createObjectNode();
                customer.put("customerId", customerId);
                customer.put("name", "Ada Lovelace");
                customer.put("email", "ada@example.com");
                customer.put("phone", "+44 20 7946 0000");
                customer.set("defaultShippingAddress", address("GB"));
                yield customer;
            }
            case "change" -> json.createObjectNode().put("name", "Ada King");
            case "order" -> order(null, "USD", "12.50");
            case "refund" -> json.createObjectNode().put("amount", "1.00");
            case "cancel", "return" -> json.createObjectNode().put("reason", "changed my mind");
            case "shipment" -> json.createObjectNode().put("status", "IN_TRANSIT");
            case "address" -> address("US");
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private ObjectNode order(String orderId, String currency, String unitPrice) {
        ObjectNode order = json.createObjectNode();
        if (orderId != null) {
            order.put("orderId", orderId);
        }
        order.put("customerId", customerId);
        order.put("storeId", "store-1");
        order.put("currency", currency);
        order.putArray("lines").add(line(unitPrice));
        order.set("shippingAddress", address("US"));
        return order;
    }

    private ObjectNode line(String unitPrice) {
        ObjectNode line = json.createObjectNode();
        line.put("sku", "TEA");
        line.put("name", "Tea");
        line.put("quantity", 2);
        line.put("unitPrice", unitPrice);
        return line;
    }

    private ObjectNode address(String country) {
        ObjectNode address = json.createObjectNode();
        address.put("line1", "1 Main St");
        address.put("city", "Springfield");
        address.put("postalCode", "12345");
        address.put("country", country);
        return address;
    }

    /** Sets a field given as a path such as {@code lines[0].sku} or {@code shippingAddress.city}. */
    private static void set(ObjectNode body, String path, JsonNode value) {
        JsonNode parent = body;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = step(parent, steps[i]);
        }
        ((ObjectNode) parent).set(steps[steps.length - 1], value);
    }

    private static JsonNode step(JsonNode node, String step) {
        int bracket = step.indexOf('[');
        if (bracket < 0) {
            return node.get(step);
        }
        return node.get(step.substring(0, bracket))
                .get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
    }

    /**
     * Text of exactly the given length for the field: a well-formed email address for an email, a unique id for an id
     * (so that accepting it records something new), and plain letters otherwise.
     */
    private String text(String field, int length) {
        if (field.endsWith("email")) {
            // 64 characters before the '@' at most; labels of the domain of 63 at most.
            String local = "a".repeat(64);
            int labels = length - local.length() - 1 - ".com".length();
            String first = "b".repeat((labels - 2) / 3);
            String second = "c".repeat((labels - 2) / 3);
            String third = "d".repeat(labels - 2 - first.length() - second.length());
            return local + "@" + first + "." + second + "." + third + ".com";
        }
        String unique = UUID.randomUUID().toString().replace("-", "");
        return (unique + "x".repeat(length)).substring(0, length);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
