package com.customer360.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    private final DemoData.Plan plan = DemoData.generate(42, 300, 3000, Instant.parse("2026-11-24T12:00:00Z"));

    private List<DemoData.Call> calls() {
        return plan.orders().stream().flatMap(List::stream).toList();
    }

    @Test
    void shouldRegisterAFewHundredCustomersAndPlaceAFewThousandOrders() {
        assertThat(plan.customers()).hasSize(300);
        assertThat(plan.orders()).hasSize(3000);
    }

    @Test
    void shouldCoverEveryStatusTransitionAndRefunds() {
        Map<String, Long> actions = calls().stream()
                .map(call -> call.path().replaceAll("/api/orders/[^/]+", "/api/orders/{id}"))
                .collect(Collectors.groupingBy(path -> path, Collectors.counting()));

        assertThat(actions.keySet())
                .contains(
                        "/api/orders",
                        "/api/orders/{id}/place",
                        "/api/orders/{id}/cancel",
                        "/api/orders/{id}/shipment-updates",
                        "/api/orders/{id}/return",
                        "/api/orders/{id}/refunds");
        assertThat(calls().stream()
                        .filter(call -> Boolean.TRUE.equals(call.body().get("draft"))))
                .isNotEmpty();
    }

    @Test
    void shouldUseTwoCurrenciesAndSeveralStores() {
        List<Map<String, Object>> creates = calls().stream()
                .filter(call -> call.path().equals("/api/orders"))
                .map(DemoData.Call::body)
                .toList();

        assertThat(creates.stream().map(body -> body.get("currency")).distinct())
                .containsExactlyInAnyOrder("EUR", "USD");
        assertThat(creates.stream().map(body -> body.get("storeId")).distinct().count())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void shouldGiveEveryRequestAnIdempotencyKeySoThatLoadingCanStartAgain() {
        assertThat(calls()).allSatisfy(call -> assertThat(call.idempotencyKey()).isNotBlank());
        assertThat(calls().stream()
                        .map(DemoData.Call::idempotencyKey)
                        .distinct()
                        .count())
                .isEqualTo(calls().size());
    }

    @Test
    void shouldPlanTheSameRequestsForTheSameSeedAndDay() {
        DemoData.Plan again = DemoData.generate(42, 300, 3000, Instant.parse("2026-11-24T18:00:00Z"));

        assertThat(again).isEqualTo(plan);
    }
}
