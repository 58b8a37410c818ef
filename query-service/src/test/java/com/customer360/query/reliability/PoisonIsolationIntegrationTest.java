package com.customer360.query.reliability;

import static com.customer360.query.reliability.ReliabilityScenario.awaitCustomerWithOrders;
import static com.customer360.query.reliability.ReliabilityScenario.awaitDeadLetters;
import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.events.order.OrderPlaced;
import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever one customer's data does to the read side — an amount the store cannot hold, a document above the store's
 * size limit, a refund in a currency its order is not in — that customer is held behind a dead letter with the reason
 * and every other customer keeps updating. The size limit is lowered here so that a test reaches it with an ordinary
 * large basket; MongoDB's own limit is 16 MB.
 */
class PoisonIsolationIntegrationTest {

    private static StandaloneQueryService service;
    private final EventHistory history = new EventHistory();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() {
        service = StandaloneQueryService.start(
                "poison-" + UUID.randomUUID(), Map.of("customer360.projection.max-document-size", "8KB"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void shouldHoldACustomerWhoseAmountTheStoreCannotHoldAndKeepServingTheOthers() {
        String poisoned = "c-huge-" + run;
        String other = "c-other-" + run;
        EventEnvelope placed = history.placed("o-huge-" + run, poisoned, "JPY", "1", "2026-01-02");
        OrderPlaced original = (OrderPlaced) placed.event();
        // 41 digits: an integer, so no more minor digits than JPY has, but more than Decimal128's 34.
        BigDecimal huge = new BigDecimal("12345678901234567890123456789012345678901");
        EventEnvelope tooLarge = new EventEnvelope(
                placed.id(),
                placed.source(),
                placed.time(),
                placed.aggregateSequence(),
                new OrderPlaced(
                        original.orderId(),
                        original.customerId(),
                        original.storeId(),
                        original.currency(),
                        List.of(new com.customer360.events.order.OrderLine("SKU-1", "Gold", 1, huge)),
                        huge,
                        original.shippingAddress(),
                        original.placedAt()));

        service.publisher()
                .publish(List.of(
                        history.registered(poisoned, null),
                        tooLarge,
                        history.registered(other, null),
                        history.placed("o-other-" + run, other, "EUR", "10.00", "2026-01-03")));

        JsonNode page = awaitCustomerWithOrders(service.http(), other, 1);
        assertThat(page.path("summaries").path(0).path("lifetimeValue").asText())
                .isEqualTo("10.00");
        assertThat(awaitDeadLetters(service.http(), poisoned, 1)).containsExactly("INVALID_DATA");
    }

    @Test
    void shouldHoldACustomerWhoseDocumentPassesTheStoresSizeLimitAndKeepServingTheOthers() {
        String poisoned = "c-basket-" + run;
        String other = "c-neighbour-" + run;

        service.publisher()
                .publish(List.of(
                        history.registered(poisoned, null),
                        history.placedWithLines("o-basket-" + run, poisoned, "EUR", 200, "1.00"),
                        history.shipped("o-basket-" + run, poisoned, "2026-01-04"),
                        history.registered(other, null),
                        history.placed("o-neighbour-" + run, other, "EUR", "12.00", "2026-01-03")));

        JsonNode page = awaitCustomerWithOrders(service.http(), other, 1);
        assertThat(page.path("summaries").path(0).path("orderCount").asInt()).isEqualTo(1);
        assertThat(awaitDeadLetters(service.http(), poisoned, 2))
                .containsExactly("DOCUMENT_REFUSED", "HELD_BEHIND_DEAD_LETTER");
        assertThat(ReliabilityScenario.reasonOfFirstDeadLetter(service, poisoned))
                .contains("order_details", "o-basket-" + run, "8192");
    }

    @Test
    void shouldHoldACustomerWithARefundInAnotherCurrencyThanItsOrder() {
        String customer = "c-mismatch-" + run;
        String orderId = "o-mismatch-" + run;

        service.publisher()
                .publish(List.of(
                        history.registered(customer, null),
                        history.placed(orderId, customer, "EUR", "10.00", "2026-01-03"),
                        history.refundedIn(orderId, customer, "USD", "1.00"),
                        history.refunded(orderId, customer, "EUR", "2.00")));

        assertThat(awaitDeadLetters(service.http(), customer, 2))
                .containsExactly("CURRENCY_MISMATCH", "HELD_BEHIND_DEAD_LETTER");
        assertThat(service.http()
                        .get("/api/orders/" + orderId)
                        .json()
                        .path("refundedTotal")
                        .asText())
                .isEqualTo("0.00");
    }
}
