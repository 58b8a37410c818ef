package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.customer.CustomerDetailsChanged;
import com.customer360.events.order.OrderPlaced;
import com.customer360.testing.TestHttp;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Commands the rules refuse: bad input named by field and reason, unknown ids, a broken lifecycle, too large a body. */
class CommandRulesIntegrationTest extends CommandApiTests {

    @Test
    void shouldNameTheFieldAndTheReasonOfBadInput() {
        http.post("/api/customers", customer());

        assertProblem(http.post("/api/customers", "{\"name\":\"Ada\",\"email\":\"not-an-email\"}"), 400, "email");
        assertProblem(http.post("/api/customers", "{\"email\":\"ada@example.com\"}"), 400, "name");
        assertProblem(
                http.post("/api/customers", "{\"name\":\"A\",\"email\":\"a@b.co\",\"nickname\":\"x\"}"),
                400,
                "nickname");
        assertProblem(http.post("/api/customers", "{\"name\": \"Ada\""), 400, "body");
        assertProblem(http.post("/api/orders", order("o-1", "").replace("\"USD\"", "\"XYZ\"")), 400, "currency");
        assertProblem(
                http.post("/api/orders", order("o-1", "").replace("\"quantity\":2", "\"quantity\":0")),
                400,
                "lines[0].quantity");
        assertProblem(
                http.post("/api/orders", order("o-1", "").replace("\"12.50\"", "\"12.505\"")),
                400,
                "lines[0].unitPrice");
        assertProblem(
                http.post("/api/orders", order("o-1", "").replace("\"12.50\"", "\"twelve\"")),
                400,
                "lines[0].unitPrice");
        assertProblem(
                http.post("/api/orders", order("o-1", "").replace("\"US\"", "\"USA\"")),
                400,
                "shippingAddress.country");
        assertProblem(
                http.post("/api/orders", order("o-1", ",\"placedAt\":\"2999-01-01T00:00:00Z\"")), 400, "placedAt");
        assertProblem(http.post("/api/orders", order("o-1", ",\"placedAt\":\"yesterday\"")), 400, "placedAt");
        assertProblem(http.post("/api/orders", order("bad id!", "")), 400, "orderId");
    }

    @Test
    void shouldTakeAmountsSentAsJsonNumbersExactly() {
        http.post("/api/customers", customer());
        String orderId = "o-" + UUID.randomUUID();

        http.post("/api/orders", order(orderId, "").replace("\"12.50\"", "12.5"));

        OrderPlaced placed = (OrderPlaced) publishedFor(customerId, 2).get(1).event();
        assertThat(placed.lines().get(0).unitPrice()).isEqualTo(new BigDecimal("12.50"));
        assertThat(placed.total()).isEqualTo(new BigDecimal("43.95"));
    }

    @Test
    void shouldRejectATotalThatDisagreesWithTheLines() {
        http.post("/api/customers", customer());

        assertProblem(http.post("/api/orders", order("o-" + UUID.randomUUID(), ",\"total\":\"40.00\"")), 422, "total");
    }

    @Test
    void cannotOrderForAnUnknownCustomer() {
        assertProblem(http.post("/api/orders", order("o-" + UUID.randomUUID(), "")), 422, "customerId");
    }

    @Test
    void cannotActOnAnUnknownOrderOrCustomer() {
        assertProblem(http.post("/api/orders/o-missing/cancel", "{}"), 404, "orderId");
        assertProblem(http.send("PATCH", "/api/customers/c-missing", "{\"name\":\"X\"}"), 404, "customerId");
    }

    @Test
    void cannotBreakTheOrderLifecycle() {
        http.post("/api/customers", customer());
        String orderId = "o-" + UUID.randomUUID();
        http.post("/api/orders", order(orderId, ""));

        assertProblem(http.post("/api/orders/" + orderId + "/return", null), 422, "status");
        assertProblem(http.post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"50.00\"}"), 422, "amount");
    }

    @Test
    void cannotRefundACancelledDraft() {
        http.post("/api/customers", customer());
        String orderId = "o-" + UUID.randomUUID();
        http.post("/api/orders", order(orderId, ",\"draft\":true"));
        http.post("/api/orders/" + orderId + "/cancel", "{}");

        assertProblem(http.post("/api/orders/" + orderId + "/refunds", "{\"amount\":\"5.00\"}"), 422, "status");
    }

    @Test
    void shouldApplyAMergePatchToTheCustomersDetails() {
        http.post("/api/customers", customer());

        TestHttp.Answer response = http.send(
                "PATCH", "/api/customers/" + customerId, "{\"email\":\"ada@new.example.com\",\"phone\":null}");

        assertThat(response.status()).isEqualTo(204);
        CustomerDetailsChanged changed =
                (CustomerDetailsChanged) publishedFor(customerId, 2).get(1).event();
        assertThat(changed.email()).isEqualTo("ada@new.example.com");
        assertThat(changed.phone()).isNull();
        assertThat(changed.name()).isEqualTo("Ada Lovelace");
        assertThat(changed.defaultShippingAddress().city()).isEqualTo("London");
    }

    @Test
    void shouldRefuseABodyAboveTheSizeLimit() {
        String huge = "{\"name\":\"" + "x".repeat(300 * 1024) + "\",\"email\":\"a@b.co\"}";

        assertProblem(http.post("/api/customers", huge), 413, "body");
    }
}
